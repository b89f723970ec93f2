package org.neurite.backend.ejml;

import org.neurite.api.ElementwiseKernel;

/**
 * A small dense layer's forward pass on a batch, a block of rows at a time in a transposed
 * (structure-of-arrays) layout, so that the innermost loop runs over rows and the JIT's superword pass
 * vectorizes it.
 *
 * <p>Row by row ({@link DenseKernels#forward}) each output is a dot product of length {@code in}: a
 * floating-point sum that must keep its order, so it runs one scalar add after another, and for the
 * {@code [2, 8, 4, 1]} network that is a loop of two. Here a block of {@code x}'s rows is copied
 * transposed, {@code xt[k][r]}, and each output column of the block is built as
 * {@code zt[j][r] = ((0 + w[j][0]·xt[0][r]) + w[j][1]·xt[1][r] + …) + b[j]} for all {@code r} at once: every
 * element's sum is the row path's, term for term in the same order, so the values are the same bits; only
 * the loop that runs over them changed. The activation then runs over the block's contiguous columns
 * (ReLU as {@link Math#max}, which the JIT vectorizes; the others as the kernel's own loop) and the block is
 * copied back row-major into {@code z} and {@code a}.
 *
 * <p>The transposed blocks live in a {@link Scratch} per thread, allocated when a thread first meets a layer
 * that big and reused after that, so steady-state calls allocate nothing.
 */
final class RowBlockKernels {

    /** Rows per block: long enough vector loops, and a block of the largest layer stays in L2 (see below). */
    static final int BLOCK_ROWS = 256;
    /** From this many rows a small layer takes the block path; fewer rows go row by row. */
    static final int MIN_ROWS = 16;
    /**
     * The block path takes layers with at most this many inputs and outputs: the inner dimension is small,
     * and the scratch of one thread stays at {@code (64 + 2·64)·256} values (384 KiB of float64).
     */
    static final int MAX_WIDTH = 64;

    private RowBlockKernels() {
    }

    /** Whether a layer of {@code in} inputs and {@code out} outputs on {@code rows} rows runs here. */
    static boolean applies(int rows, int in, int out) {
        return rows >= MIN_ROWS && in <= MAX_WIDTH && out <= MAX_WIDTH;
    }

