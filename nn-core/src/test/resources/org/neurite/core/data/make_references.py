#!/usr/bin/python3
"""Reference values for nn-core's StandardizationTest and DatasetsTest, computed with numpy and scikit-learn.

Run with `/usr/bin/python3 make_references.py` (Debian's python3-numpy and python3-sklearn); it rewrites
the two files beside it. CI never runs it: the tests read the committed files.

  standardization.tsv  one block per case: `case NAME ROWS COLS`, then ROWS lines of input values, then a
                       `mean` line and a `scale` line from sklearn.preprocessing.StandardScaler (ddof = 0,
                       scale 1.0 for a constant feature), all values in repr (round-trip) form.
  generated.tsv        noise-free points of sklearn.datasets.make_moons and make_circles (shuffle=False),
                       one `NAME N FACTOR` header line per case, then N lines `label x1 x2`.
"""
import os

import numpy as np
import sklearn
from sklearn.datasets import make_circles, make_moons
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))

rng = np.random.default_rng(20240501)
CASES = {
    "small": np.array([[1.0, 2.0], [3.0, 5.0], [4.0, -1.0]]),
    "constant_column": np.array([[7.0, 1.0, 0.1], [7.0, 2.0, 0.1], [7.0, 4.0, 0.1], [7.0, 8.0, 0.1]]),
    "one_row": np.array([[1.5, -2.5, 0.0]]),
    "large_offset": 1e6 + rng.normal(size=(50, 3)),
    "random": rng.normal(loc=[0.0, 10.0, -3.0, 100.0], scale=[1.0, 0.01, 5.0, 50.0], size=(200, 4)),
}


def write_standardization():
    with open(os.path.join(HERE, "standardization.tsv"), "w") as f:
        f.write("# sklearn %s StandardScaler, numpy %s; made by make_references.py\n"
                % (sklearn.__version__, np.__version__))
        for name, x in CASES.items():
            s = StandardScaler().fit(x)
            f.write("case\t%s\t%d\t%d\n" % (name, x.shape[0], x.shape[1]))
            for row in x:
                f.write("\t".join(repr(float(v)) for v in row) + "\n")
            f.write("mean\t" + "\t".join(repr(float(v)) for v in s.mean_) + "\n")
            f.write("scale\t" + "\t".join(repr(float(v)) for v in s.scale_) + "\n")


def write_generated():
    with open(os.path.join(HERE, "generated.tsv"), "w") as f:
        f.write("# sklearn %s make_moons / make_circles, shuffle=False, noise=None\n" % sklearn.__version__)
        for name, n, factor in [("moons", 10, 0.0), ("moons", 7, 0.0), ("circles", 10, 0.5),
                                ("circles", 9, 0.3)]:
            if name == "moons":
                x, y = make_moons(n_samples=n, shuffle=False, noise=None)
            else:
                x, y = make_circles(n_samples=n, shuffle=False, noise=None, factor=factor)
            f.write("%s\t%d\t%r\n" % (name, n, factor))
            for label, row in zip(y, x):
                f.write("%d\t%r\t%r\n" % (label, float(row[0]), float(row[1])))


write_standardization()
write_generated()
