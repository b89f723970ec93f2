#!/usr/bin/python3
"""Reference values for Neurite's built-in losses, computed by PyTorch 1.13 itself.

Run from the repository root with Debian's Python, which has torch 1.13 (the default python3 may not):

    /usr/bin/python3 nn-core/src/test/resources/org/neurite/core/loss/generate_fixtures.py

It rewrites losses.tsv beside this script; BuiltinLossesTest (nn-core) checks every line. For every loss,
both reductions and several cases (random moderate inputs of a few rows and 3-5 columns, then the
extremes: logits of +-1000 and mixed, probabilities exactly 0 and 1, targets 0 and 1, label smoothing 0.1,
probability targets, huber/smooth_l1 with other delta/beta and points on both sides of the switch and on
it), it records the prediction, the target, torch's loss and torch.autograd's gradient with respect to the
prediction, in float64, and again for a subset in float32 (computed by torch in float32; the inputs are
written as the doubles the float32 values are).

Format: '#' lines are comments; every other line is one case, tab-separated:
    id  spec  dtype  rows  cols  target_cols  prediction  target  loss  gradient
where spec is the Neurite loss spec (what Losses.get parses), dtype float64|float32, and prediction,
target and gradient are row-major, space-separated, each number written with repr() (exact round trip).
Class-index targets are one column of indices written as floats (0.0, 2.0, ...).
"""
import os
import warnings

import torch
import torch.nn.functional as F

warnings.filterwarnings("ignore")  # kl_div's reduction='mean' warning, by design here
assert torch.__version__.startswith("1.13"), torch.__version__

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "losses.tsv")
REDUCTIONS = ("mean", "sum")
gen = torch.Generator().manual_seed(20240613)


def randn(*shape):
    return torch.randn(*shape, generator=gen, dtype=torch.float64)


def rand(*shape):
    return torch.rand(*shape, generator=gen, dtype=torch.float64)


def randint(high, n):
    return torch.randint(0, high, (n,), generator=gen)


def shape():
    rows = int(torch.randint(2, 5, (1,), generator=gen))
    cols = int(torch.randint(3, 6, (1,), generator=gen))
    return rows, cols


def torch_loss(name, params, x, t, reduction):
    """The loss through torch.nn.functional, with Neurite's names and parameters."""
    if name == "mse":
        return F.mse_loss(x, t, reduction=reduction)
    if name == "l1":
        return F.l1_loss(x, t, reduction=reduction)
    if name == "huber":
        return F.huber_loss(x, t, reduction=reduction, delta=params.get("delta", 1.0))
    if name == "smooth_l1":
        return F.smooth_l1_loss(x, t, reduction=reduction, beta=params.get("beta", 1.0))
    if name == "bce":
        return F.binary_cross_entropy(x, t, reduction=reduction)
    if name == "bce_with_logits":
        return F.binary_cross_entropy_with_logits(x, t, reduction=reduction)
    if name == "cross_entropy":
        return F.cross_entropy(x, t, reduction=reduction, label_smoothing=params.get("label_smoothing", 0.0))
    if name == "nll":
        return F.nll_loss(x, t, reduction=reduction)
    if name == "kl_div":
        return F.kl_div(x, t, reduction=reduction, log_target=False)
    raise ValueError(name)


def spec(name, params, reduction):
    parts = ["%s=%r" % (k, float(v)) for k, v in params.items()]
    if reduction != "mean":
        parts.append("reduction=" + reduction)
    return name + ("(" + ", ".join(parts) + ")" if parts else "")


lines = []
counter = {}


def record(name, params, x, t, dtype=torch.float64):
    """One line per reduction: x is (rows, cols); t is (rows, cols), or (rows,) of class indices."""
    for reduction in REDUCTIONS:
        xi = x.detach().to(dtype).clone().requires_grad_(True)
        ti = t if t.dtype == torch.int64 else t.to(dtype)
        loss = torch_loss(name, params, xi, ti, reduction)
        loss.backward()
        rows, cols = xi.shape
        target_cols = 1 if ti.dim() == 1 else ti.shape[1]
        key = (name, str(dtype))
        counter[key] = counter.get(key, 0) + 1
        case_id = "%s-%s-%d" % (name, "f64" if dtype == torch.float64 else "f32", counter[key])
        fmt = lambda values: " ".join(repr(float(v)) for v in values)
        lines.append("\t".join([
            case_id, spec(name, params, reduction), "float64" if dtype == torch.float64 else "float32",
            str(rows), str(cols), str(target_cols),
            fmt(xi.detach().reshape(-1).tolist()), fmt(ti.reshape(-1).tolist()),
            repr(float(loss.item())), fmt(xi.grad.reshape(-1).tolist())]))


def t64(rows):
    return torch.tensor(rows, dtype=torch.float64)


