package org.neurite.core.data;

import java.util.Random;
import org.neurite.api.Stability;

/**
 * Small generated classification sets with two features ({@code x1}, {@code x2}), for trying models out.
 *
 * <p>Every generator takes a seed and draws from one {@code java.util.Random(seed)}, so a seed gives the
 * same points on every JDK; the draws are not numpy's, so the points equal scikit-learn's only without
 * noise. The recipes follow scikit-learn 1.2 ({@code make_moons}, {@code make_circles}) and CS231n's spiral,
 * with {@code linspace(a, b, m)} numpy's: {@code a + i·(b - a)/(m - 1)} for {@code i = 0..m-1} (the last
 * exactly {@code b}; just {@code a} when {@code m = 1}). Rows come class by class, unshuffled (scikit-learn's
 * {@code shuffle=False}); {@link Dataset#split(double, long)} shuffles.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Datasets {

    private Datasets() {
    }

    /** The four XOR points {@code {0,0}, {0,1}, {1,0}, {1,1}} with labels {@code 0, 1, 1, 0}. */
    public static Dataset xor() {
        return Dataset.classification(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 1, 1, 0});
    }

    /**
     * Two interleaving half circles, as scikit-learn's {@code make_moons(n, shuffle=False, noise=noise)}.
     *
     * <p>The first {@code n/2} rows (rounded down) are the outer moon, class 0:
     * {@code (cos t, sin t)} for {@code t = linspace(0, π, n/2)}; the other {@code n - n/2} the inner moon,
     * class 1: {@code (1 - cos t, 1 - sin t - 0.5)} for {@code t = linspace(0, π, n - n/2)}. Then, row by row,
     * {@code x1 += noise·g} and {@code x2 += noise·g}, each {@code g} the next {@code nextGaussian()}.
     *
     * @param n the number of points, at least 2
     * @param noise the standard deviation of the Gaussian noise, finite and {@code >= 0}
     * @param seed the seed of the noise
     * @throws IllegalArgumentException if {@code n < 2} or the noise is negative or not finite
     */
    public static Dataset twoMoons(int n, double noise, long seed) {
        requireAtLeast("n", n, 2);
        requireNoise(noise);
        int nOut = n / 2;
        int nIn = n - nOut;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < nOut; i++) {
            double t = linspace(0, Math.PI, nOut, i);
            x[i] = new double[] {Math.cos(t), Math.sin(t)};
        }
        for (int i = 0; i < nIn; i++) {
            double t = linspace(0, Math.PI, nIn, i);
            x[nOut + i] = new double[] {1 - Math.cos(t), 1 - Math.sin(t) - 0.5};
            y[nOut + i] = 1;
        }
        addNoise(x, noise, new Random(seed));
        return Dataset.classification(x, y);
    }

    /**
     * A small circle inside a large one, as scikit-learn's
     * {@code make_circles(n, shuffle=False, noise=noise, factor=factor)}.
     *
     * <p>The first {@code n/2} rows (rounded down) are the outer circle, class 0: {@code (cos t, sin t)} for
     * {@code t = 2π·i/(n/2)}, {@code i = 0..n/2-1} (numpy's {@code linspace(0, 2π, m, endpoint=False)}); the
     * other {@code m = n - n/2} the inner circle, class 1: {@code (factor·cos t, factor·sin t)} for
     * {@code t = 2π·i/m}. Then the noise as in {@link #twoMoons}.
     *
     * @param n the number of points, at least 2
     * @param noise the standard deviation of the Gaussian noise, finite and {@code >= 0}
     * @param factor the inner radius over the outer one, in {@code [0, 1)}
     * @param seed the seed of the noise
     * @throws IllegalArgumentException if an argument is out of its range
     */
    public static Dataset circles(int n, double noise, double factor, long seed) {
        requireAtLeast("n", n, 2);
        requireNoise(noise);
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("factor: expected a number in [0, 1), got " + factor);
        }
        int nOut = n / 2;
        int nIn = n - nOut;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < nOut; i++) {
            double t = 2 * Math.PI * i / nOut;
            x[i] = new double[] {Math.cos(t), Math.sin(t)};
        }
        for (int i = 0; i < nIn; i++) {
            double t = 2 * Math.PI * i / nIn;
            x[nOut + i] = new double[] {factor * Math.cos(t), factor * Math.sin(t)};
            y[nOut + i] = 1;
        }
        addNoise(x, noise, new Random(seed));
        return Dataset.classification(x, y);
    }

    /**
     * The classic CS231n spiral: {@code classes} arms of {@code nPerClass} points each.
     *
     * <p>For class {@code k = 0..classes-1} in turn, and {@code i = 0..nPerClass-1}:
     * {@code r = linspace(0, 1, nPerClass)[i]}, {@code t = linspace(4k, 4(k+1), nPerClass)[i] + noise·g}
     * with {@code g} the next {@code nextGaussian()}, and the point is {@code (r·sin t, r·cos t)}, class
     * {@code k}. The noise bends the angle, so every point stays at its radius.
     *
     * @param nPerClass points per class, at least 1
     * @param classes the number of arms, at least 1
     * @param noise the standard deviation of the angle's noise, finite and {@code >= 0} (CS231n uses 0.2)
     * @param seed the seed of the noise
     * @throws IllegalArgumentException if an argument is out of its range
     */
    public static Dataset spirals(int nPerClass, int classes, double noise, long seed) {
        requireAtLeast("nPerClass", nPerClass, 1);
        requireAtLeast("classes", classes, 1);
        requireNoise(noise);
        Random random = new Random(seed);
        int n = Math.multiplyExact(nPerClass, classes);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < nPerClass; i++) {
                double r = linspace(0, 1, nPerClass, i);
                double t = linspace(4.0 * k, 4.0 * (k + 1), nPerClass, i) + noise * random.nextGaussian();
                int row = k * nPerClass + i;
                x[row] = new double[] {r * Math.sin(t), r * Math.cos(t)};
                y[row] = k;
            }
        }
        return Dataset.classification(x, y);
    }

    /** The {@code i}-th of {@code m} values of numpy's {@code linspace(a, b, m)}. */
    private static double linspace(double a, double b, int m, int i) {
        if (m == 1) {
            return a;
        }
        return i == m - 1 ? b : a + i * ((b - a) / (m - 1));
    }

    private static void addNoise(double[][] x, double noise, Random random) {
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] += noise * random.nextGaussian();
            }
        }
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": expected at least " + min + ", got " + value);
        }
    }

    private static void requireNoise(double noise) {
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("noise: expected a finite number >= 0, got " + noise);
        }
    }
}
