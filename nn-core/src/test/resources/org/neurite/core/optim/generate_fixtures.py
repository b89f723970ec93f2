#!/usr/bin/python3
"""Reference trajectories for org.neurite.core.optim, computed by PyTorch 1.13's torch.optim in float64.

How to run (from the repository root; needs Debian's python with torch 1.13, not the python3 on PATH):

    /usr/bin/python3 nn-core/src/test/resources/org/neurite/core/optim/generate_fixtures.py

It rewrites optim_fixtures.txt beside this script; commit both. The output is deterministic (fixed seed,
float64 everywhere, torch's single-tensor code path: foreach=False).

The problem: three parameter tensors p0 (3 elements), p1 (4), p2 (2), starting from the same random values
in every case, and the loss

    L = sum_t sum_j [ 0.5 * A_t[j] * (p_t[j] - C_t[j])**2 + sin(B_t[j] * p_t[j]) ]
        + K * sum(p0) * sum(p1) + K * sum(p1) * sum(p2)

whose gradient torch computes by autograd at the current parameters, so gradients follow the trajectory.
Each case runs 20 steps of: gradient -> optional clipping -> optimizer.step() -> optional scheduler.step().

File format (one record a line, space separated, doubles written with repr() so they round-trip exactly):

    K <k>                       the coupling constant
    A <t> <values...>           curvature of tensor t (likewise B, C and P for the initial parameters)
    case <name>                 starts a case
    optimizer <spec>            Neurite's spec for the optimizer (parsed by Optimizers.parse)
    schedule <spec>|none        Neurite's spec for the schedule (parsed by Schedules.parse)
    clip <spec>|none            norm(max_norm=..) or value(clip_value=..)
    lr0 <lr>                    the learning rate after the schedule's construction (what step 1 uses)
    step <k>                    starts step k (1..20); then:
    metric <m>                  the metric given to reduce_on_plateau's step (only then)
    rawgrad <t> <values...>     the autograd gradient at the parameters before the step
    norm <n>                    clip_grad_norm_'s returned total norm (only with norm clipping)
    grad <t> <values...>        the gradient the optimizer used (after clipping)
    lr_used <lr>                the learning rate the optimizer step used
    param <t> <values...>       the parameters after the step
    lr <lr>                     the learning rate after the scheduler's step
    end                         ends a case
"""
import math
import os

import torch
from torch.optim import SGD, Adam, AdamW, RMSprop, Adagrad
from torch.optim.lr_scheduler import (StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, LinearLR,
                                      ReduceLROnPlateau)
from torch.nn.utils import clip_grad_norm_, clip_grad_value_

assert torch.__version__.startswith("1.13"), torch.__version__
torch.set_default_dtype(torch.float64)

SIZES = [3, 4, 2]
STEPS = 20
K = 0.1

gen = torch.Generator().manual_seed(20240611)
A = [torch.rand(n, generator=gen) * 1.5 + 0.5 for n in SIZES]
B = [torch.rand(n, generator=gen) * 2.5 + 0.5 for n in SIZES]
C = [torch.rand(n, generator=gen) * 2.0 - 1.0 for n in SIZES]
P = [torch.rand(n, generator=gen) * 4.0 - 2.0 for n in SIZES]


def loss_of(ps):
    total = torch.zeros(())
    for t, p in enumerate(ps):
        total = total + (0.5 * A[t] * (p - C[t]) ** 2).sum() + torch.sin(B[t] * p).sum()
    return total + K * ps[0].sum() * ps[1].sum() + K * ps[1].sum() * ps[2].sum()


F = dict(foreach=False)

# A plateau metric: improves, stalls (bad epochs), a tiny "improvement" below the rel threshold, cooldown.
PLATEAU_METRICS = [10.0, 9.0, 9.0, 9.0, 9.0, 8.9999, 9.5, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 7.0, 7.0, 7.0,
                   7.0, 7.0, 7.0, 7.0]
