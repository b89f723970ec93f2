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
 * the loop that runs over them changed. The block's columns are copied back into {@code z}, and the
 * activation then runs over the block's rows of {@code z}, contiguous and still in cache (ReLU as
 * {@link Math#max}, which the JIT vectorizes; the others as the kernel's own loop).
 *
 * <p>The transposed columns live in a {@link Scratch} per thread, allocated when a thread first meets a layer
 * that big and reused after that, so steady-state calls allocate nothing.
 */
final class RowBlockKernels {

    /** Rows per block: vector loops long enough to hide their set-up, and a block stays in L1 (see below). */
    static final int BLOCK_ROWS = 256;
    /** From this many rows a small layer takes the block path; fewer rows go row by row. */
    static final int MIN_ROWS = 16;
    /**
     * The block path takes layers with at most this many inputs and outputs: the inner dimension is small,
     * and the scratch of one thread stays at {@code (64 + 64)·256} values (256 KiB of float64; for the
     * {@code [2, 8, 4, 1]} network at most 20 KiB, in L1).
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
        double[][] xt = scratch.inputs64(in);
        double[][] zt = scratch.outputs64(out);
        for (int r0 = 0; r0 < rows; r0 += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, rows - r0);
            columns(x, r0 * in, in, xt, n);
            for (int j = 0; j < out; j++) {
                output(xt, w, j * in, in, b[j], zt[j], n);
            }
            uncolumns(zt, n, z, r0 * out, out);
            if (kernel != null) {
                activate(kernel, z, a, r0 * out, n * out); // the block's rows of z: contiguous, in cache
            }
        }
    }

    /**
     * As {@link #forward(double[], double[], double[], double[], double[], int, int, int, ElementwiseKernel,
     * Scratch)} in float.
     */
    static void forward(float[] x, float[] w, float[] b, float[] z, float[] a, int rows, int in, int out,
                        ElementwiseKernel kernel, Scratch scratch) {
        float[][] xt = scratch.inputs32(in);
        float[][] zt = scratch.outputs32(out);
        for (int r0 = 0; r0 < rows; r0 += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, rows - r0);
            columns(x, r0 * in, in, xt, n);
            for (int j = 0; j < out; j++) {
                output(xt, w, j * in, in, b[j], zt[j], n);
            }
            uncolumns(zt, n, z, r0 * out, out);
            if (kernel != null) {
                activate(kernel, z, a, r0 * out, n * out, scratch.wide);
            }
        }
    }

    /**
     * One output column of a block, {@code zj[r]} for {@code r < n}: the sum starts at 0 and adds the
     * products in ascending {@code k}, then the bias, as the row path's {@code total} does ({@code 0 + p}
     * rather than {@code p} keeps a {@code -0.0} product's sum at {@code +0.0}, as there; {@code x·w} in that
     * order, as there). Two products per pass over the column, the bias in the last pass; the first pass
     * reads its running sums from a column of zeros, so that one loop serves it and the passes after it.
     * Every column is an array of its own, indexed from 0: with columns at offsets in one array the JIT
     * could not rule out that they overlap and left the loops scalar (4 times slower).
     */
    private static void output(double[][] xt, double[] w, int wj, int in, double bias, double[] zj, int n) {
        double[] acc = xt[xt.length - 1]; // the zeros column Scratch keeps after the inputs
        int k = 0;
        for (; in - k > 2; k += 2, acc = zj) {
            pair(acc, xt[k], w[wj + k], xt[k + 1], w[wj + k + 1], zj, n);
        }
        if (in - k == 2) {
            pairAndBias(acc, xt[k], w[wj + k], xt[k + 1], w[wj + k + 1], bias, zj, n);
        } else {
            oneAndBias(acc, xt[k], w[wj + k], bias, zj, n);
        }
    }

    private static void output(float[][] xt, float[] w, int wj, int in, float bias, float[] zj, int n) {
        float[] acc = xt[xt.length - 1];
        int k = 0;
        for (; in - k > 2; k += 2, acc = zj) {
            pair(acc, xt[k], w[wj + k], xt[k + 1], w[wj + k + 1], zj, n);
        }
        if (in - k == 2) {
            pairAndBias(acc, xt[k], w[wj + k], xt[k + 1], w[wj + k + 1], bias, zj, n);
        } else {
            oneAndBias(acc, xt[k], w[wj + k], bias, zj, n);
        }
    }

    private static void pair(double[] acc, double[] x0, double w0, double[] x1, double w1, double[] z, int n) {
        for (int r = 0; r < n; r++) {
            z[r] = (acc[r] + x0[r] * w0) + x1[r] * w1;
        }
    }

    private static void pair(float[] acc, float[] x0, float w0, float[] x1, float w1, float[] z, int n) {
        for (int r = 0; r < n; r++) {
            z[r] = (acc[r] + x0[r] * w0) + x1[r] * w1;
        }
    }

    private static void pairAndBias(double[] acc, double[] x0, double w0, double[] x1, double w1, double bias,
                                    double[] z, int n) {
        for (int r = 0; r < n; r++) {
            z[r] = ((acc[r] + x0[r] * w0) + x1[r] * w1) + bias;
        }
    }

    private static void pairAndBias(float[] acc, float[] x0, float w0, float[] x1, float w1, float bias,
                                    float[] z, int n) {
        for (int r = 0; r < n; r++) {
            z[r] = ((acc[r] + x0[r] * w0) + x1[r] * w1) + bias;
        }
    }

    private static void oneAndBias(double[] acc, double[] x0, double w0, double bias, double[] z, int n) {
        for (int r = 0; r < n; r++) {
            z[r] = (acc[r] + x0[r] * w0) + bias;
        }
    }

    private static void oneAndBias(float[] acc, float[] x0, float w0, float bias, float[] z, int n) {
        for (int r = 0; r < n; r++) {
            z[r] = (acc[r] + x0[r] * w0) + bias;
        }
    }

    /**
     * {@code a = f(z)} on {@code n} values from {@code off}; {@code a} may be {@code z}. ReLU is written as
     * {@code Math.max(z, 0.0)}, which the JIT vectorizes (the kernel's {@code z <= 0 ? 0 : z} it does not,
     * and its branch mispredicts on mixed signs) and which gives {@link ElementwiseKernel#relu}'s values:
     * {@code +0.0} for every {@code z <= 0} including {@code -0.0}, NaN for NaN (RowBlockKernelsTest).
     */
    static void activate(ElementwiseKernel kernel, double[] z, double[] a, int off, int n) {
        if (kernel.kind() == ElementwiseKernel.Kind.RELU) {
            for (int r = 0; r < n; r++) {
                a[off + r] = Math.max(z[off + r], 0.0);
            }
        } else {
            kernel.forward(z, off, n, a, off);
        }
    }

    /**
     * As {@link #activate(ElementwiseKernel, double[], double[], int, int)} in float. The sigmoid widens the
     * values into {@code wide} first and runs the float64 loop there, then rounds: the same bits as the
     * kernel's float32 loop, which converts each value beside its {@code Math.exp} call and ran 2.5 times as
     * long as the float64 loop on this AVX-512 Xeon (not with {@code -XX:UseAVX=2}: a penalty of mixing
     * the vector code with the exponential's scalar code, measured, not explained further).
     * {@code wide} may be {@code null} (then the kernel's loop runs).
     */
    static void activate(ElementwiseKernel kernel, float[] z, float[] a, int off, int n, double[] wide) {
        if (kernel.kind() == ElementwiseKernel.Kind.RELU) {
            for (int r = 0; r < n; r++) {
                a[off + r] = Math.max(z[off + r], 0.0f);
            }
        } else if (kernel.kind() == ElementwiseKernel.Kind.SIGMOID && wide != null) {
            for (int c = 0; c < n; c += wide.length) {
                int m = Math.min(wide.length, n - c);
                for (int r = 0; r < m; r++) {
                    wide[r] = z[off + c + r];
                }
                for (int r = 0; r < m; r++) {
                    wide[r] = ElementwiseKernel.sigmoid(wide[r]);
                }
                for (int r = 0; r < m; r++) {
                    a[off + c + r] = (float) wide[r];
                }
            }
        } else {
            kernel.forward(z, off, n, a, off);
        }
    }

    /**
     * {@code cols[k][r] = src[from + r·width + k]} for {@code k < width}, {@code r < n}: a row-major block
     * into columns, four columns per pass where it can, so that each pass reads runs of four adjacent values
     * (one column per pass read one value per row: a third slower at eight columns).
     */
    private static void columns(double[] src, int from, int width, double[][] cols, int n) {
        if (width == 1) {
            System.arraycopy(src, from, cols[0], 0, n);
            return;
        }
        int k = 0;
        for (; k + 4 <= width; k += 4) {
            double[] c0 = cols[k];
            double[] c1 = cols[k + 1];
            double[] c2 = cols[k + 2];
            double[] c3 = cols[k + 3];
            for (int r = 0, i = from + k; r < n; r++, i += width) {
                c0[r] = src[i];
                c1[r] = src[i + 1];
                c2[r] = src[i + 2];
                c3[r] = src[i + 3];
            }
        }
        for (; k < width; k++) {
            double[] c = cols[k];
            for (int r = 0, i = from + k; r < n; r++, i += width) {
                c[r] = src[i];
            }
        }
    }

    private static void columns(float[] src, int from, int width, float[][] cols, int n) {
        if (width == 1) {
            System.arraycopy(src, from, cols[0], 0, n);
            return;
        }
        int k = 0;
        for (; k + 4 <= width; k += 4) {
            float[] c0 = cols[k];
            float[] c1 = cols[k + 1];
            float[] c2 = cols[k + 2];
            float[] c3 = cols[k + 3];
            for (int r = 0, i = from + k; r < n; r++, i += width) {
                c0[r] = src[i];
                c1[r] = src[i + 1];
                c2[r] = src[i + 2];
                c3[r] = src[i + 3];
            }
        }
        for (; k < width; k++) {
            float[] c = cols[k];
            for (int r = 0, i = from + k; r < n; r++, i += width) {
                c[r] = src[i];
            }
        }
    }

    /** {@code dst[from + r·width + j] = cols[j][r]}: the inverse of {@link #columns}, four columns per pass. */
    private static void uncolumns(double[][] cols, int n, double[] dst, int from, int width) {
        if (width == 1) {
            System.arraycopy(cols[0], 0, dst, from, n);
            return;
        }
        int j = 0;
        for (; j + 4 <= width; j += 4) {
            double[] c0 = cols[j];
            double[] c1 = cols[j + 1];
            double[] c2 = cols[j + 2];
            double[] c3 = cols[j + 3];
            for (int r = 0, i = from + j; r < n; r++, i += width) {
                dst[i] = c0[r];
                dst[i + 1] = c1[r];
                dst[i + 2] = c2[r];
                dst[i + 3] = c3[r];
            }
        }
        for (; j < width; j++) {
            double[] c = cols[j];
            for (int r = 0, i = from + j; r < n; r++, i += width) {
                dst[i] = c[r];
            }
        }
    }

    private static void uncolumns(float[][] cols, int n, float[] dst, int from, int width) {
        if (width == 1) {
            System.arraycopy(cols[0], 0, dst, from, n);
            return;
        }
        int j = 0;
        for (; j + 4 <= width; j += 4) {
            float[] c0 = cols[j];
            float[] c1 = cols[j + 1];
            float[] c2 = cols[j + 2];
            float[] c3 = cols[j + 3];
            for (int r = 0, i = from + j; r < n; r++, i += width) {
                dst[i] = c0[r];
                dst[i + 1] = c1[r];
                dst[i + 2] = c2[r];
                dst[i + 3] = c3[r];
            }
        }
        for (; j < width; j++) {
            float[] c = cols[j];
            for (int r = 0, i = from + j; r < n; r++, i += width) {
                dst[i] = c[r];
            }
        }
    }

    /**
     * One thread's transposed blocks: a column array per input and per output of the widest layer the thread
     * has run, each {@link #BLOCK_ROWS} long, grown when a wider layer comes and reused after that; never
     * shared between threads. The input columns end with one more, of zeros, that is never written.
     */
    static final class Scratch {
        /** float32 values widened to double, for the sigmoid's loop (see {@link #activate}). */
        private final double[] wide = new double[BLOCK_ROWS];
        private double[][] in64 = new double[1][BLOCK_ROWS];
        private double[][] out64 = new double[0][];
        private float[][] in32 = new float[1][BLOCK_ROWS];
        private float[][] out32 = new float[0][];

        /** At least {@code in} input columns and the zeros column after them, for float64. */
        double[][] inputs64(int in) {
            if (in64.length < in + 1) {
                in64 = new double[in + 1][BLOCK_ROWS];
            }
            return in64;
        }

        /** At least {@code out} output columns, for float64. */
        double[][] outputs64(int out) {
            if (out64.length < out) {
                out64 = new double[out][BLOCK_ROWS];
            }
            return out64;
        }

        /** As {@link #inputs64(int)} for float32. */
        float[][] inputs32(int in) {
            if (in32.length < in + 1) {
                in32 = new float[in + 1][BLOCK_ROWS];
            }
            return in32;
        }

        /** As {@link #outputs64(int)} for float32. */
        float[][] outputs32(int out) {
            if (out32.length < out) {
                out32 = new float[out][BLOCK_ROWS];
            }
            return out32;
        }
    }
}
