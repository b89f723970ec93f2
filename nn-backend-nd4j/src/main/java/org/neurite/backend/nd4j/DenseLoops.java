package org.neurite.backend.nd4j;

import org.neurite.api.ElementwiseKernel;

/**
 * The element-wise half of a fused dense layer on ND4J's native memory: the bias and a built-in
 * activation in one pass over the output ({@code z += b; a = f(z)}), and {@code dZ = dA ⊙ f'(z)}, each
 * running {@link ElementwiseKernel}'s own loop for the activation's kind (one inlined static method, no
 * call through an interface per element).
 *
 * <p>The loops run on arrays, a block of rows at a time: each block is copied out of the tensors' NIO
 * views and back with bulk {@code get}/{@code put} (a memory copy), because the JIT vectorizes loops over
 * arrays and not over the element-wise {@code get}/{@code put} of a direct buffer. The blocks are small
 * enough ({@link #BLOCK} values) to stay in cache between the copy and the loop. Each thread keeps its own
 * blocks ({@link Scratch}), grown once to the largest row seen, so a pass allocates nothing in steady state.
 *
 * <p>The values are the unfused path's to the bit: the bias added in the tensor's dtype
 * ({@link NioKernels#addRowVector}), the activation by the same static formulas as the built-in
 * activations ({@link ElementwiseKernel}).
 */
final class DenseLoops {

    /** Values per block: 32 KiB of float64 per scratch array. */
    static final int BLOCK = 4096;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private DenseLoops() {
    }

    /**
     * {@code z += bias} on every row, then {@code a = f(z)}. Callers have checked the shapes: {@code z} and
     * {@code a (rows, cols)}, {@code bias (1, cols)}; {@code a} may be {@code z}.
     */
    static void biasAndActivation(Nd4jTensor z, Nd4jTensor bias, ElementwiseKernel kernel, Nd4jTensor a) {
        int rows = z.rows();
        int cols = z.cols();
        if (rows == 0 || cols == 0) {
            return;
        }
        int blockRows = Math.max(1, BLOCK / cols);
        Scratch s = SCRATCH.get().fit(Math.min(rows, blockRows) * cols, cols, z.d != null);
        if (z.d != null) {
            bias.d.get(0, s.bd, 0, cols);
            for (int r = 0; r < rows; r += blockRows) {
                int off = r * cols;
                int n = Math.min(blockRows, rows - r) * cols;
                z.d.get(off, s.zd, 0, n);
                for (int i = 0; i < n; i += cols) {
                    for (int j = 0; j < cols; j++) {
                        s.zd[i + j] += s.bd[j];
                    }
                }
                kernel.forward(s.zd, 0, n, s.ad, 0);
                z.d.put(off, s.zd, 0, n);
                a.d.put(off, s.ad, 0, n);
            }
        } else {
            bias.f.get(0, s.bf, 0, cols);
            for (int r = 0; r < rows; r += blockRows) {
                int off = r * cols;
                int n = Math.min(blockRows, rows - r) * cols;
                z.f.get(off, s.zf, 0, n);
                for (int i = 0; i < n; i += cols) {
                    for (int j = 0; j < cols; j++) {
                        s.zf[i + j] += s.bf[j];
                    }
                }
                kernel.forward(s.zf, 0, n, s.af, 0);
                z.f.put(off, s.zf, 0, n);
                a.f.put(off, s.af, 0, n);
            }
        }
    }

    /** {@code grad = grad ⊙ f'(z)} in place, for {@code z} and {@code grad} of one shape. */
    static void backward(Nd4jTensor z, ElementwiseKernel kernel, Nd4jTensor grad) {
        int size = z.size();
        Scratch s = SCRATCH.get().fit(Math.min(size, BLOCK), 0, z.d != null);
        for (int off = 0; off < size; off += BLOCK) {
            int n = Math.min(BLOCK, size - off);
            if (z.d != null) {
                z.d.get(off, s.zd, 0, n);
                grad.d.get(off, s.ad, 0, n);
                kernel.backward(s.zd, s.ad, n);
                grad.d.put(off, s.ad, 0, n);
            } else {
                z.f.get(off, s.zf, 0, n);
                grad.f.get(off, s.af, 0, n);
                kernel.backward(s.zf, s.af, n);
                grad.f.put(off, s.af, 0, n);
            }
        }
    }

    /** One thread's blocks: {@code z}, {@code a} (or the gradient) and the bias, per dtype, grown as needed. */
    private static final class Scratch {
        double[] zd = new double[0];
        double[] ad = new double[0];
        double[] bd = new double[0];
        float[] zf = new float[0];
        float[] af = new float[0];
        float[] bf = new float[0];

        Scratch fit(int values, int biasValues, boolean f64) {
            if (f64 && (zd.length < values || bd.length < biasValues)) {
                zd = new double[Math.max(values, zd.length)];
                ad = new double[zd.length];
                bd = new double[Math.max(biasValues, bd.length)];
            } else if (!f64 && (zf.length < values || bf.length < biasValues)) {
                zf = new float[Math.max(values, zf.length)];
                af = new float[zf.length];
                bf = new float[Math.max(biasValues, bf.length)];
            }
            return this;
        }
    }
}
