#!/usr/bin/python3
"""PyTorch state_dicts in safetensors, both ways, for PytorchStateDictTest.

Run with Debian's python3, which has torch 1.13 (the default python3 may lack it), from any folder:

  /usr/bin/python3 generate_pytorch.py
      trains the two models below in float32 and in float64 on a fixed seed and writes, beside this script,
      their state_dicts as NAME_f32.safetensors and NAME_f64.safetensors, and torch_predictions.txt: inputs
      and torch's predictions model(x) for each file.

  /usr/bin/python3 generate_pytorch.py --check-export DIR
      the reverse: loads every DIR/*.safetensors that PytorchStateDictTest wrote with ModelFiles.exportPytorch
      into a freshly built nn.Sequential of the architecture its name says, with load_state_dict(strict=True),
      and checks its predictions against DIR/java_predictions.txt, which the test wrote beside them
      (-Dneurite.pytorch.export=DIR). Exits 1 on any mismatch.

The models: tanh_prelu = nn.Sequential(Linear(4, 8), Tanh(), Linear(8, 6), PReLU(), Linear(6, 3)), three classes
of Gaussian blobs in 4-D (cross-entropy on the logits); relu_sigmoid = nn.Sequential(Linear(3, 5), ReLU(),
Linear(5, 1), Sigmoid()), two blobs in 3-D (binary cross-entropy); 300 full-batch Adam steps, lr 0.01.

There is no safetensors package here, so this script writes and reads the format itself, from its
specification: 8 bytes of little-endian unsigned header length N, N bytes of compact UTF-8 JSON
{name: {"dtype", "shape", "data_offsets"}} with "__metadata__" first, padded with spaces to a multiple of 8,
then the tensors' raw little-endian bytes back to back, ordered as the reference writer orders them: by dtype
alignment, largest first, then by name. The metadata is {"format": "pt"}, what safetensors.torch.save_file puts.

Prediction files: one line per sample, FILE INPUTS OUTPUTS, the numbers comma-separated as repr() prints them
(float32 values widened exactly to float64).
"""
import argparse
import glob
import json
import os
import struct
import sys

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = {"F32": torch.float32, "F64": torch.float64}
ORDER = ["F64", "F32"]  # alignment, largest first, as the reference sorts
TOLERANCE = {torch.float32: 1e-6, torch.float64: 1e-12}  # relative (see relative_error), as PytorchStateDictTest's
STEPS = 300


def architecture(name):
    """A fresh nn.Sequential for a file named NAME_f32 or NAME_f64, with torch's default initialisation."""
    if name.startswith("tanh_prelu"):
        return nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 6), nn.PReLU(), nn.Linear(6, 3))
    if name.startswith("relu_sigmoid"):
        return nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
    raise ValueError("no architecture for " + name)


def blobs(generator, centers, per_class, spread, dtype):
    """per_class Gaussian points around each center; the labels as class indices."""
    xs, ys = [], []
    for label, center in enumerate(centers):
        xs.append(torch.tensor(center, dtype=torch.float64) + spread * torch.randn(per_class, len(center),
                                                                                   generator=generator,
                                                                                   dtype=torch.float64))
        ys.append(torch.full((per_class,), label))
    return torch.cat(xs).to(dtype), torch.cat(ys)


def train(name, dtype):
    """The trained model and 10 inputs to predict (fresh draws from the same blobs, and one far point)."""
    torch.manual_seed(0)
    model = architecture(name).to(dtype)
    generator = torch.Generator().manual_seed(1)
    if name.startswith("tanh_prelu"):
        centers = [[-1.5, 0.5, -1.0, -1.2], [0.3, -0.6, 0.4, 0.2], [1.2, 0.1, 1.5, 1.1]]
        x, y = blobs(generator, centers, 50, 0.5, dtype)
        loss_of = lambda out: nn.functional.cross_entropy(out, y)
        far = [4.0, -3.0, 2.5, -0.5]
    else:
        centers = [[-1.0, 0.5, 0.0], [1.0, -0.5, 0.8]]
        x, y = blobs(generator, centers, 40, 0.7, dtype)
        loss_of = lambda out: nn.functional.binary_cross_entropy(out[:, 0], y.to(dtype))
        far = [-3.0, 2.0, 5.0]
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = loss_of(model(x))
        loss.backward()
        optimizer.step()
    inputs, _ = blobs(generator, centers, 3, 0.6, dtype)
    inputs = torch.cat([inputs, torch.tensor([far], dtype=dtype)])
    return model, inputs, loss.item()


# ---- safetensors, from the specification ----