def cases(dtype):
    """Every case of one dtype; float32 gets the random ones and a few extremes."""
    full = dtype == torch.float64
    n_random = 3 if full else 2

    # mse, l1: random, then equal elements (l1's gradient 0 there) and large values.
    for name in ("mse", "l1"):
        for _ in range(n_random):
            r, c = shape()
            record(name, {}, randn(r, c) * 2, randn(r, c), dtype)
        record(name, {}, t64([[1.5, -2.0, 0.0], [1000.0, -1000.0, 3.0]]),
               t64([[1.5, 2.0, 0.0], [-1000.0, 1000.0, 3.0]]), dtype)

    # huber(delta), smooth_l1(beta): random at the default and other widths, then points on both sides of
    # the switch and exactly on it (dyadic values, so that p - t is exact).
    for name, key, widths in (("huber", "delta", (1.0, 2.0, 0.5)), ("smooth_l1", "beta", (1.0, 0.5, 3.0, 0.0))):
        for w in widths:
            params = {} if w == 1.0 else {key: w}
            for _ in range(n_random if w == 1.0 else 1):
                r, c = shape()
                record(name, params, randn(r, c) * 2, randn(r, c), dtype)
            if full or w == 1.0:
                d = [0.0, w / 2, -w / 2, w, -w, 1.5 * w + 0.25, -(1.5 * w + 0.25), 7.0]
                p = t64([d[:4], d[4:]]) + 0.25
                record(name, params, p, torch.full((2, 4), 0.25, dtype=torch.float64), dtype)

    # bce: random probabilities and targets, then probabilities exactly 0 and 1 against targets 0, 1, 0.3,
    # and probabilities next to 0 and 1.
    for _ in range(n_random):
        r, c = shape()
        record("bce", {}, rand(r, c) * 0.98 + 0.01, rand(r, c), dtype)
        record("bce", {}, rand(r, c) * 0.98 + 0.01, (rand(r, c) > 0.5).double(), dtype)
    record("bce", {}, t64([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]), t64([[0.0, 1.0, 0.3], [0.0, 1.0, 0.3]]), dtype)
    if full:
        record("bce", {}, t64([[1e-300, 1e-20, 1e-10, 0.5], [1 - 1e-16, 1 - 1e-10, 0.999999, 1e-6]]),
               t64([[0.0, 1.0, 1.0, 0.5], [1.0, 0.0, 1.0, 0.0]]), dtype)

    # bce_with_logits: random, then logits of +-1000 and mixed against targets 0, 1 and 0.5.
    for _ in range(n_random):
        r, c = shape()
        record("bce_with_logits", {}, randn(r, c) * 3, rand(r, c), dtype)
    record("bce_with_logits", {}, t64([[1000.0, -1000.0, 1000.0, -1000.0], [0.0, 40.0, -40.0, 1000.0]]),
           t64([[1.0, 0.0, 0.0, 1.0], [0.5, 1.0, 0.0, 0.5]]), dtype)
    if full:
        record("bce_with_logits", {}, t64([[-1000.0, -1000.0, -1000.0], [1000.0, 1000.0, 1000.0]]),
               t64([[0.0, 1.0, 0.5], [0.0, 1.0, 0.5]]), dtype)

    # cross_entropy: class indices and probability targets, label smoothing 0 and 0.1, random logits and
    # logits of +-1000.
    extreme = t64([[1000.0, -1000.0, 0.0, 999.0], [-1000.0, -1000.0, -1000.0, -1000.0],
                   [1000.0, 1000.0, 1000.0, -1000.0]])
    for params in ({}, {"label_smoothing": 0.1}):
        for _ in range(n_random):
            r, c = shape()
            record("cross_entropy", params, randn(r, c) * 2, randint(c, r), dtype)
            record("cross_entropy", params, randn(r, c) * 2, torch.softmax(randn(r, c), dim=1), dtype)
        record("cross_entropy", params, extreme, torch.tensor([1, 0, 3]), dtype)
        if full:
            record("cross_entropy", params, extreme, torch.tensor([0, 2, 1]), dtype)
            record("cross_entropy", params, extreme,
                   t64([[0.0, 1.0, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25], [0.0, 0.0, 0.5, 0.5]]), dtype)
            r, c = shape()
            record("cross_entropy", params, randn(r, c), rand(r, c), dtype)  # rows not summing to 1
    if full:
        record("cross_entropy", {"label_smoothing": 1.0}, randn(3, 4), randint(4, 3), dtype)
        record("cross_entropy", {"label_smoothing": 0.5}, randn(3, 4), torch.softmax(randn(3, 4), dim=1), dtype)

    # nll on log-probabilities: random, then log-probabilities of a saturated softmax.
    for _ in range(n_random):
        r, c = shape()
        record("nll", {}, torch.log_softmax(randn(r, c) * 2, dim=1), randint(c, r), dtype)
    record("nll", {}, torch.log_softmax(extreme, dim=1), torch.tensor([1, 0, 3]), dtype)

    # kl_div: log-probabilities against probabilities, with zeros in the target and inputs of -1000.
    for _ in range(n_random):
        r, c = shape()
        record("kl_div", {}, torch.log_softmax(randn(r, c), dim=1), torch.softmax(randn(r, c) * 2, dim=1), dtype)
    record("kl_div", {}, torch.log_softmax(extreme, dim=1),
           t64([[0.0, 1.0, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25], [0.0, 0.0, 0.5, 0.5]]), dtype)
    if full:
        record("kl_div", {}, t64([[-1000.0, 0.0, -1.5], [2.0, -3.0, 0.5]]),
               t64([[0.0, 1.0, 0.0], [0.2, 0.0, 0.8]]), dtype)


cases(torch.float64)
cases(torch.float32)

with open(OUT, "w") as f:
    f.write("# Written by generate_fixtures.py beside this file with torch %s; do not edit.\n" % torch.__version__)
    f.write("# id\tspec\tdtype\trows\tcols\ttarget_cols\tprediction\ttarget\tloss\tgradient\n")
    for line in lines:
        f.write(line + "\n")
print("wrote %d cases to %s" % (len(lines), OUT))
