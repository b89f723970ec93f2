package org.neurite.backend.ejml;

import org.neurite.api.ElementwiseKernel;

/**
 * A dense layer's forward and backward passes as plain loops over the row-major arrays, for layers whose
 * weights are small ({@link #SMALL_WEIGHTS} values at most): there, EJML's entry checks, dispatch and
 * separate passes for the bias and the activation cost as much as the arithmetic.
 *
 * <p>The forward pass is one pass over the output: each row's pre-activation is computed (the dot
 * products in EJML's {@code multTransB} order, then the bias, so the values are the unfused path's), and
 * the row's activation follows while the row is in cache, as the kernel's own loop when the activation
 * has one ({@link ElementwiseKernel}). The backward pass reads each row of {@code dZ} once for
 * {@code dW += dZᵀ·X} and {@code dX = dZ·W}; the bias gradient is a loop of its own. (Computing {@code dZ}
 * in the same pass, from {@link ElementwiseKernel#derivative} per element, made the {@code xor_b4}
 * training step 5–8% slower in float64 than the kernel's own loop first, so {@code dZ} stays a pass.)
 */
final class DenseKernels {

    /** Weight matrices of at most this many values ({@code out · in}) take these loops: 32 KiB of float64. */
    static final int SMALL_WEIGHTS = 4096;

    private DenseKernels() {
    }

    /**
     * {@code z = x·wᵀ + b} row by row for {@code x (rows, in)} and {@code w (out, in)}, and {@code a = f(z)}
     * for each row as it is done when {@code kernel} is not {@code null}.
     */
    static void forward(double[] x, double[] w, double[] b, double[] z, double[] a, int rows, int in, int out,
                        ElementwiseKernel kernel) {
        for (int r = 0, xi = 0, zi = 0; r < rows; r++, xi += in, zi += out) {
            for (int j = 0, wj = 0; j < out; j++, wj += in) {
                double total = 0;
                for (int t = 0; t < in; t++) {
                    total += x[xi + t] * w[wj + t];
                }
                z[zi + j] = total + b[j];
            }
            if (kernel != null) {
                kernel.forward(z, zi, out, a, zi);
            }
        }
    }

    /** As {@link #forward(double[], double[], double[], double[], double[], int, int, int, ElementwiseKernel)} in float. */
    static void forward(float[] x, float[] w, float[] b, float[] z, float[] a, int rows, int in, int out,
                        ElementwiseKernel kernel) {
        for (int r = 0, xi = 0, zi = 0; r < rows; r++, xi += in, zi += out) {
            for (int j = 0, wj = 0; j < out; j++, wj += in) {
                float total = 0;
                for (int t = 0; t < in; t++) {
                    total += x[xi + t] * w[wj + t];
                }
                z[zi + j] = total + b[j];
            }
            if (kernel != null) {
                kernel.forward(z, zi, out, a, zi);
            }
        }
    }

    /** {@code z += b} on every row, then {@code a = f(z)} for the row while it is in cache. */
    static void biasAndActivation(double[] z, double[] b, double[] a, int rows, int out, ElementwiseKernel kernel) {
        for (int r = 0, zi = 0; r < rows; r++, zi += out) {
            for (int j = 0; j < out; j++) {
                z[zi + j] += b[j];
            }
            if (kernel != null) {
                kernel.forward(z, zi, out, a, zi);
            }
        }
    }

    /** As {@link #biasAndActivation(double[], double[], double[], int, int, ElementwiseKernel)} in float. */
    static void biasAndActivation(float[] z, float[] b, float[] a, int rows, int out, ElementwiseKernel kernel) {
        for (int r = 0, zi = 0; r < rows; r++, zi += out) {
            for (int j = 0; j < out; j++) {
                z[zi + j] += b[j];
            }
            if (kernel != null) {
                kernel.forward(z, zi, out, a, zi);
            }
        }
    }

    /**
     * {@code out[j] = beta·out[j] + Σ_r x[r][j]} for {@code x (rows, cols)}: each column summed in double
     * over the rows in order from 0, so a float32 sum over a large batch keeps its accuracy. With
     * {@code beta = 0} the old {@code out} is not read (a stale NaN there does not survive). The backend's
     * {@code sumRows} and the bias gradient of {@code denseBackward} ({@code beta = 1}).
     */
    static void sumRows(double[] x, int rows, int cols, double beta, double[] out) {
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = j, r = 0; r < rows; r++, i += cols) {
                sum += x[i];
            }
            out[j] = beta == 0 ? sum : beta * out[j] + sum;
        }
    }

    /** As {@link #sumRows(double[], int, int, double, double[])} in float: summed in double, rounded once. */
    static void sumRows(float[] x, int rows, int cols, double beta, float[] out) {
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = j, r = 0; r < rows; r++, i += cols) {
                sum += x[i];
            }
            out[j] = (float) (beta == 0 ? sum : beta * out[j] + sum);
        }
    }

    /**
     * {@code gw += dzᵀ·x} and, unless {@code gx} is {@code null}, {@code gx = dz·w}, reading each row of
     * {@code dz (rows, out)} once.
     */
    static void backward(double[] x, double[] w, double[] dz, double[] gx, double[] gw, int rows, int in, int out) {
        for (int r = 0, xi = 0, zi = 0; r < rows; r++, xi += in, zi += out) {
            if (gx != null) {
                java.util.Arrays.fill(gx, xi, xi + in, 0.0);
            }
            for (int j = 0, wj = 0; j < out; j++, wj += in) {
                double d = dz[zi + j];
                for (int t = 0; t < in; t++) {
                    gw[wj + t] += d * x[xi + t];
                }
                if (gx != null) {
                    for (int t = 0; t < in; t++) {
                        gx[xi + t] += d * w[wj + t];
                    }
                }
            }
        }
    }

    /** As {@link #backward(double[], double[], double[], double[], double[], int, int, int)} in float. */
    static void backward(float[] x, float[] w, float[] dz, float[] gx, float[] gw, int rows, int in, int out) {
        for (int r = 0, xi = 0, zi = 0; r < rows; r++, xi += in, zi += out) {
            if (gx != null) {
                java.util.Arrays.fill(gx, xi, xi + in, 0.0f);
            }
            for (int j = 0, wj = 0; j < out; j++, wj += in) {
                float d = dz[zi + j];
                for (int t = 0; t < in; t++) {
                    gw[wj + t] += d * x[xi + t];
                }
                if (gx != null) {
                    for (int t = 0; t < in; t++) {
                        gx[xi + t] += d * w[wj + t];
                    }
                }
            }
        }
    }
}
