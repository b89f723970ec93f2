#!/usr/bin/env python3
"""Reference training runs for Neurite's Trainer (org.neurite.integration.TrainingFixtureTest).

Run with Debian's Python, which has PyTorch 1.13 (`apt-get install -y python3-torch`):

    /usr/bin/python3 generate_training.py

It rewrites training.tsv beside it; CI only reads that file.

Each case trains a 4 -> 6 (tanh) -> 3 (linear) network in float64 with cross-entropy on class indices, from
weights and data written into the file, for 5 epochs of 4 batches of 6 samples (20 optimizer steps), in the
data's own order (Neurite: shuffle(false)), as a PyTorch user would write the loop: zero_grad, forward,
loss, backward, optional clip_grad_norm_/clip_grad_value_, step; the learning-rate scheduler is stepped
once per epoch (ReduceLROnPlateau with the epoch's mean training loss, the mean over samples of the
batches' losses). The file records the initial and the final weights and the per-epoch training losses.
"""

import os

import torch
import torch.nn.functional as F
from torch.nn.utils import clip_grad_norm_, clip_grad_value_
from torch.optim import SGD, Adagrad, Adam, AdamW, RMSprop
from torch.optim.lr_scheduler import (CosineAnnealingLR, ExponentialLR, LinearLR, MultiStepLR,
                                      ReduceLROnPlateau, StepLR)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "training.tsv")
F64 = dict(foreach=False)

CASES = [
    ("sgd", "sgd(lr=0.1)", lambda p: SGD(p, lr=0.1, **F64), None, None, None, None),
    ("sgd nesterov weight_decay", "sgd(lr=0.05, momentum=0.9, nesterov=true, weight_decay=0.01)",
     lambda p: SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.01, **F64), None, None, None, None),
    ("sgd dampening", "sgd(lr=0.05, momentum=0.8, dampening=0.3)",
     lambda p: SGD(p, lr=0.05, momentum=0.8, dampening=0.3, **F64), None, None, None, None),
    ("adam", "adam(lr=0.01)", lambda p: Adam(p, lr=0.01, **F64), None, None, None, None),
    ("adam amsgrad weight_decay", "adam(lr=0.02, amsgrad=true, weight_decay=0.05)",
     lambda p: Adam(p, lr=0.02, amsgrad=True, weight_decay=0.05, **F64), None, None, None, None),
    ("adamw", "adamw(lr=0.02, weight_decay=0.1)", lambda p: AdamW(p, lr=0.02, weight_decay=0.1, **F64),
     None, None, None, None),
    ("adamw amsgrad", "adamw(lr=0.02, amsgrad=true)", lambda p: AdamW(p, lr=0.02, amsgrad=True, **F64),
     None, None, None, None),
    ("rmsprop centered momentum", "rmsprop(lr=0.005, momentum=0.5, centered=true)",
     lambda p: RMSprop(p, lr=0.005, momentum=0.5, centered=True, **F64), None, None, None, None),
    ("rmsprop alpha weight_decay", "rmsprop(lr=0.01, alpha=0.9, weight_decay=0.1)",
     lambda p: RMSprop(p, lr=0.01, alpha=0.9, weight_decay=0.1, **F64), None, None, None, None),
    ("adagrad", "adagrad(lr=0.1, lr_decay=0.05, initial_accumulator_value=0.1)",
     lambda p: Adagrad(p, lr=0.1, lr_decay=0.05, initial_accumulator_value=0.1, **F64), None, None, None, None),
    ("step schedule", "sgd(lr=0.1, momentum=0.9)", lambda p: SGD(p, lr=0.1, momentum=0.9, **F64),
     "step(step_size=2, gamma=0.5)", lambda o: StepLR(o, step_size=2, gamma=0.5), None, None),
    ("multi_step schedule", "sgd(lr=0.1)", lambda p: SGD(p, lr=0.1, **F64),
     "multi_step(milestones=1;3, gamma=0.3)", lambda o: MultiStepLR(o, milestones=[1, 3], gamma=0.3), None, None),
    ("exponential schedule", "adam(lr=0.05)", lambda p: Adam(p, lr=0.05, **F64),
     "exponential(gamma=0.7)", lambda o: ExponentialLR(o, gamma=0.7), None, None),
    ("cosine schedule", "adam(lr=0.05)", lambda p: Adam(p, lr=0.05, **F64),
     "cosine(t_max=4, eta_min=0.001)", lambda o: CosineAnnealingLR(o, T_max=4, eta_min=0.001), None, None),
    ("linear warm-up", "sgd(lr=0.2)", lambda p: SGD(p, lr=0.2, **F64),
     "linear_warmup(start_factor=0.25, total_iters=3)", lambda o: LinearLR(o, start_factor=0.25, total_iters=3),
     None, None),
    ("reduce on plateau", "sgd(lr=3.0)", lambda p: SGD(p, lr=3.0, **F64),
     "reduce_on_plateau(factor=0.5, patience=0)", lambda o: ReduceLROnPlateau(o, factor=0.5, patience=0),
     None, None),
    ("clip by norm", "sgd(lr=0.5, momentum=0.9)", lambda p: SGD(p, lr=0.5, momentum=0.9, **F64), None, None,
     "norm(max_norm=0.3)", lambda ps: clip_grad_norm_(ps, 0.3)),
    ("clip by value", "adam(lr=0.05)", lambda p: Adam(p, lr=0.05, **F64), None, None,
     "value(clip_value=0.05)", lambda ps: clip_grad_value_(ps, 0.05)),
]

