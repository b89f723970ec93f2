#!/usr/bin/env python3
"""PyTorch's forward pass of the benchmark networks, measured the way numpy_forward.py measures numpy's.

The same cases as numpy_forward.py and nn-benchmarks' ForwardBenchmark (BenchCase):
  tiny_single      [2, 8, 4, 1]           relu, relu, sigmoid   batch 1
  tiny_batch10000  [2, 8, 4, 1]           relu, relu, sigmoid   batch 10,000
  mnist_b256       [784, 1024, 1024, 10]  relu, relu, linear    batch 256
in float32 and float64. The pass is idiomatic PyTorch: an nn.Sequential of nn.Linear layers (weights
(out, in), x @ W.T + b) and nn.ReLU / nn.Sigmoid modules, called under torch.no_grad().

Threads: torch.set_num_threads(cpu_threads()), the number of CPUs this process may run on, which is what
numpy's OpenBLAS uses by default; both use every core of the machine.

Timing: timeit, best of N repeats (numpy_forward.measure: the same statistic as numpy_forward.py and as
JMH's best iteration). Prints one JSON object per line: {"name", "dtype", "ns_per_call", "samples_per_s",
"gflops"}; with --table, a readable table instead. Needs torch: Debian's is run with /usr/bin/python3.
"""
import sys

import torch
from torch import nn

from numpy_forward import CASES, NETWORKS, cpu_threads, emit, measure, openblas_kernel, parse_args, result

MODULES = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid}


def build(sizes, activations, dtype):
    """An nn.Sequential of nn.Linear layers, each followed by its activation module (none for linear)."""
    layers = []
    for n_in, n_out, act in zip(sizes, sizes[1:], activations):
        layers.append(nn.Linear(n_in, n_out))
        if act != "linear":
            layers.append(MODULES[act]())
    return nn.Sequential(*layers).to(dtype)


def setup():
    """One thread per CPU (as numpy's OpenBLAS), seed 42; prints the versions, threads and kernel to stderr."""
    torch.set_num_threads(cpu_threads())
    torch.manual_seed(42)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, OpenBLAS kernel {openblas_kernel()}",
          file=sys.stderr)


def main():
    args = parse_args(__doc__)
    setup()
    results = []
    for name, net, batch in CASES:
        sizes, acts = NETWORKS[net]
        for dtype in (torch.float32, torch.float64):
            model = build(sizes, acts, dtype).eval()
            x = torch.empty(batch, sizes[0], dtype=dtype).uniform_(-1, 1)

            def forward():
                with torch.no_grad():
                    return model(x)

            forward()
            t = measure(forward, args.repeats, args.min_time)
            results.append(result(name, str(dtype).removeprefix("torch."), sizes, batch, t))
    emit(results, args.table)


if __name__ == "__main__":
    main()
