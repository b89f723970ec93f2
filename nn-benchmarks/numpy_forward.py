#!/usr/bin/env python3
"""numpy's forward pass of the benchmark networks, measured the way the JMH suite measures Neurite's.

The same networks, batches, activations and dtypes as nn-benchmarks' ForwardBenchmark:
  tiny_single      [2, 8, 4, 1]           relu, relu, sigmoid   batch 1
  tiny_batch10000  [2, 8, 4, 1]           relu, relu, sigmoid   batch 10,000
  mnist_b256       [784, 1024, 1024, 10]  relu, relu, linear    batch 256
in float32 and float64. Weights are (out, in) as in Neurite and PyTorch, so a layer is x @ W.T + b.
The pass is idiomatic numpy (each operation returns a new array), as the tutorial writes it, on OpenBLAS's
default threads (one per CPU this process may run on; torch_forward.py uses as many).

Timing: timeit, best of N repeats (each repeat long enough to be well above the clock's resolution).
Prints one JSON object per line: {"name", "dtype", "ns_per_call", "samples_per_s", "gflops"}; with
--table, a readable table instead.

Run it with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (run-benchmarks.sh does), or a current
OpenBLAS may pick a slower kernel; the kernel it runs is printed to stderr.
"""
import argparse
import ctypes
import json
import os
import sys
import timeit

import numpy as np

NETWORKS = {
    "tiny": ([2, 8, 4, 1], ["relu", "relu", "sigmoid"]),
    "mnist": ([784, 1024, 1024, 10], ["relu", "relu", "linear"]),
}
CASES = [("tiny_single", "tiny", 1), ("tiny_batch10000", "tiny", 10_000), ("mnist_b256", "mnist", 256)]


def relu(z):
    return np.maximum(z, 0)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def linear(z):
    return z


ACTIVATIONS = {"relu": relu, "sigmoid": sigmoid, "linear": linear}


def build(sizes, activations, dtype, rng):
    layers = []
    for n_in, n_out, act in zip(sizes, sizes[1:], activations):
        w = (rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / n_in)).astype(dtype)
        b = (rng.standard_normal((1, n_out)) * 0.1).astype(dtype)
        layers.append((w, b, ACTIVATIONS[act]))
    return layers


def forward(layers, x):
    a = x
    for w, b, f in layers:
        a = f(a @ w.T + b)
    return a


def flops(sizes, batch):
    """2 * multiply-adds of the matrix products: the convention of GFLOP/s for GEMM."""
    return 2.0 * batch * sum(i * o for i, o in zip(sizes, sizes[1:]))


def measure(fn, repeats, min_time):
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()  # calls per repeat so that one repeat takes >= 0.2 s
    number = max(1, int(number * max(1.0, min_time / 0.2)))
    timer.repeat(repeat=1, number=number)  # warm-up
    best = min(timer.repeat(repeat=repeats, number=number))
    return best / number


def openblas_kernel():
    try:
        path = next(line.split()[-1] for line in open("/proc/self/maps") if "openblas" in line)
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_corename64_", "openblas_get_corename"):
            if hasattr(lib, name):
                f = getattr(lib, name)
                f.restype = ctypes.c_char_p
                return f().decode()
    except (StopIteration, OSError):
        pass
    return "unknown"


def cpu_threads():
    """The CPUs this process may run on: the thread count numpy's OpenBLAS uses by default."""
    return len(os.sched_getaffinity(0))


def result(name, dtype, sizes, batch, seconds):
    """One forward case's line: the JSON object bench_table.py reads."""
    return {"name": name, "dtype": dtype, "ns_per_call": seconds * 1e9, "samples_per_s": batch / seconds,
            "gflops": flops(sizes, batch) / seconds / 1e9}


def emit(results, table):
    """Prints the results as JSON lines, or with table=True (--table) one readable line per case and dtype."""
    if not table:
        for r in results:
            print(json.dumps(r))
        return
    print(f"{'case':<16} {'dtype':<8} {'ns/call':>14} {'samples/s':>14} {'GFLOP/s':>9}")
    for r in results:
        print(f"{r['name']:<16} {r['dtype']:<8} {r['ns_per_call']:>14,.0f} {r['samples_per_s']:>14,.0f}"
              f" {r['gflops']:>9.2f}")


def parse_args(doc):
    """The options of this script and torch_training.py: --repeats, --min-time, --table."""
    p = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repeats", type=int, default=7, help="timeit repeats; the best is kept (default 7)")
    p.add_argument("--min-time", type=float, default=0.2, help="seconds per repeat (default 0.2)")
    p.add_argument("--table", action="store_true", help="print a table instead of JSON lines")
    return p.parse_args()


def main():
    args = parse_args(__doc__)

    print(f"numpy {np.__version__}, OpenBLAS kernel {openblas_kernel()} ({cpu_threads()} CPUs: OpenBLAS's default"
          " threads)", file=sys.stderr)
    rng = np.random.default_rng(42)
    results = []
    for name, net, batch in CASES:
        sizes, acts = NETWORKS[net]
        for dtype in ("float32", "float64"):
            layers = build(sizes, acts, np.dtype(dtype), rng)
            x = rng.uniform(-1, 1, (batch, sizes[0])).astype(dtype)
            forward(layers, x)
            t = measure(lambda: forward(layers, x), args.repeats, args.min_time)
            results.append(result(name, dtype, sizes, batch, t))
    emit(results, args.table)


if __name__ == "__main__":
    main()