    /**
     * {@code z = x·wᵀ + b} and, when {@code kernel} is not {@code null}, {@code a = f(z)}, for
     * {@code x (rows, in)}, {@code w (out, in)}; {@code a} may be {@code z}. The same values as
     * {@link DenseKernels#forward(double[], double[], double[], double[], double[], int, int, int,
     * ElementwiseKernel)}.
     */
    static void forward(double[] x, double[] w, double[] b, double[] z, double[] a, int rows, int in, int out,
                        ElementwiseKernel kernel, Scratch scratch) {
        scratch.reserve64(in, out);
        double[] xt = scratch.xt64;
        double[] zt = scratch.zt64;
        double[] at = scratch.at64;
        for (int r0 = 0; r0 < rows; r0 += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, rows - r0);
            transposeIn(x, r0, n, in, xt);
            for (int j = 0; j < out; j++) {
                column(xt, w, j * in, in, b[j], zt, j * BLOCK_ROWS, n);
                if (kernel != null) {
                    activate(kernel, zt, at, j * BLOCK_ROWS, n);
                }
            }
            transposeOut(zt, r0, n, out, z);
            if (kernel != null) {
                transposeOut(at, r0, n, out, a);
            }
        }
    }

    /** As {@link #forward(double[], double[], double[], double[], double[], int, int, int, ElementwiseKernel, Scratch)} in float. */
    static void forward(float[] x, float[] w, float[] b, float[] z, float[] a, int rows, int in, int out,
                        ElementwiseKernel kernel, Scratch scratch) {
        scratch.reserve32(in, out);
        float[] xt = scratch.xt32;
        float[] zt = scratch.zt32;
        float[] at = scratch.at32;
        for (int r0 = 0; r0 < rows; r0 += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, rows - r0);
            transposeIn(x, r0, n, in, xt);
            for (int j = 0; j < out; j++) {
                column(xt, w, j * in, in, b[j], zt, j * BLOCK_ROWS, n);
                if (kernel != null) {
                    activate(kernel, zt, at, j * BLOCK_ROWS, n);
                }
            }
            transposeOut(zt, r0, n, out, z);
            if (kernel != null) {
                transposeOut(at, r0, n, out, a);
            }
        }
    }

    /**
     * One output column of a block, {@code zt[zo + r]} for {@code r < n}: the sum starts at 0 and adds the
     * products in ascending {@code k}, then the bias, as the row path's {@code total} does ({@code 0 + p}
     * rather than {@code p} keeps a {@code -0.0} product's sum at {@code +0.0}, as there).
     */
    private static void column(double[] xt, double[] w, int wj, int in, double bias, double[] zt, int zo, int n) {
        double w0 = w[wj];
        for (int r = 0; r < n; r++) {
            zt[zo + r] = 0.0 + xt[r] * w0;
        }
        for (int k = 1; k < in; k++) {
            double wk = w[wj + k];
            int xk = k * BLOCK_ROWS;
            for (int r = 0; r < n; r++) {
                zt[zo + r] += xt[xk + r] * wk;
            }
        }
        for (int r = 0; r < n; r++) {
            zt[zo + r] += bias;
        }
    }

    private static void column(float[] xt, float[] w, int wj, int in, float bias, float[] zt, int zo, int n) {
        float w0 = w[wj];
        for (int r = 0; r < n; r++) {
            zt[zo + r] = 0.0f + xt[r] * w0;
        }
        for (int k = 1; k < in; k++) {
            float wk = w[wj + k];
            int xk = k * BLOCK_ROWS;
            for (int r = 0; r < n; r++) {
                zt[zo + r] += xt[xk + r] * wk;
            }
        }
        for (int r = 0; r < n; r++) {
            zt[zo + r] += bias;
        }
    }

    /**
     * {@code at = f(zt)} on one column. ReLU is written as {@code Math.max(z, 0.0)}, which the JIT
     * vectorizes and which gives {@link ElementwiseKernel#relu}'s bits: {@code +0.0} for every
     * {@code z <= 0} including {@code -0.0}, NaN for NaN (RowBlockKernelsTest checks these).
     */
    static void activate(ElementwiseKernel kernel, double[] zt, double[] at, int off, int n) {
        if (kernel.kind() == ElementwiseKernel.Kind.RELU) {
            for (int r = 0; r < n; r++) {
                at[off + r] = Math.max(zt[off + r], 0.0);
            }
        } else {
            kernel.forward(zt, off, n, at, off);
        }
    }

    static void activate(ElementwiseKernel kernel, float[] zt, float[] at, int off, int n) {
        if (kernel.kind() == ElementwiseKernel.Kind.RELU) {
            for (int r = 0; r < n; r++) {
                at[off + r] = Math.max(zt[off + r], 0.0f);
            }
        } else {
            kernel.forward(zt, off, n, at, off);
        }
    }

    /** {@code xt[k][r] = x[r0 + r][k]}; one input column is already contiguous. */
    private static void transposeIn(double[] x, int r0, int n, int in, double[] xt) {
        if (in == 1) {
            System.arraycopy(x, r0, xt, 0, n);
            return;
        }
        for (int r = 0, xi = r0 * in; r < n; r++, xi += in) {
            for (int k = 0, t = r; k < in; k++, t += BLOCK_ROWS) {
                xt[t] = x[xi + k];
            }
        }
    }

    private static void transposeIn(float[] x, int r0, int n, int in, float[] xt) {
        if (in == 1) {
            System.arraycopy(x, r0, xt, 0, n);
            return;
        }
        for (int r = 0, xi = r0 * in; r < n; r++, xi += in) {
            for (int k = 0, t = r; k < in; k++, t += BLOCK_ROWS) {
                xt[t] = x[xi + k];
            }
        }
    }

    /** {@code dst[r0 + r][j] = src[j][r]}; one output column is already contiguous. */
    private static void transposeOut(double[] src, int r0, int n, int out, double[] dst) {
        if (out == 1) {
            System.arraycopy(src, 0, dst, r0, n);
            return;
        }
        for (int r = 0, di = r0 * out; r < n; r++, di += out) {
            for (int j = 0, s = r; j < out; j++, s += BLOCK_ROWS) {
                dst[di + j] = src[s];
            }
        }
    }

    private static void transposeOut(float[] src, int r0, int n, int out, float[] dst) {
        if (out == 1) {
            System.arraycopy(src, 0, dst, r0, n);
            return;
        }
        for (int r = 0, di = r0 * out; r < n; r++, di += out) {
            for (int j = 0, s = r; j < out; j++, s += BLOCK_ROWS) {
                dst[di + j] = src[s];
            }
        }
    }

    /**
     * One thread's transposed blocks of {@code x}, {@code z} and {@code a}, grown to the widest layer the
     * thread has run and then reused; never shared between threads.
     */
    static final class Scratch {
        private int inputs64;
        private int outputs64;
        private int inputs32;
        private int outputs32;
        private double[] xt64 = new double[0];
        private double[] zt64 = new double[0];
        private double[] at64 = new double[0];
        private float[] xt32 = new float[0];
        private float[] zt32 = new float[0];
        private float[] at32 = new float[0];

        /** Makes room for a float64 block of a layer of {@code in} inputs and {@code out} outputs. */
        void reserve64(int in, int out) {
            if (in > inputs64) {
                inputs64 = in;
                xt64 = new double[in * BLOCK_ROWS];
            }
            if (out > outputs64) {
                outputs64 = out;
                zt64 = new double[out * BLOCK_ROWS];
                at64 = new double[out * BLOCK_ROWS];
            }
        }

        /** As {@link #reserve64(int, int)} for float32. */
        void reserve32(int in, int out) {
            if (in > inputs32) {
                inputs32 = in;
                xt32 = new float[in * BLOCK_ROWS];
            }
            if (out > outputs32) {
                outputs32 = out;
                zt32 = new float[out * BLOCK_ROWS];
                at32 = new float[out * BLOCK_ROWS];
            }
        }
    }
}
