#!/usr/bin/python3
"""Reference values for HiddenSpaceTest, computed with numpy.

Run with `/usr/bin/python3 make_hidden_space.py`; it rewrites hidden_space.tsv beside it. CI never runs it:
the test reads the committed file.

The network is [2, 3, 1], ReLU then sigmoid, with the weights below ((out, in) layout, as MlpBuilder.dense
takes them), evaluated at the four XOR inputs. The projection: u = w / |w|; each point's residual
h - (h.u) u, centred; v = the eigenvector of the residuals' scatter matrix with the largest eigenvalue
(numpy.linalg.eigh). Lines: `name value...` in repr (round-trip) form; v's sign is arbitrary.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
W1 = np.array([[1.0, -0.5], [0.3, 1.2], [-0.7, 0.8]])
B1 = np.array([0.1, -0.2, 0.4])
W2 = np.array([[1.5, -2.0, 0.7]])
B2 = np.array([0.25])

h = np.maximum(0.0, X @ W1.T + B1)
w = W2[0]
u = w / np.linalg.norm(w)
r = h - np.outer(h @ u, u)
rc = r - r.mean(axis=0)
values, vectors = np.linalg.eigh(rc.T @ rc)
v = vectors[:, np.argmax(values)]
logits = h @ w + B2[0]

rows = [("W1", W1.ravel()), ("B1", B1), ("W2", W2.ravel()), ("B2", B2), ("hidden", h.ravel()),
        ("logit", logits), ("horizontal", h @ u), ("vertical", h @ v), ("v", v),
        ("boundary", [-B2[0] / np.linalg.norm(w)])]
with open(os.path.join(HERE, "hidden_space.tsv"), "w") as f:
    f.write("# numpy %s; see make_hidden_space.py\n" % np.__version__)
    for name, vals in rows:
        f.write(name + "\t" + "\t".join(repr(float(x)) for x in vals) + "\n")
