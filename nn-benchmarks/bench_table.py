#!/usr/bin/env python3
"""Turns a JMH JSON result (run with -prof gc) and the Python baselines' output into the tables of ratios.

    python3 bench_table.py jmh.json numpy.jsonl --torch-forward torch-forward.jsonl [--markdown]
    python3 bench_table.py training-jmh.json --torch torch.jsonl [--markdown]    # the training table
    python3 bench_table.py jmh.json numpy.jsonl --torch-forward F --torch T     # both, from one JMH run

Every time is the best iteration (JMH) or the best repeat (numpy's timeit), the same statistic on both
sides, so that a noisy, shared machine hurts neither more. Rows, per backend, case and dtype:

  ours        Mlp.forward(Workspace) (ForwardBenchmark); for tiny_single also predict(x, out)
              (PredictBenchmark); "megamorphic": tiny_batch10000 after other activations ran
              (MegamorphicBenchmark)
  raw         the fastest raw-library variant of the same math (Raw<Backend>Benchmark, any @Param kernel
              but GEMM_ONLY, which times the matrix products alone and is reported as the GEMM rate)
  vs raw      raw time / our time: 1.00 is parity, >= 0.95 is the target
  vs numpy    numpy time / our time: > 1 means faster than numpy
  PyTorch     torch_forward.py's time for the same case (nn.Linear layers under torch.no_grad())
  vs PyTorch  PyTorch time / our time: > 1 means faster than PyTorch

Training rows (TrainingStepBenchmark: one TrainingSession.step per call) make a second table beside
torch_training.py's output: time/step, samples/s, B/op, PyTorch's time/step, and vs PyTorch = PyTorch's
time / our time (> 1 means faster than PyTorch).
"""
import argparse
import json
import re
import sys

CASES = {  # name -> (sizes, batch)
    "tiny_single": ([2, 8, 4, 1], 1),
    "tiny_batch10000": ([2, 8, 4, 1], 10_000),
    "mnist_b256": ([784, 1024, 1024, 10], 256),
}
TRAINING_CASES = {"xor_b4": 4, "digits_b64": 64, "mnist_b256": 256}  # name -> batch (TrainingCase)
UNIT_NS = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}


def flops(case):
    sizes, batch = CASES[case]
    return 2.0 * batch * sum(i * o for i, o in zip(sizes, sizes[1:]))


def load_jmh(path):
    """-> list of dicts: kind, backend, case, dtype, variant, ns (best), mean_ns, bytes_per_op."""
    out = []
    for r in json.load(open(path)):
        cls, method = r["benchmark"].split(".")[-2:]
        p = r.get("params", {})
        scale = UNIT_NS[r["primaryMetric"]["scoreUnit"]]
        raw = [x * scale for fork in r["primaryMetric"]["rawData"] for x in fork]
        gc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        row = {"ns": min(raw), "mean_ns": r["primaryMetric"]["score"] * scale, "bytes": gc,
               "dtype": p.get("dtype"), "case": p.get("network", "tiny_single")}
        m = re.fullmatch(r"Raw(\w+)Benchmark", cls)
        if m:
            row.update(kind="raw", backend=m.group(1).lower(), variant=p.get("kernel", method))
            if method != "forward":
                row["variant"] = method + ("/" + p["kernel"] if "kernel" in p else "")
        elif cls == "ForwardBenchmark":
            row.update(kind="ours", backend=p["backend"], variant="forward")
        elif cls == "PredictBenchmark":
            row.update(kind="ours", backend=p["backend"], variant="predict")
        elif cls == "MegamorphicBenchmark":
            row.update(kind="ours", backend=p["backend"], variant="megamorphic", case="tiny_batch10000")
        elif cls == "TrainingStepBenchmark":
            row.update(kind="training", backend=p["backend"], variant="step")
        else:
            continue
        out.append(row)
    return out


def load_python(path):
    """numpy_forward.py's or torch_training.py's JSON lines -> {(name, dtype): ns per call}."""
    res = {}
    if path:
        for line in open(path):
            line = line.strip()
            if line.startswith("{"):
                r = json.loads(line)
                res[(r["name"], r["dtype"])] = r["ns_per_call"]
    return res


def fmt_ns(ns):
    if ns is None:
        return "-"
    for unit, div in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= div:
            return f"{ns / div:.3g} {unit}" if ns / div < 100 else f"{ns / div:,.0f} {unit}"
    return f"{ns:.0f} ns"


def fmt_rate(x):
    if x >= 1e6:
        return f"{x / 1e6:.3g} M"
    if x >= 1e3:
        return f"{x / 1e3:.3g} k"
    return f"{x:.3g}"


def fmt_bytes(b):
    return "-" if b is None else f"{b:.0f}"


def fmt_ratio(x):
    return "-" if x is None else f"{x:.2f}×"


def print_table(head, lines, markdown):
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join("---" for _ in head) + "|")
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(h), *(len(l[i]) for l in lines)) if lines else len(h) for i, h in enumerate(head)]
        print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
        for line in lines:
            print("  ".join(c.ljust(w) for c, w in zip(line, widths)))