N, BATCH, EPOCHS, SIZES = 24, 6, 5, (4, 6, 3)


def fmt(t):
    return " ".join(repr(float(v)) for v in t.detach().reshape(-1).tolist())


def main():
    gen = torch.Generator().manual_seed(2024)
    lines = ["# Written by generate_training.py (PyTorch " + torch.__version__ + "); do not edit."]
    for k, (name, opt_spec, make_opt, sched_spec, make_sched, clip_spec, clip) in enumerate(CASES):
        x = torch.randn(N, SIZES[0], generator=gen, dtype=torch.float64)
        y = torch.randint(0, SIZES[2], (N,), generator=gen)
        w1 = torch.randn(SIZES[1], SIZES[0], generator=gen, dtype=torch.float64) * 0.5
        b1 = torch.randn(SIZES[1], generator=gen, dtype=torch.float64) * 0.1
        w2 = torch.randn(SIZES[2], SIZES[1], generator=gen, dtype=torch.float64) * 0.5
        b2 = torch.randn(SIZES[2], generator=gen, dtype=torch.float64) * 0.1
        params = [t.clone().requires_grad_(True) for t in (w1, b1, w2, b2)]
        lines += [f"case\t{name}", f"optimizer\t{opt_spec}", f"schedule\t{sched_spec or 'none'}",
                  f"clip\t{clip_spec or 'none'}", f"x\t{fmt(x)}", f"y\t{fmt(y.double())}"]
        for label, p in zip(("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias"), params):
            lines.append(f"initial\t{label}\t{fmt(p)}")
        opt = make_opt(params)
        sched = make_sched(opt) if make_sched else None
        losses = []
        for epoch in range(EPOCHS):
            total = 0.0
            for start in range(0, N, BATCH):
                xb, yb = x[start:start + BATCH], y[start:start + BATCH]
                opt.zero_grad()
                out = torch.tanh(xb @ params[0].T + params[1]) @ params[2].T + params[3]
                loss = F.cross_entropy(out, yb)
                loss.backward()
                if clip:
                    clip(params)
                opt.step()
                total += float(loss) * len(xb)
            losses.append(total / N)
            if sched is not None:
                if isinstance(sched, ReduceLROnPlateau):
                    sched.step(total / N)
                else:
                    sched.step()
        lines.append(f"losses\t{' '.join(repr(v) for v in losses)}")
        for label, p in zip(("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias"), params):
            lines.append(f"final\t{label}\t{fmt(p)}")
        lines.append("end")
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
