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
 * has one ({@link ElementwiseKernel}). The backward pass takes each row once: {@code dZ} from the
 * activation's derivative, the bias gradient's sums, {@code dW += dZᵀ·X} and {@code dX = dZ·W}.
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
     * The whole backward pass of a small layer in one pass over the rows: {@code dz = da ⊙ f'(z)} in place
     * in {@code da} (unless {@code kernel} is {@code null}: then {@code da} already holds {@code dz}),
     * {@code gb += Σ_r dz}, {@code gw += dzᵀ·x} and, unless {@code gx} is {@code null}, {@code gx = dz·w}.
     * The values are those of the unfused steps: {@code dz} is {@link ElementwiseKernel#derivative}'s
     * product as the kernel's loop computes it, and the bias sum runs in double over the rows in order from
     * 0, then adds to {@code gb}, as {@code sumRows(dz, 1, gb)} does; {@code sums} holds the running sums
     * ({@code out} values, overwritten).
     */
    static void backward(double[] x, double[] w, double[] z, double[] da, ElementwiseKernel kernel, double[] gx,
                         double[] gw, double[] gb, double[] sums, int rows, int in, int out) {
        java.util.Arrays.fill(sums, 0, out, 0.0);
        for (int r = 0, xi = 0, zi = 0; r < rows; r++, xi += in, zi += out) {
            if (gx != null) {
                java.util.Arrays.fill(gx, xi, xi + in, 0.0);
            }
            for (int j = 0, wj = 0; j < out; j++, wj += in) {
                double d = kernel == null ? da[zi + j] : da[zi + j] * kernel.derivative(z[zi + j]);
                da[zi + j] = d;
                sums[j] += d;
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
        for (int j = 0; j < out; j++) {
            gb[j] = gb[j] + sums[j];
        }
    }

    /**
     * As {@link #backward(double[], double[], double[], double[], ElementwiseKernel, double[], double[],
     * double[], double[], int, int, int)} in float: {@code dz} rounded once from double, as the kernel's
     * loop does, and the bias sums in double.
     */
    static void backward(float[] x, float[] w, float[] z, float[] da, ElementwiseKernel kernel, float[] gx,
                         float[] gw, float[] gb, double[] sums, int rows, int in, int out) {
        java.util.Arrays.fill(sums, 0, out, 0.0);
        for (int r = 0, xi = 0, zi = 0; r < rows; r++, xi += in, zi += out) {
            if (gx != null) {
                java.util.Arrays.fill(gx, xi, xi + in, 0.0f);
            }
            for (int j = 0, wj = 0; j < out; j++, wj += in) {
                float d = kernel == null ? da[zi + j] : (float) (da[zi + j] * kernel.derivative(z[zi + j]));
                da[zi + j] = d;
                sums[j] += d;
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
        for (int j = 0; j < out; j++) {
            gb[j] = (float) (gb[j] + sums[j]);
        }
    }
}