# For mode=max, threshold_mode=abs: rises by less than the threshold, so reductions until min_lr.
PLATEAU_METRICS_MAX = [1.0, 1.05, 1.2, 1.25, 1.29, 1.5, 1.5, 1.5, 1.5, 1.55, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0,
                       2.0, 2.0, 2.0, 2.0]

# name, Neurite optimizer spec, torch optimizer, Neurite schedule spec, torch scheduler, clip spec, clip fn
CASES = [
    # --- every optimizer with its defaults (sgd: Neurite's default lr=0.01) ---
    ("sgd_default", "sgd", lambda ps: SGD(ps, lr=0.01, **F), None, None, None, None),
    ("adam_default", "adam", lambda ps: Adam(ps, **F), None, None, None, None),
    ("adamw_default", "adamw", lambda ps: AdamW(ps, **F), None, None, None, None),
    ("rmsprop_default", "rmsprop", lambda ps: RMSprop(ps, **F), None, None, None, None),
    ("adagrad_default", "adagrad", lambda ps: Adagrad(ps, **F), None, None, None, None),
    # --- sgd variants ---
    ("sgd_momentum", "sgd(lr=0.05, momentum=0.9)",
     lambda ps: SGD(ps, lr=0.05, momentum=0.9, **F), None, None, None, None),
    ("sgd_dampening", "sgd(lr=0.05, momentum=0.8, dampening=0.3)",
     lambda ps: SGD(ps, lr=0.05, momentum=0.8, dampening=0.3, **F), None, None, None, None),
    ("sgd_nesterov", "sgd(lr=0.05, momentum=0.9, nesterov=true)",
     lambda ps: SGD(ps, lr=0.05, momentum=0.9, nesterov=True, **F), None, None, None, None),
    ("sgd_weight_decay", "sgd(lr=0.1, weight_decay=0.05)",
     lambda ps: SGD(ps, lr=0.1, weight_decay=0.05, **F), None, None, None, None),
    ("sgd_all", "sgd(lr=0.03, momentum=0.7, nesterov=1, weight_decay=0.02)",
     lambda ps: SGD(ps, lr=0.03, momentum=0.7, nesterov=True, weight_decay=0.02, **F),
     None, None, None, None),
    # --- adam / adamw variants ---
    ("adam_amsgrad", "adam(lr=0.05, amsgrad=true)",
     lambda ps: Adam(ps, lr=0.05, amsgrad=True, **F), None, None, None, None),
    ("adam_weight_decay", "adam(lr=0.02, beta1=0.8, beta2=0.99, eps=1e-6, weight_decay=0.1)",
     lambda ps: Adam(ps, lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, **F),
     None, None, None, None),
    ("adamw_weight_decay", "adamw(lr=0.05, weight_decay=0.2)",
     lambda ps: AdamW(ps, lr=0.05, weight_decay=0.2, **F), None, None, None, None),
    ("adamw_amsgrad", "adamw(lr=0.05, beta1=0.85, amsgrad=true)",
     lambda ps: AdamW(ps, lr=0.05, betas=(0.85, 0.999), amsgrad=True, **F), None, None, None, None),
    # --- rmsprop variants ---
    ("rmsprop_centered", "rmsprop(lr=0.01, centered=true)",
     lambda ps: RMSprop(ps, lr=0.01, centered=True, **F), None, None, None, None),
    ("rmsprop_momentum", "rmsprop(lr=0.005, momentum=0.9)",
     lambda ps: RMSprop(ps, lr=0.005, momentum=0.9, **F), None, None, None, None),
    ("rmsprop_weight_decay", "rmsprop(lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.1)",
     lambda ps: RMSprop(ps, lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.1, **F), None, None, None, None),
    ("rmsprop_centered_momentum", "rmsprop(lr=0.005, momentum=0.5, centered=true, weight_decay=0.01)",
     lambda ps: RMSprop(ps, lr=0.005, momentum=0.5, centered=True, weight_decay=0.01, **F),
     None, None, None, None),
    # --- adagrad variants ---
    ("adagrad_lr_decay", "adagrad(lr=0.1, lr_decay=0.1)",
     lambda ps: Adagrad(ps, lr=0.1, lr_decay=0.1, **F), None, None, None, None),
    ("adagrad_weight_decay", "adagrad(lr=0.1, weight_decay=0.1)",
     lambda ps: Adagrad(ps, lr=0.1, weight_decay=0.1, **F), None, None, None, None),
    ("adagrad_initial_accumulator", "adagrad(lr=0.1, initial_accumulator_value=0.5, eps=1e-6)",
     lambda ps: Adagrad(ps, lr=0.1, initial_accumulator_value=0.5, eps=1e-6, **F), None, None, None, None),
    # --- schedules on sgd ---
    ("sched_step_sgd", "sgd(lr=0.1, momentum=0.5)", lambda ps: SGD(ps, lr=0.1, momentum=0.5, **F),
     "step(step_size=3, gamma=0.5)", lambda o: StepLR(o, step_size=3, gamma=0.5), None, None),
    ("sched_multi_step_sgd", "sgd(lr=0.1)", lambda ps: SGD(ps, lr=0.1, **F),
     "multi_step(milestones=3;7;7;12, gamma=0.5)",
     lambda o: MultiStepLR(o, milestones=[3, 7, 7, 12], gamma=0.5), None, None),
    ("sched_exponential_sgd", "sgd(lr=0.1)", lambda ps: SGD(ps, lr=0.1, **F),
     "exponential(gamma=0.9)", lambda o: ExponentialLR(o, gamma=0.9), None, None),
    ("sched_cosine_sgd", "sgd(lr=0.1, momentum=0.9)", lambda ps: SGD(ps, lr=0.1, momentum=0.9, **F),
     "cosine(t_max=6, eta_min=0.001)", lambda o: CosineAnnealingLR(o, T_max=6, eta_min=0.001), None, None),
    ("sched_cosine_default_eta_sgd", "sgd(lr=0.1)", lambda ps: SGD(ps, lr=0.1, **F),
     "cosine(t_max=25)", lambda o: CosineAnnealingLR(o, T_max=25), None, None),
    ("sched_linear_warmup_sgd", "sgd(lr=0.1)", lambda ps: SGD(ps, lr=0.1, **F),
     "linear_warmup", lambda o: LinearLR(o), None, None),
    ("sched_linear_warmup_custom_sgd", "sgd(lr=0.1, momentum=0.9)",
     lambda ps: SGD(ps, lr=0.1, momentum=0.9, **F),
     "linear_warmup(start_factor=0.25, end_factor=0.8, total_iters=8)",
     lambda o: LinearLR(o, start_factor=0.25, end_factor=0.8, total_iters=8), None, None),
    ("sched_plateau_sgd", "sgd(lr=0.1)", lambda ps: SGD(ps, lr=0.1, **F),
     "reduce_on_plateau(factor=0.5, patience=2, cooldown=2)",
     lambda o: ReduceLROnPlateau(o, factor=0.5, patience=2, cooldown=2), None, None),
    # --- schedules on adam / adamw / rmsprop ---
    ("sched_cosine_adam", "adam(lr=0.05)", lambda ps: Adam(ps, lr=0.05, **F),
     "cosine(t_max=7, eta_min=0.0)", lambda o: CosineAnnealingLR(o, T_max=7, eta_min=0.0), None, None),
    ("sched_step_adam", "adam(lr=0.05, amsgrad=true)", lambda ps: Adam(ps, lr=0.05, amsgrad=True, **F),
     "step(step_size=4)", lambda o: StepLR(o, step_size=4), None, None),
    ("sched_linear_warmup_adamw", "adamw(lr=0.05)", lambda ps: AdamW(ps, lr=0.05, **F),
     "linear_warmup(start_factor=0.1, total_iters=10)",
     lambda o: LinearLR(o, start_factor=0.1, total_iters=10), None, None),
    ("sched_plateau_max_abs_adam", "adam(lr=0.01)", lambda ps: Adam(ps, lr=0.01, **F),
     "reduce_on_plateau(mode=max, factor=0.3, patience=1, threshold=0.1, threshold_mode=abs, cooldown=1, "
     "min_lr=0.0005)",
     lambda o: ReduceLROnPlateau(o, mode="max", factor=0.3, patience=1, threshold=0.1, threshold_mode="abs",
                                 cooldown=1, min_lr=0.0005), None, None),
    ("sched_exponential_rmsprop", "rmsprop(lr=0.01, momentum=0.5)",
     lambda ps: RMSprop(ps, lr=0.01, momentum=0.5, **F),
     "exponential(gamma=0.8)", lambda o: ExponentialLR(o, gamma=0.8), None, None),
    # --- clipping combined with an optimizer ---
    ("clip_norm_sgd", "sgd(lr=0.1, momentum=0.9)", lambda ps: SGD(ps, lr=0.1, momentum=0.9, **F),
     None, None, "norm(max_norm=0.5)", lambda ps: clip_grad_norm_(ps, 0.5)),
    ("clip_norm_large_rmsprop", "rmsprop", lambda ps: RMSprop(ps, **F),
     None, None, "norm(max_norm=100.0)", lambda ps: clip_grad_norm_(ps, 100.0)),
    ("clip_value_adam", "adam(lr=0.05)", lambda ps: Adam(ps, lr=0.05, **F),
     None, None, "value(clip_value=0.3)", lambda ps: clip_grad_value_(ps, 0.3)),
    ("clip_norm_cosine_adamw", "adamw(lr=0.05)", lambda ps: AdamW(ps, lr=0.05, **F),
     "cosine(t_max=10)", lambda o: CosineAnnealingLR(o, T_max=10), "norm(max_norm=1.0)",
     lambda ps: clip_grad_norm_(ps, 1.0)),
]


