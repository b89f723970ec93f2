#!/usr/bin/python3
"""Makes iris.csv and digits.csv beside this file from Debian's python3-sklearn copies of the UCI data.

Run with `/usr/bin/python3 make_bundled_csv.py` (python3-sklearn 1.2.1, python3-numpy); it rewrites

  iris.csv          header sepal_length,sepal_width,petal_length,petal_width,species; 150 rows, the species
                    named (setosa, versicolor, virginica) instead of scikit-learn's codes 0, 1, 2
  digits.csv        header pixel_0..pixel_63,digit; 1,797 rows of 64 integer pixel values (0..16), then the digit
  nn-io/src/test/resources/org/neurite/io/bundled_expected.properties
                    what BundledDatasetsTest checks: row and class counts, the first and last rows, and the
                    SHA-256 of both CSV files, computed here from scikit-learn's loaders, not by Neurite

The source files: sklearn/datasets/data/iris.csv (its first line is the count line `150,4,setosa,versicolor,
virginica`, not a header) and sklearn/datasets/data/digits.csv.gz (no header; 64 values then the digit).
The script checks its output against sklearn.datasets.load_iris() and load_digits() before writing.
"""
import csv
import gzip
import hashlib
import os

import numpy as np
from sklearn.datasets import load_digits, load_iris

SOURCE = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.normpath(os.path.join(HERE, "../../../../../../test/resources/org/neurite/io/bundled_expected.properties"))

IRIS_FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]


def number(text):
    """The shortest text of a value: 5.1 stays 5.1, 13.0 becomes 13."""
    v = float(text)
    return str(int(v)) if v == int(v) else repr(v)


def make_iris():
    with open(os.path.join(SOURCE, "iris.csv"), newline="") as f:
        rows = list(csv.reader(f))
    count, width, *names = rows[0]
    assert (int(count), int(width)) == (150, 4) and names == ["setosa", "versicolor", "virginica"], rows[0]
    out = [IRIS_FEATURES + ["species"]]
    for row in rows[1:]:
        out.append([number(v) for v in row[:4]] + [names[int(row[4])]])
    assert len(out) == 151
    reference = load_iris()
    x = np.array([[float(v) for v in row[:4]] for row in out[1:]])
    assert np.array_equal(x, reference.data)
    assert [row[4] for row in out[1:]] == [str(reference.target_names[t]) for t in reference.target]
    return out


def make_digits():
    with gzip.open(os.path.join(SOURCE, "digits.csv.gz"), "rt", newline="") as f:
        rows = [row for row in csv.reader(f) if row]
    out = [["pixel_%d" % i for i in range(64)] + ["digit"]]
    for row in rows:
        assert len(row) == 65, len(row)
        out.append([number(v) for v in row])
    assert len(out) == 1798
    reference = load_digits()
    x = np.array([[float(v) for v in row[:64]] for row in out[1:]])
    assert np.array_equal(x, reference.data)
    assert [int(row[64]) for row in out[1:]] == list(reference.target)
    return out


def write(name, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


iris = make_iris()
digits = make_digits()
iris_sha = write("iris.csv", iris)
digits_sha = write("digits.csv", digits)


def counts(rows, names):
    labels = [row[-1] for row in rows[1:]]
    return ",".join(str(labels.count(n)) for n in names)


digit_names = [str(d) for d in range(10)]
with open(EXPECTED, "w") as f:
    f.write("# Made by nn-io/src/main/resources/org/neurite/io/data/make_bundled_csv.py from scikit-learn's data\n")
    f.write("iris.rows=%d\n" % (len(iris) - 1))
    f.write("iris.features=%s\n" % ",".join(iris[0][:-1]))
    f.write("iris.classes=setosa,versicolor,virginica\n")
    f.write("iris.counts=%s\n" % counts(iris, ["setosa", "versicolor", "virginica"]))
    f.write("iris.first=%s\n" % ",".join(iris[1]))
    f.write("iris.last=%s\n" % ",".join(iris[-1]))
    f.write("iris.sha256=%s\n" % iris_sha)
    f.write("digits.rows=%d\n" % (len(digits) - 1))
    f.write("digits.classes=%s\n" % ",".join(digit_names))
    f.write("digits.counts=%s\n" % counts(digits, digit_names))
    f.write("digits.first=%s\n" % ",".join(digits[1]))
    f.write("digits.last=%s\n" % ",".join(digits[-1]))
    f.write("digits.sha256=%s\n" % digits_sha)
print("iris.csv   sha256", iris_sha)
print("digits.csv sha256", digits_sha)