def write_safetensors(path, tensors):
    """tensors: {name: float32 or float64 tensor}."""
    def key(item):
        return ORDER.index(dtype_of(item[1])), [ord(c) for c in item[0]]
    header = {"__metadata__": {"format": "pt"}}
    data = bytearray()
    for name, t in sorted(tensors.items(), key=key):
        raw = t.detach().contiguous().numpy().astype("<f8" if t.dtype == torch.float64 else "<f4").tobytes()
        header[name] = {"dtype": dtype_of(t), "shape": list(t.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + bytes(data))


def dtype_of(t):
    return {torch.float32: "F32", torch.float64: "F64"}[t.dtype]


def read_safetensors(path):
    """The metadata and {name: tensor} of a file, checking the header's offsets tile the data section."""
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    data = blob[8 + n:]
    metadata = header.pop("__metadata__", {})
    tensors, end = {}, 0
    for name, entry in sorted(header.items(), key=lambda e: e[1]["data_offsets"]):
        begin, stop = entry["data_offsets"]
        if begin != end or entry["dtype"] not in DTYPES:
            raise ValueError("%s: tensor %s: offsets %s after %d, dtype %s" % (path, name, entry["data_offsets"],
                                                                              end, entry["dtype"]))
        dtype = DTYPES[entry["dtype"]]
        t = torch.frombuffer(bytearray(data[begin:stop]), dtype=dtype) if stop > begin else torch.zeros(0, dtype=dtype)
        tensors[name] = t.reshape(entry["shape"])
        end = stop
    if end != len(data):
        raise ValueError("%s: data section of %d bytes, tensors end at %d" % (path, len(data), end))
    return metadata, tensors


# ---- prediction files ----

def numbers(values):
    return ",".join(repr(float(v)) for v in values)


def read_predictions(path):
    """{file: [(inputs, outputs)]} in file order."""
    samples = {}
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, x, y = line.split()
            samples.setdefault(name, []).append(([float(v) for v in x.split(",")], [float(v) for v in y.split(",")]))
    return samples


def generate():
    lines = ["# generate_pytorch.py, torch %s: FILE INPUTS model(INPUTS), repr() numbers" % torch.__version__]
    for name in ("tanh_prelu", "relu_sigmoid"):
        for suffix, dtype in (("f32", torch.float32), ("f64", torch.float64)):
            model, inputs, loss = train(name, dtype)
            file = "%s_%s.safetensors" % (name, suffix)
            write_safetensors(os.path.join(HERE, file), model.state_dict())
            with torch.no_grad():
                outputs = model(inputs)
            for x, y in zip(inputs, outputs):
                lines.append("%s %s %s" % (file, numbers(x), numbers(y)))
            print("%s: keys %s, final training loss %.6f" % (file, list(model.state_dict()), loss))
    with open(os.path.join(HERE, "torch_predictions.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def relative_error(got, want):
    """A sample's relative error as a vector, in the maximum norm: max |got - want| / max |want|."""
    return max(abs(g - w) for g, w in zip(got, want)) / max(abs(w) for w in want)


def check_export(folder):
    expected = read_predictions(os.path.join(folder, "java_predictions.txt"))
    files = sorted(glob.glob(os.path.join(folder, "*.safetensors")))
    failures = 0
    print("torch %s; checking %d files in %s" % (torch.__version__, len(files), folder))
    if not files or {os.path.basename(f) for f in files} != set(expected):
        print("FAIL: the files %s and the predictions' %s differ" % ([os.path.basename(f) for f in files],
                                                                      sorted(expected)))
        return 1
    for path in files:
        file = os.path.basename(path)
        metadata, tensors = read_safetensors(path)
        dtypes = {t.dtype for t in tensors.values()}
        dtype = dtypes.pop()
        model = architecture(file).to(dtype)
        problems = []
        if metadata != {"format": "pt"}:
            problems.append("metadata %s" % metadata)
        if dtypes:
            problems.append("mixed dtypes")
        try:
            model.load_state_dict(tensors, strict=True)
        except RuntimeError as e:
            problems.append("load_state_dict: %s" % e)
        worst = 0.0
        samples = expected[file]
        with torch.no_grad():
            outputs = model(torch.tensor([x for x, _ in samples], dtype=dtype))
        for (_, want), got in zip(samples, outputs.tolist()):
            worst = max(worst, relative_error(got, want))
        if worst > TOLERANCE[dtype]:
            problems.append("predictions differ: max relative error %.3g > %g" % (worst, TOLERANCE[dtype]))
        print("%s %s: %s; load_state_dict(strict=True) %s; %d predictions, max relative error %.3g (tolerance %g)"
              % ("FAIL" if problems else "ok", file, ", ".join("%s %s %s" % (k, dtype_of(t), list(t.shape))
                                                               for k, t in tensors.items()),
                 "failed" if any(p.startswith("load") for p in problems) else "ok", len(samples), worst,
                 TOLERANCE[dtype]))
        for p in problems:
            print("    " + p)
        failures += bool(problems)
    print("%d of %d files failed" % (failures, len(files)))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check-export", metavar="DIR")
    args = parser.parse_args()
    if args.check_export:
        sys.exit(check_export(args.check_export))
    generate()


if __name__ == "__main__":
    main()