def training_table(rows, torch, markdown):
    """The training rows beside PyTorch's time per step; prints them and returns them as dicts."""
    table = []
    for r in sorted((r for r in rows if r["kind"] == "training"),
                    key=lambda r: (r["backend"], list(TRAINING_CASES).index(r["case"]), r["dtype"])):
        torch_ns = torch.get((r["case"], r["dtype"]))
        table.append({"table": "training", "backend": r["backend"], "case": r["case"], "dtype": r["dtype"],
                      "ns": r["ns"], "samples_per_s": TRAINING_CASES[r["case"]] * 1e9 / r["ns"],
                      "bytes_per_op": r["bytes"], "torch_ns": torch_ns,
                      "vs_torch": torch_ns / r["ns"] if torch_ns else None})
    if table:
        head = ["backend", "case", "dtype", "time/step", "samples/s", "B/op", "PyTorch time/step", "vs PyTorch"]
        print_table(head, [[t["backend"], t["case"], t["dtype"], fmt_ns(t["ns"]), fmt_rate(t["samples_per_s"]),
                            fmt_bytes(t["bytes_per_op"]), fmt_ns(t["torch_ns"]), fmt_ratio(t["vs_torch"])]
                           for t in table], markdown)
    return table


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("jmh")
    ap.add_argument("numpy", nargs="?")
    ap.add_argument("--torch", help="torch_training.py's output, for the training table")
    ap.add_argument("--torch-forward", help="torch_forward.py's output, for the forward table")
    ap.add_argument("--markdown", action="store_true", help="a Markdown table (for the README)")
    ap.add_argument("--json", help="also write the rows as JSON to this file")
    args = ap.parse_args()

    rows = load_jmh(args.jmh)
    numpy = load_python(args.numpy)
    torch_forward = load_python(args.torch_forward)
    raw_best = {}
    gemm = {}  # (backend, case, dtype) -> the products alone (kernel GEMM_ONLY): not the same math
    for r in rows:
        if r["kind"] == "raw" and r["variant"] == "GEMM_ONLY":
            gemm[(r["backend"], r["case"], r["dtype"])] = r
        elif r["kind"] == "raw":
            key = (r["backend"], r["case"], r["dtype"])
            if key not in raw_best or r["ns"] < raw_best[key]["ns"]:
                raw_best[key] = r

    table = []
    ours = sorted((r for r in rows if r["kind"] == "ours"),
                  key=lambda r: (r["backend"], list(CASES).index(r["case"]), r["variant"], r["dtype"]))
    for r in ours:
        key = (r["backend"], r["case"], r["dtype"])
        raw = raw_best.get(key)
        np_ns = numpy.get((r["case"], r["dtype"]))
        torch_ns = torch_forward.get((r["case"], r["dtype"]))
        batch = CASES[r["case"]][1]
        table.append({
            "table": "forward",
            "backend": r["backend"],
            "case": r["case"] + ("" if r["variant"] == "forward" else " (" + r["variant"] + ")"),
            "dtype": r["dtype"],
            "ns": r["ns"],
            "samples_per_s": batch * 1e9 / r["ns"],
            "gflops": flops(r["case"]) / r["ns"],
            "bytes_per_op": r["bytes"],
            "raw_variant": raw["variant"] if raw else None,
            "raw_ns": raw["ns"] if raw else None,
            "vs_raw": raw["ns"] / r["ns"] if raw else None,
            "numpy_ns": np_ns,
            "vs_numpy": np_ns / r["ns"] if np_ns else None,
            "torch_ns": torch_ns,
            "vs_torch": torch_ns / r["ns"] if torch_ns else None,
            "gemm_ns": gemm[key]["ns"] if key in gemm else None,
        })

    head = ["backend", "case", "dtype", "time/call", "samples/s", "GFLOP/s", "B/op", "raw (fastest variant)",
            "vs raw", "numpy", "vs numpy", "PyTorch", "vs PyTorch"]
    lines = []
    for t in table:
        lines.append([
            t["backend"], t["case"], t["dtype"], fmt_ns(t["ns"]), fmt_rate(t["samples_per_s"]),
            f"{t['gflops']:.3g}", fmt_bytes(t["bytes_per_op"]),
            "-" if t["raw_ns"] is None else f"{fmt_ns(t['raw_ns'])} ({t['raw_variant']})",
            "-" if t["vs_raw"] is None else f"{t['vs_raw']:.2f}",
            fmt_ns(t["numpy_ns"]),
            fmt_ratio(t["vs_numpy"]),
            fmt_ns(t["torch_ns"]),
            fmt_ratio(t["vs_torch"]),
        ])
    if lines:
        print_table(head, lines, args.markdown)

    shares = [t for t in table if t["gemm_ns"] and t["case"] == "mnist_b256"]
    if shares:
        print()
        print("Share of the library's GEMM rate (the products alone, raw kernel GEMM_ONLY, same run):")
        for t in shares:
            g = flops("mnist_b256") / t["gemm_ns"]
            print(f"  {t['backend']:6} {t['case']:16} {t['dtype']:8} GEMM {g:7.1f} GFLOP/s, forward pass "
                  f"{t['gflops']:7.1f} GFLOP/s = {t['gflops'] / g:.0%}")
    raws = sorted((r for r in rows if r["kind"] == "raw"),
                  key=lambda r: (r["backend"], list(CASES).index(r["case"]), r["dtype"], r["ns"]))
    if raws:
        print()
        print("Raw-library variants (best iteration):")
    for r in raws:
        print(f"  {r['backend']:6} {r['case']:16} {r['dtype']:8} {r['variant']:12} {fmt_ns(r['ns']):>10}"
              f"  {flops(r['case']) / r['ns']:8.2f} GFLOP/s")
    if lines and any(r["kind"] == "training" for r in rows):
        print()
        print("Training steps (TrainingStepBenchmark beside torch_training.py):")
    table += training_table(rows, load_python(args.torch), args.markdown)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(table, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