def values(t):
    return " ".join(repr(float(x)) for x in t.detach().reshape(-1).tolist())


def run_case(out, name, opt_spec, make_opt, sched_spec, make_sched, clip_spec, clip):
    ps = [p.clone().requires_grad_(True) for p in P]
    opt = make_opt(ps)
    sched = make_sched(opt) if make_sched else None
    plateau = isinstance(sched, ReduceLROnPlateau)
    out.append("case " + name)
    out.append("optimizer " + opt_spec)
    out.append("schedule " + (sched_spec or "none"))
    out.append("clip " + (clip_spec or "none"))
    out.append("lr0 " + repr(float(opt.param_groups[0]["lr"])))
    for k in range(1, STEPS + 1):
        out.append("step %d" % k)
        opt.zero_grad(set_to_none=True)
        loss_of(ps).backward()
        for t, p in enumerate(ps):
            out.append("rawgrad %d %s" % (t, values(p.grad)))
        if clip is not None:
            total = clip(ps)
            if clip_spec.startswith("norm"):
                out.append("norm " + repr(float(total)))
            for t, p in enumerate(ps):
                out.append("grad %d %s" % (t, values(p.grad)))
        lr_used = opt.param_groups[0]["lr"]
        opt.step()
        if sched is not None:
            if plateau:
                metrics = PLATEAU_METRICS_MAX if sched.mode == "max" else PLATEAU_METRICS
                out.append("metric " + repr(metrics[k - 1]))
                sched.step(metrics[k - 1])
            else:
                sched.step()
        out.append("lr_used " + repr(float(lr_used)))
        for t, p in enumerate(ps):
            out.append("param %d %s" % (t, values(p)))
        out.append("lr " + repr(float(opt.param_groups[0]["lr"])))
    out.append("end")


def main():
    out = ["# Generated by generate_fixtures.py with torch " + torch.__version__ + "; do not edit.",
           "K " + repr(K)]
    for label, arrays in (("A", A), ("B", B), ("C", C), ("P", P)):
        for t, a in enumerate(arrays):
            out.append("%s %d %s" % (label, t, values(a)))
    for case in CASES:
        run_case(out, *case)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optim_fixtures.txt")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote %d cases to %s" % (len(CASES), path))


if __name__ == "__main__":
    main()
