package org.neurite.examples.tour;

import java.util.List;
import org.neurite.api.Layer;
import org.neurite.core.ForwardTrace;
import org.neurite.core.Mlp;

/**
 * Where a binary classifier puts its inputs in its last hidden layer, seen in a plane in which its
 * decision boundary is a straight line. The output is {@code sigmoid(w · h + b)}, so the boundary (output
 * 0.5) is the hyperplane {@code w · h + b = 0}. With two hidden units the plane is the hidden space itself.
 * With more, the points are projected: the horizontal axis is the position along the output weights,
 * {@code u · h} with {@code u = w / |w|}, so the boundary is exactly the vertical line {@code -b / |w|} and
 * every point sits on its true side; the vertical axis is the direction, orthogonal to {@code u}, in which
 * the points spread most (the first principal component of what {@code u} leaves over, by power iteration
 * on its covariance). Only that orthogonal spread is lost, never which side of the boundary a point is on.
 *
 * @param hidden the last hidden layer's activations, one row per input
 * @param points each input's two plotted coordinates
 * @param weights the output unit's weights {@code w}
 * @param bias its bias {@code b}
 * @param vertical the unit direction of the vertical axis (empty with two hidden units)
 */
record HiddenSpace(double[][] hidden, double[][] points, double[] weights, double bias, double[] vertical) {

    private static final int ITERATIONS = 500;

    /** The hidden space of {@code mlp} (one sigmoid output after at least one hidden layer) at {@code inputs}. */
    static HiddenSpace of(Mlp mlp, double[][] inputs) {
        List<Layer> layers = mlp.layers();
        if (layers.size() < 2 || mlp.outputSize() != 1) {
            throw new IllegalArgumentException("mlp: expected a hidden layer and one output, got "
                    + TutorialMlp.sizes(mlp));
        }
        ForwardTrace trace = mlp.trace(inputs);
        double[][] h = trace.steps().get(layers.size() - 2).a();
        Layer out = layers.get(layers.size() - 1);
        double[] w = out.parameters().get("weight").toDoubleArray()[0];
        double b = out.parameters().get("bias").get(0, 0);
        if (w.length == 2) {
            return new HiddenSpace(h, h, w, b, new double[0]);
        }
        double norm = Math.sqrt(dot(w, w));
        double[] u = scale(w, 1 / norm);
        double[] v = spreadOrthogonalTo(h, u);
        double[][] p = new double[h.length][];
        for (int i = 0; i < h.length; i++) {
            p[i] = new double[] {dot(u, h[i]), dot(v, h[i])};
        }
        return new HiddenSpace(h, p, w, b, v);
    }

    /** True when the hidden layer has more than two units and the points are a projection. */
    boolean projected() {
        return vertical.length > 0;
    }

    /** The output's pre-activation {@code w · h + b} of input {@code i}. */
    double logit(int i) {
        return dot(weights, hidden[i]) + bias;
    }

    /** With a projection, the horizontal position of the boundary, {@code -b / |w|}. */
    double boundaryPosition() {
        return -bias / Math.sqrt(dot(weights, weights));
    }

    /**
     * The boundary in the plotted plane as {@code n} points over {@code [lo, hi]} of the free coordinate:
     * {@code {xs, ys}}; with a projection it is vertical and the free coordinate is the vertical one.
     */
    double[][] boundary(double lo, double hi, int n) {
        double[] free = Grid.linspace(lo, hi, n);
        double[] other = new double[n];
        for (int i = 0; i < n; i++) {
            // Two hidden units: w1·h1 + w2·h2 + b = 0 solved for h2.
            other[i] = projected() ? boundaryPosition() : -(bias + weights[0] * free[i]) / weights[1];
        }
        return projected() ? new double[][] {other, free} : new double[][] {free, other};
    }

    /** The leading eigenvector of the covariance of the points' components orthogonal to {@code u}. */
    private static double[] spreadOrthogonalTo(double[][] h, double[] u) {
        int k = u.length;
        int n = h.length;
        double[][] r = new double[n][];
        double[] mean = new double[k];
        for (int i = 0; i < n; i++) {
            r[i] = minus(h[i], scale(u, dot(u, h[i])));
            for (int j = 0; j < k; j++) {
                mean[j] += r[i][j] / n;
            }
        }
        double[][] cov = new double[k][k];
        for (double[] ri : r) {
            double[] c = minus(ri, mean);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    cov[a][b] += c[a] * c[b];
                }
            }
        }
        // Start from the coordinate axis least aligned with u, made orthogonal to it: never zero.
        int start = 0;
        for (int j = 1; j < k; j++) {
            start = Math.abs(u[j]) < Math.abs(u[start]) ? j : start;
        }
        double[] v = new double[k];
        v[start] = 1;
        v = unit(minus(v, scale(u, dot(u, v))));
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[k];
            for (int a = 0; a < k; a++) {
                next[a] = dot(cov[a], v);
            }
            next = minus(next, scale(u, dot(u, next)));
            double len = Math.sqrt(dot(next, next));
            if (len < 1e-12) {
                break; // no spread orthogonal to u: any orthogonal direction will do, keep v
            }
            v = scale(next, 1 / len);
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] scale(double[] a, double f) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] * f;
        }
        return r;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    private static double[] unit(double[] a) {
        return scale(a, 1 / Math.sqrt(dot(a, a)));
    }
}
