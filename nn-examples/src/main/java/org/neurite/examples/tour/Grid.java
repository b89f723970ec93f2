package org.neurite.examples.tour;

/**
 * A square grid of 2-D input points, numpy's {@code meshgrid(linspace(lo, hi, n), linspace(lo, hi, n))}:
 * the sections send all its points through a network as one batch and fold the outputs back into a field
 * for a heat map.
 */
final class Grid {

    private final double[] xs;
    private final double[] ys;

    private Grid(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /** {@code n × n} points over {@code [lo, hi]²}. */
    static Grid square(double lo, double hi, int n) {
        return new Grid(linspace(lo, hi, n), linspace(lo, hi, n));
    }

    /** numpy's {@code linspace}: {@code n} evenly spaced values from {@code lo} to {@code hi} inclusive. */
    static double[] linspace(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
        }
        v[n - 1] = hi;
        return v;
    }

    double[] xs() {
        return xs.clone();
    }

    double[] ys() {
        return ys.clone();
    }

    /** Every point as a batch row {@code [x, y]}, row {@code iy * nx + ix}. */
    double[][] points() {
        double[][] p = new double[xs.length * ys.length][];
        for (int iy = 0; iy < ys.length; iy++) {
            for (int ix = 0; ix < xs.length; ix++) {
                p[iy * xs.length + ix] = new double[] {xs[ix], ys[iy]};
            }
        }
        return p;
    }

    /** The values of {@link #points()}, in the same order, as a field {@code [iy][ix]}. */
    double[][] field(double[] values) {
        double[][] z = new double[ys.length][xs.length];
        for (int iy = 0; iy < ys.length; iy++) {
            System.arraycopy(values, iy * xs.length, z[iy], 0, xs.length);
        }
        return z;
    }

    /** The first column of a batch output {@code (points, 1)} as a field. */
    double[][] field(double[][] outputs) {
        double[] v = new double[outputs.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = outputs[i][0];
        }
        return field(v);
    }
}
