#!/usr/bin/env python3
"""Reference gradients for Neurite's backpropagation (org.neurite.integration.GradientFixtureTest).

Run with Debian's Python, which has PyTorch 1.13 (`apt-get install -y python3-torch`):

    /usr/bin/python3 generate_gradients.py

It rewrites gradients.tsv beside it. CI never runs this script; it reads the committed file.

Every case is a small multi-layer perceptron written in plain PyTorch (nn.Linear weights (out, in) and
biases, the activation applied after each layer, nn.PReLU for prelu), a batch, a target and a loss. The
script records the weights, the batch, the target, the loss value and torch.autograd's gradient of the loss
with respect to every parameter, under Neurite's names (layers.<i>.weight, layers.<i>.bias,
layers.<i>.alpha). The Java test builds the same network from those weights, runs Neurite's forward and
backward passes and compares. Two families of cases:

* every activation of the catalogue (some with non-default parameters) in a 4 -> 6 -> 5 -> 3 network with
  that activation on both hidden layers, a linear output and the mean squared error;
* every loss and reduction on a 4 -> 6 (tanh) -> C network whose output activation is the one the loss
  expects (linear for logits, sigmoid for bce, log_softmax for nll and kl_div).

Each case is written in float64 and again in float32 (the same numbers rounded, computed by torch in
float32). Numbers are printed with repr(), which parses back to the same double.
"""

import os

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gradients.tsv")


def swish(beta):
    return lambda x: x * torch.sigmoid(beta * x)


# Neurite spec -> the PyTorch function it must equal. prelu is handled as a module (learnable alpha).
ACTIVATIONS = {
    "linear": lambda x: x,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,
    "leaky_relu(alpha=0.1)": lambda x: F.leaky_relu(x, 0.1),
    "prelu": None,
    "prelu(alpha=0.4)": None,
    "elu(alpha=0.7)": lambda x: F.elu(x, 0.7),
    "selu": F.selu,
    "celu(alpha=1.5)": lambda x: F.celu(x, 1.5),
    "gelu": F.gelu,
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "silu": F.silu,
    "swish(beta=1.7)": swish(1.7),
    "mish": F.mish,
    "softplus(beta=2.0)": lambda x: F.softplus(x, beta=2.0),
    "softsign": F.softsign,
    "log_sigmoid": F.logsigmoid,
    "relu6": F.relu6,
    "hardtanh(min=-0.5, max=0.8)": lambda x: F.hardtanh(x, -0.5, 0.8),
    # Not F.hardsigmoid: PyTorch 1.13's float64 backward of it multiplies by the float32 constant 1/6
    # (0.1666666716337204, a relative error of 3e-8); its textbook form through autograd is exact.
    "hard_sigmoid": lambda x: F.relu6(x + 3) / 6,
    "hard_swish": F.hardswish,
    "tanhshrink": F.tanhshrink,
    "softmax": lambda x: F.softmax(x, dim=1),
    "log_softmax": lambda x: F.log_softmax(x, dim=1),
}


class Net(torch.nn.Module):
    def __init__(self, sizes, specs, dtype, gen):
        super().__init__()
        self.linears = torch.nn.ModuleList()
        self.acts = []
        self.prelus = torch.nn.ModuleDict()
        for i, spec in enumerate(specs):
            lin = torch.nn.Linear(sizes[i], sizes[i + 1]).to(dtype)
            with torch.no_grad():
                lin.weight.copy_(torch.randn(sizes[i + 1], sizes[i], generator=gen, dtype=torch.float64) * 0.7)
                lin.bias.copy_(torch.randn(sizes[i + 1], generator=gen, dtype=torch.float64) * 0.3)
            self.linears.append(lin)
            if spec.startswith("prelu"):
                alpha = float(spec.split("=")[1].rstrip(")")) if "=" in spec else 0.25
                self.prelus[str(i)] = torch.nn.PReLU(init=alpha).to(dtype)
                self.acts.append(self.prelus[str(i)])
            else:
                self.acts.append(ACTIVATIONS[spec])

    def forward(self, x):
        for lin, act in zip(self.linears, self.acts):
            x = act(lin(x))
        return x

    def named(self):
        """(Neurite name, tensor) in Neurite's order: per layer weight, bias, then alpha."""
        out = []
        for i, lin in enumerate(self.linears):
            out.append((f"layers.{i}.weight", lin.weight))
            out.append((f"layers.{i}.bias", lin.bias))
            if str(i) in self.prelus:
                out.append((f"layers.{i}.alpha", self.prelus[str(i)].weight))
        return out


