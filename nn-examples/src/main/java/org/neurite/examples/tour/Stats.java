package org.neurite.examples.tour;

/** The few statistics the tutorial prints with numpy ({@code mean}, {@code std}, {@code min}, ...). */
final class Stats {

    private Stats() {
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The population standard deviation, numpy's default {@code std()} ({@code ddof=0}). */
    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    static double min(double[][] field) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : field) {
            m = Math.min(m, min(row));
        }
        return m;
    }

    static double max(double[][] field) {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] row : field) {
            m = Math.max(m, max(row));
        }
        return m;
    }

    /** The fraction of values exactly equal to 0, numpy's {@code (a == 0).mean()}. */
    static double fractionZero(double[] v) {
        int n = 0;
        for (double x : v) {
            if (x == 0.0) {
                n++;
            }
        }
        return n / (double) v.length;
    }

    /** {@code n} standard normal samples, numpy's {@code randn(n)} in Java: {@link java.util.Random#nextGaussian()}. */
    static double[] randn(java.util.Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    /** A {@code rows × cols} matrix of standard normal samples, filled row-major as numpy's {@code randn(rows, cols)}. */
    static double[][] randn(java.util.Random random, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = randn(random, cols);
        }
        return m;
    }
}
