#!/usr/bin/env python3
"""Reference values for Neurite's activation contract (org.neurite.tck.ActivationContractTest).

Run from anywhere with `python3 generate_fixtures.py`; it rewrites the three .tsv files beside it:

  elementwise.tsv    spec, x, value, derivative, smooth  -- every element-wise activation at many points
  rowwise.tsv        spec, z, grad_a, value, grad_z      -- softmax and log_softmax rows and their
                                                            Jacobian-vector products (lists space-separated)
  prelu_gradient.tsv spec, rows, cols, z, grad_a, gradient -- dL/dalpha of PReLU for a batch

How the references are made, independently of the Java code:

* Every function is written in its textbook form, the one a paper or PyTorch's documentation gives
  (sigmoid = 1/(1+e^-x), softplus = log(1+e^x), log_softmax = log(softmax), ...), and evaluated with mpmath
  at 1000 significant digits. At that precision the cancellations that make these forms useless in double
  (1 - sigmoid(40), log(1 + e^-1000), 1 + erf(-27), ...) still leave hundreds of correct digits, so every
  value that is representable in double comes out correctly rounded; values below the double range come out
  as 0 (or a subnormal), which is what a double result should be there. The Gaussian distribution function
  uses mpmath's own erfc.
* Derivatives are the analytic ones, also in textbook form. Two checks guard the hand-written formulas:
  mpmath's numerical differentiation (at 400 digits) must agree with them at every smooth point with
  |x| <= 20, and scipy/numpy double-precision implementations (scipy.special.expit, log_expit, ndtr, ...)
  must agree with the values and derivatives to 1e-12 wherever those are accurate. The script fails if
  either check fails.
* At a kink the derivative is a convention, PyTorch's autograd one: relu'(0) = 0, leaky_relu'(0) = prelu'(0)
  = alpha, elu'(0) = alpha, selu'(0) = scale*alpha, relu6' = 0 at 0 and 6, hardtanh' = 0 at both bounds,
  hard_sigmoid' = 0 at -3 and 3, hard_swish'(-3) = -1/2 and hard_swish'(3) = 3/2. The column `smooth` is 0
  within 1e-4*max(1, |x|) of a kink (where central differences are meaningless), else 1.

Points: 0, +-1e-300, +-1e-8, +-1e-3, ..., +-20, +-40, +-100, +-710, +-1000, +-1e300, and the float32
roundings of those that float32 cannot hold (so that the float32 contract has inputs it can represent
exactly). Numbers are printed with repr(), the shortest text that parses back to the same double.
"""

import math
import os
import sys

import mpmath as mp
import numpy as np
import scipy.special as sp

mp.mp.dps = 1000
HERE = os.path.dirname(os.path.abspath(__file__))

SELU_SCALE = mp.mpf("1.0507009873554804934193349852946")
SELU_ALPHA = mp.mpf("1.6732632423543772848170429916717")
GELU_TANH_KAPPA = mp.mpf("0.044715")

BASE = [0.0, 1e-300, 1e-8, 1e-3, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.0,
        10.0, 20.0, 30.0, 37.0, 38.0, 40.0, 100.0, 710.0, 1000.0, 1e300]


def points():
    pts = set()
    for p in BASE:
        for x in (p, -p):
            pts.add(x)
            if abs(x) > 3e38:
                continue  # float32 cannot hold it at all
            f = float(np.float32(x))
            if f != 0.0:
                pts.add(f)
    pts.discard(-0.0)
    return sorted(pts)


# ---- the functions, textbook forms, on mpf --------------------------------------------------------------

def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def phi_cdf(x):
    if abs(x) > 1e6:
        # mpmath's erfc cannot take 1e300; beyond 1e6 the tail is below e^-5e11, 0 to any double.
        return mp.mpf(1) if x > 0 else mp.mpf(0)
    return mp.erfc(-x / mp.sqrt(2)) / 2