def loss_fn(spec):
    """Neurite loss spec -> (torch function of (output, target), target kind)."""
    name, _, args = spec.partition("(")
    params = dict(kv.split("=") for kv in args.rstrip(")").replace(" ", "").split(",") if kv)
    red = params.pop("reduction", "mean")
    if name == "mse":
        return lambda o, t: F.mse_loss(o, t, reduction=red)
    if name == "l1":
        return lambda o, t: F.l1_loss(o, t, reduction=red)
    if name == "huber":
        return lambda o, t: F.huber_loss(o, t, reduction=red, delta=float(params.get("delta", 1.0)))
    if name == "smooth_l1":
        return lambda o, t: F.smooth_l1_loss(o, t, reduction=red, beta=float(params.get("beta", 1.0)))
    if name == "bce":
        return lambda o, t: F.binary_cross_entropy(o, t, reduction=red)
    if name == "bce_with_logits":
        return lambda o, t: F.binary_cross_entropy_with_logits(o, t, reduction=red)
    if name == "cross_entropy":
        ls = float(params.get("label_smoothing", 0.0))
        return lambda o, t: F.cross_entropy(o, t.long().view(-1) if t.shape[1] == 1 else t, reduction=red,
                                            label_smoothing=ls)
    if name == "nll":
        return lambda o, t: F.nll_loss(o, t.long().view(-1), reduction=red)
    if name == "kl_div":
        return lambda o, t: F.kl_div(o, t, reduction=red)
    raise ValueError(spec)


def fmt(values):
    return " ".join(repr(float(v)) for v in values)


def write_case(f, case_id, sizes, specs, loss_spec, x, target, dtype, seed):
    gen = torch.Generator().manual_seed(seed)
    net = Net(sizes, specs, dtype, gen)
    xs = x.to(dtype)
    ts = target.to(dtype)
    out = net(xs)
    loss = loss_fn(loss_spec)(out, ts)
    params = net.named()
    grads = torch.autograd.grad(loss, [p for _, p in params])
    f.write(f"case\t{case_id}\n")
    f.write(f"dtype\t{'float64' if dtype == torch.float64 else 'float32'}\n")
    f.write(f"sizes\t{' '.join(map(str, sizes))}\n")
    f.write(f"activations\t{'|'.join(specs)}\n")
    f.write(f"loss\t{loss_spec}\n")
    f.write(f"x\t{xs.shape[0]} {xs.shape[1]}\t{fmt(xs.flatten().tolist())}\n")
    f.write(f"target\t{ts.shape[0]} {ts.shape[1]}\t{fmt(ts.flatten().tolist())}\n")
    for name, p in params:
        rows, cols = (1, 1) if name.endswith("alpha") else (p.shape[0], p.shape[1] if p.dim() == 2 else 1)
        if name.endswith("bias"):
            rows, cols = 1, p.shape[0]
        f.write(f"param\t{name}\t{rows} {cols}\t{fmt(p.detach().flatten().tolist())}\n")
    f.write(f"value\t{repr(float(loss))}\n")
    for (name, _), g in zip(params, grads):
        f.write(f"grad\t{name}\t{fmt(g.flatten().tolist())}\n")
    f.write("end\n")


def main():
    torch.manual_seed(0)
    batch = 7
    cases = []
    gen = torch.Generator().manual_seed(1234)
    for k, spec in enumerate(ACTIVATIONS):
        x = torch.randn(batch, 4, generator=gen, dtype=torch.float64)
        t = torch.randn(batch, 3, generator=gen, dtype=torch.float64)
        cases.append((f"activation {spec}", [4, 6, 5, 3], [spec, spec, "linear"], "mse", x, t, 100 + k))

    classes = 3
    def regression():
        return torch.randn(batch, classes, generator=gen, dtype=torch.float64)

    def indices():
        return torch.randint(0, classes, (batch, 1), generator=gen).to(torch.float64)

    def probabilities():
        return torch.softmax(torch.randn(batch, classes, generator=gen, dtype=torch.float64) * 2, dim=1)

    def binary():
        return torch.randint(0, 2, (batch, classes), generator=gen).to(torch.float64)

    loss_cases = [
        ("mse", "linear", regression), ("l1", "linear", regression),
        ("huber", "linear", regression), ("huber(delta=0.5)", "linear", regression),
        ("smooth_l1", "linear", regression), ("smooth_l1(beta=0.5)", "linear", regression),
        ("bce", "sigmoid", binary), ("bce_with_logits", "linear", binary),
        ("cross_entropy", "linear", indices), ("cross_entropy", "linear", probabilities),
        ("cross_entropy(label_smoothing=0.1)", "linear", indices),
        ("cross_entropy(label_smoothing=0.1)", "linear", probabilities),
        ("nll", "log_softmax", indices), ("kl_div", "log_softmax", probabilities),
    ]
    for k, (spec, out_act, make_target) in enumerate(loss_cases):
        for red in ("mean", "sum"):
            full = spec if red == "mean" else (spec[:-1] + ", reduction=sum)" if "(" in spec
                                               else spec + "(reduction=sum)")
            x = torch.randn(batch, 4, generator=gen, dtype=torch.float64)
            t = make_target()
            kind = "indices" if t.shape[1] == 1 else "values"
            cases.append((f"loss {full} {kind}", [4, 6, classes], ["tanh", out_act], full, x, t, 500 + 2 * k))

    with open(OUT, "w") as f:
        f.write("# Written by generate_gradients.py (PyTorch " + torch.__version__ + "); do not edit.\n")
        for dtype in (torch.float64, torch.float32):
            for case in cases:
                case_id, sizes, specs, loss_spec, x, t, seed = case
                write_case(f, case_id, sizes, specs, loss_spec, x, t, dtype, seed)
    print(f"wrote {len(cases) * 2} cases to {OUT}")


if __name__ == "__main__":
    main()
