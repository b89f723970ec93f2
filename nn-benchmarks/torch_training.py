#!/usr/bin/env python3
"""PyTorch's training step on the benchmark cases, measured the way the JMH suite measures Neurite's.

The same cases as nn-benchmarks' TrainingStepBenchmark (TrainingCase):
  xor_b4      [2, 4, 3, 1]           relu, relu, sigmoid   bce            sgd(lr=0.1)     the 4 XOR points
  digits_b64  [64, 128, 64, 10]      relu, relu, linear    cross_entropy  adam(lr=0.001)  batch 64
  mnist_b256  [784, 1024, 1024, 10]  relu, relu, linear    cross_entropy  adam(lr=0.001)  batch 256
in float32 and float64; digits and mnist train on seeded Gaussian inputs and random class labels. A step is
the idiomatic loop: opt.zero_grad(); loss = F.cross_entropy(model(x), y); loss.backward(); opt.step(), with
model an nn.Sequential of nn.Linear and activations, on torch.set_num_threads(cpu_threads()) (numpy_forward:
every CPU this process may run on, 2 on this project's machine).

Timing: timeit, best of N repeats (numpy_forward.measure: the same statistic as numpy_forward.py and as
JMH's best iteration). Prints one JSON object per line: {"name", "dtype", "ns_per_call", "samples_per_s"};
with --table, a readable table instead. Needs torch: Debian's is run with /usr/bin/python3.
"""
import json

import torch
import torch.nn.functional as F
from torch import nn

from numpy_forward import measure, parse_args
from torch_forward import build, setup
CASES = [  # name, sizes, activations, loss, optimizer, batch
    ("xor_b4", [2, 4, 3, 1], ["relu", "relu", "sigmoid"], F.binary_cross_entropy,
     lambda p: torch.optim.SGD(p, lr=0.1), 4),
    ("digits_b64", [64, 128, 64, 10], ["relu", "relu", "linear"], F.cross_entropy,
     lambda p: torch.optim.Adam(p, lr=0.001), 64),
    ("mnist_b256", [784, 1024, 1024, 10], ["relu", "relu", "linear"], F.cross_entropy,
     lambda p: torch.optim.Adam(p, lr=0.001), 256),
]


def batch(name, sizes, rows, dtype):
    if name == "xor_b4":
        x = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=dtype)
        return x, torch.tensor([[0], [1], [1], [0]], dtype=dtype)
    return torch.randn(rows, sizes[0], dtype=dtype), torch.randint(0, sizes[-1], (rows,))


def main():
    args = parse_args(__doc__)

    setup()
    results = []
    for name, sizes, acts, loss_fn, make_opt, rows in CASES:
        for dtype in (torch.float32, torch.float64):
            model = build(sizes, acts, dtype)
            opt = make_opt(model.parameters())
            x, y = batch(name, sizes, rows, dtype)

            def step():
                opt.zero_grad()
                loss = loss_fn(model(x), y)
                loss.backward()
                opt.step()

            step()
            t = measure(step, args.repeats, args.min_time)
            results.append({"name": name, "dtype": str(dtype).removeprefix("torch."), "ns_per_call": t * 1e9,
                            "samples_per_s": rows / t})
    if args.table:
        print(f"{'case':<12} {'dtype':<8} {'ns/step':>14} {'samples/s':>14}")
        for r in results:
            print(f"{r['name']:<12} {r['dtype']:<8} {r['ns_per_call']:>14,.0f} {r['samples_per_s']:>14,.0f}")
    else:
        for r in results:
            print(json.dumps(r))


if __name__ == "__main__":
    main()