def phi_pdf(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def softplus_textbook(x):
    return mp.log(1 + mp.exp(x))


def step(cond):
    return mp.mpf(1) if cond else mp.mpf(0)


def make(spec_name, params):
    """(value, derivative, kinks) of one activation with its parameter values."""
    p = params
    if spec_name in ("linear", "identity"):
        return (lambda x: x), (lambda x: mp.mpf(1)), []
    if spec_name == "sigmoid":
        return sigmoid, (lambda x: sigmoid(x) * (1 - sigmoid(x))), []
    if spec_name == "tanh":
        return mp.tanh, (lambda x: 1 - mp.tanh(x) ** 2), []
    if spec_name == "relu":
        return (lambda x: max(x, 0)), (lambda x: step(x > 0)), [0.0]
    if spec_name in ("leaky_relu", "prelu"):
        a = p["alpha"]
        return (lambda x: x if x > 0 else a * x), (lambda x: mp.mpf(1) if x > 0 else a), [0.0]
    if spec_name == "elu":
        a = p["alpha"]
        return ((lambda x: x if x > 0 else a * (mp.exp(x) - 1)),
                (lambda x: mp.mpf(1) if x > 0 else a * mp.exp(x)), [0.0])
    if spec_name == "selu":
        return ((lambda x: SELU_SCALE * (x if x > 0 else SELU_ALPHA * (mp.exp(x) - 1))),
                (lambda x: SELU_SCALE * (1 if x > 0 else SELU_ALPHA * mp.exp(x))), [0.0])
    if spec_name == "celu":
        a = p["alpha"]
        return ((lambda x: max(0, x) + min(0, a * (mp.exp(x / a) - 1))),
                (lambda x: mp.mpf(1) if x > 0 else mp.exp(x / a)), [0.0])
    if spec_name == "gelu":
        return (lambda x: x * phi_cdf(x)), (lambda x: phi_cdf(x) + x * phi_pdf(x)), []
    if spec_name == "gelu_tanh":
        c = mp.sqrt(2 / mp.pi)

        def u(x):
            return c * (x + GELU_TANH_KAPPA * x ** 3)

        def du(x):
            return c * (1 + 3 * GELU_TANH_KAPPA * x ** 2)

        return ((lambda x: x / 2 * (1 + mp.tanh(u(x)))),
                (lambda x: (1 + mp.tanh(u(x))) / 2 + x / 2 * (1 - mp.tanh(u(x)) ** 2) * du(x)), [])
    if spec_name in ("silu", "swish"):
        b = p.get("beta", mp.mpf(1))
        return ((lambda x: x * sigmoid(b * x)),
                (lambda x: sigmoid(b * x) + b * x * sigmoid(b * x) * (1 - sigmoid(b * x))), [])
    if spec_name == "mish":
        return ((lambda x: x * mp.tanh(softplus_textbook(x))),
                (lambda x: mp.tanh(softplus_textbook(x))
                 + x * (1 - mp.tanh(softplus_textbook(x)) ** 2) * sigmoid(x)), [])
    if spec_name == "softplus":
        b = p["beta"]
        return (lambda x: softplus_textbook(b * x) / b), (lambda x: sigmoid(b * x)), []
    if spec_name == "softsign":
        return (lambda x: x / (1 + abs(x))), (lambda x: 1 / (1 + abs(x)) ** 2), []
    if spec_name == "log_sigmoid":
        return (lambda x: mp.log(sigmoid(x))), (lambda x: 1 - sigmoid(x)), []
    if spec_name == "relu6":
        return (lambda x: min(max(x, 0), 6)), (lambda x: step(0 < x < 6)), [0.0, 6.0]
    if spec_name == "hardtanh":
        lo, hi = p["min"], p["max"]
        return (lambda x: min(max(x, lo), hi)), (lambda x: step(lo < x < hi)), [float(lo), float(hi)]
    if spec_name == "hard_sigmoid":
        return ((lambda x: min(max(x + 3, 0), 6) / 6),
                (lambda x: mp.mpf(1) / 6 if -3 < x < 3 else mp.mpf(0)), [-3.0, 3.0])
    if spec_name == "hard_swish":
        def d(x):
            if x < -3:
                return mp.mpf(0)
            return (2 * x + 3) / 6 if x <= 3 else mp.mpf(1)
        return (lambda x: x * min(max(x + 3, 0), 6) / 6), d, [-3.0, 3.0]
    if spec_name == "tanhshrink":
        return (lambda x: x - mp.tanh(x)), (lambda x: mp.tanh(x) ** 2), []
    raise ValueError(spec_name)


# The element-wise specs: every built-in at its defaults, the aliases, and parameterised variants.
ELEMENTWISE = [
    ("linear", {}), ("identity", {}), ("sigmoid", {}), ("tanh", {}), ("relu", {}),
    ("leaky_relu", {"alpha": "0.01"}), ("leaky_relu", {"alpha": "0.2"}),
    ("prelu", {"alpha": "0.25"}), ("prelu", {"alpha": "-0.5"}),
    ("elu", {"alpha": "1.0"}), ("elu", {"alpha": "0.5"}), ("elu", {"alpha": "2.0"}),
    ("selu", {}),
    ("celu", {"alpha": "1.0"}), ("celu", {"alpha": "0.5"}), ("celu", {"alpha": "3.0"}),
    ("gelu", {}), ("gelu_tanh", {}),
    ("silu", {}), ("swish", {"beta": "1.0"}), ("swish", {"beta": "2.0"}), ("swish", {"beta": "0.5"}),
    ("mish", {}),
    ("softplus", {"beta": "1.0"}), ("softplus", {"beta": "2.0"}), ("softplus", {"beta": "0.5"}),
    ("softsign", {}), ("log_sigmoid", {}), ("relu6", {}),
    ("hardtanh", {"min": "-1.0", "max": "1.0"}), ("hardtanh", {"min": "-2.0", "max": "3.0"}),
    ("hard_sigmoid", {}), ("hard_swish", {}), ("tanhshrink", {}),
]

# The spellings that are defaults get the bare name too, so the registry's defaults are checked.
DEFAULT_PARAMS = {"leaky_relu": {"alpha": "0.01"}, "prelu": {"alpha": "0.25"}, "elu": {"alpha": "1.0"},
                  "celu": {"alpha": "1.0"}, "swish": {"beta": "1.0"}, "softplus": {"beta": "1.0"},
                  "hardtanh": {"min": "-1.0", "max": "1.0"}}


def spec_text(name, params):
    if name in DEFAULT_PARAMS and params == DEFAULT_PARAMS[name]:
        return name
    if not params:
        return name
    return name + "(" + ", ".join(k + "=" + v for k, v in params.items()) + ")"


def to_double(v):
    d = float(v)
    if not math.isfinite(d):
        raise AssertionError("reference is not finite: %s" % mp.nstr(v, 20))
    return d


# ---- independent double-precision cross-checks (scipy / numpy) ------------------------------------------

def scipy_reference(name, p, x):
    """(value, derivative) from scipy/numpy in double, or None where no accurate double form is at hand."""
    b = float(p.get("beta", 1.0))
    a = float(p.get("alpha", 0.0))
    with np.errstate(all="ignore"):
        if name == "sigmoid":
            return sp.expit(x), sp.expit(x) * sp.expit(-x)
        if name == "tanh":
            return np.tanh(x), 1.0 / np.cosh(x) ** 2
        if name == "gelu":
            return x * sp.ndtr(x), sp.ndtr(x) + x * np.exp(-x * x / 2) / np.sqrt(2 * np.pi)
        if name in ("silu", "swish"):
            return x * sp.expit(b * x), sp.expit(b * x) * (1 + b * x * sp.expit(-b * x))
        if name == "softplus":
            return np.logaddexp(0.0, b * x) / b, sp.expit(b * x)
        if name == "log_sigmoid":
            return sp.log_expit(x), sp.expit(-x)
        if name == "elu" and x <= 0:
            return a * np.expm1(x), a * np.exp(x)
        if name == "celu" and x <= 0:
            return a * np.expm1(x / a), np.exp(x / a)
        if name == "softsign":
            return x / (1 + abs(x)), 1 / (1 + abs(x)) ** 2
    return None


def cross_check(name, p, x, value, derivative, smooth):
    problems = []
    ref = scipy_reference(name, {k: float(v) for k, v in p.items()}, x) if abs(x) <= 100 else None
    if ref is not None:
        for label, got, want in (("value", ref[0], value), ("derivative", ref[1], derivative)):
            if abs(want) > 1e-290 and abs(got - want) > 1e-12 * abs(want):
                problems.append("%s %s at %r: scipy %r, mpmath %r" % (name, label, x, got, want))
    if smooth and abs(x) <= 20:
        f, df, _ = make(name, {k: mp.mpf(v) for k, v in p.items()})
        with mp.workdps(400):
            xm = mp.mpf(x)
            numeric = mp.diff(f, xm)
            analytic = df(xm)
            if abs(numeric - analytic) > mp.mpf("1e-30") * max(abs(analytic), mp.mpf("1e-300")):
                problems.append("%s derivative at %r: numerical %s, analytic %s"
                                % (name, x, mp.nstr(numeric, 25), mp.nstr(analytic, 25)))
    return problems


# ---- the fixtures ---------------------------------------------------------------------------------------

def elementwise_rows():
    rows, problems = [], []
    for name, params in ELEMENTWISE:
        mparams = {k: mp.mpf(v) for k, v in params.items()}
        f, df, kinks = make(name, mparams)
        spec = spec_text(name, params)
        for x in points():
            xm = mp.mpf(x)
            value = to_double(f(xm))
            derivative = to_double(df(xm))
            smooth = all(abs(x - k) > 1e-4 * max(1.0, abs(x)) for k in kinks)
            problems += cross_check(name, params, x, value, derivative, smooth)
            rows.append((spec, x, value, derivative, 1 if smooth else 0))
    return rows, problems


def softmax_mp(z):
    m = max(z)
    e = [mp.exp(v - m) for v in z]
    s = mp.fsum(e)
    return [v / s for v in e]


ROWS = [
    [1000.0, 1000.0, 999.0],
    [-1000.0, -1000.0, -999.0],
    [0.0, -30.0],
    [2.0, 1.0, 0.1, -0.5, 3.5],
    [0.0, 0.0, 0.0, 0.0],
    [5.0],
    [710.0, -710.0, 0.0],
    [1e-8, -1e-8],
    [100.0, -100.0, 50.0, -50.0, 0.0, 25.0],
    [-20.0, -40.0, -3.0, 3.0, 20.0, 40.0],
    [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
    [-1000.0, 1000.0],
    [0.5, -0.25, 0.125, 37.0, 36.0],
]


def rowwise_rows():
    rng = np.random.default_rng(20240603)
    out = []
    for row in ROWS:
        z = [float(np.float32(v)) for v in row]  # float32-exact, so both dtypes see the same input
        g = [float(np.float32(np.round(v * 1024) / 1024)) for v in rng.normal(size=len(z))]
        zm = [mp.mpf(v) for v in z]
        gm = [mp.mpf(v) for v in g]
        s = softmax_mp(zm)
        dot = mp.fsum(a * b for a, b in zip(gm, s))
        total = mp.fsum(gm)
        soft_value = [to_double(v) for v in s]
        soft_grad = [to_double(si * (gi - dot)) for si, gi in zip(s, gm)]
        log_value = [to_double(mp.log(v)) for v in s]
        log_grad = [to_double(gi - si * total) for si, gi in zip(s, gm)]
        out.append(("softmax", z, g, soft_value, soft_grad))
        out.append(("log_softmax", z, g, log_value, log_grad))
    # The textbook form gives the same digits as a shifted one: check the softmax sums to one.
    for spec, z, g, value, grad in out:
        if spec == "softmax":
            assert abs(math.fsum(value) - 1) < 1e-15, (z, value)
    return out


def prelu_rows():
    cases = [
        ("prelu", [[-3.0, -1.0, 0.0, 1.0, 3.0], [-1000.0, -0.5, 2.5, -1e-8, 710.0]]),
        ("prelu(alpha=0.1)", [[-20.0, 20.0], [-40.0, 0.25], [-0.125, -100.0]]),
    ]
    rng = np.random.default_rng(7)
    out = []
    for spec, z in cases:
        flat = [float(np.float32(v)) for r in z for v in r]
        g = [float(np.float32(np.round(v * 1024) / 1024)) for v in rng.normal(size=len(flat))]
        grad = mp.fsum(mp.mpf(gi) * mp.mpf(zi) for zi, gi in zip(flat, g) if zi <= 0)
        out.append((spec, len(z), len(z[0]), flat, g, to_double(grad)))
    return out


def fmt(v):
    return repr(float(v))


def fmt_list(vs):
    return " ".join(fmt(v) for v in vs)


def write(name, header, lines):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Generated by generate_fixtures.py beside this file; do not edit by hand.\n")
        f.write("\t".join(header) + "\n")
        for line in lines:
            f.write("\t".join(line) + "\n")
    print("wrote %s (%d rows)" % (path, len(lines)))


def main():
    rows, problems = elementwise_rows()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit("cross-checks failed: %d problems" % len(problems))
    write("elementwise.tsv", ["spec", "x", "value", "derivative", "smooth"],
          [(s, fmt(x), fmt(v), fmt(d), str(sm)) for s, x, v, d, sm in rows])
    write("rowwise.tsv", ["spec", "z", "grad_a", "value", "grad_z"],
          [(s, fmt_list(z), fmt_list(g), fmt_list(v), fmt_list(gz)) for s, z, g, v, gz in rowwise_rows()])
    write("prelu_gradient.tsv", ["spec", "rows", "cols", "z", "grad_a", "gradient"],
          [(s, str(r), str(c), fmt_list(z), fmt_list(g), fmt(gr)) for s, r, c, z, g, gr in prelu_rows()])


if __name__ == "__main__":
    main()
