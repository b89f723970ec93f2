package org.neurite.benchmarks.raw;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;
import org.neurite.core.Mlp;

/**
 * The forward pass written directly against ND4J's libraries, as fast as they honestly go: preallocated
 * {@code 'c'}-order arrays and, per layer, OpenBLAS's {@code cblas_?gemm} straight on the arrays' native
 * memory ({@code Z = X·Wᵀ} into the preallocated output, the call the nd4j backend makes, without
 * {@code Nd4j.gemm}'s per-call op object), then one fused pass over the native memory that adds the bias and
 * applies the activation, with one loop per activation kind (no call per element) on array blocks, as
 * {@link Kernel} says.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class RawNd4jNetwork {

    /** How the products are made and what follows them. */
    public enum Kernel {
        /**
         * ND4J's own API: {@code Nd4j.gemm(X, W, Z, false, true, 1, 0)}, {@code Z.addiRowVector(b)}, then
         * {@code Transforms.relu/sigmoid(Z, false)}: the library used idiomatically (slower in every case).
         */
        GEMM_OPS,
        /** {@code cblas_?gemm} on the native memory, then one fused bias-and-activation loop over it. */
        GEMM_LOOP,
        /** Only the {@code cblas_?gemm} products: the GEMM rate on these shapes (not the same math). */
        GEMM_ONLY
    }

    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;
    /** Values per block of the fused loop: 32 KiB of float64, in cache between the copy and the loop. */
    private static final int BLOCK = 4096;

    private final Kernel kernel;
    private final boolean f64;
    private final int batch;
    private final int[] activation;
    private final int[] in;
    private final int[] out;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] a;
    private final DoubleBuffer[] wd;
    private final FloatBuffer[] wf;
    private final DoubleBuffer[] ad;
    private final FloatBuffer[] af;
    private final DoubleBuffer[] bd;
    private final FloatBuffer[] bf;
    private final INDArray input;
    private final double[] blockD;
    private final float[] blockF;
    private final double[] biasD;
    private final float[] biasF;
    private final DoubleBuffer inputD;
    private final FloatBuffer inputF;

    /** Copies {@code mlp}'s weights and biases; makes the buffers of a {@code batch}-row pass. */
    public RawNd4jNetwork(Mlp mlp, int batch, Kernel kernel) {
        this.kernel = kernel;
        this.f64 = mlp.dtype() == DType.FLOAT64;
        this.batch = batch;
        DataType type = f64 ? DataType.DOUBLE : DataType.FLOAT;
        List<Layer> layers = mlp.layers();
        int n = layers.size();
        activation = new int[n];
        in = new int[n];
        out = new int[n];
        w = new INDArray[n];
        b = new INDArray[n];
        a = new INDArray[n];
        wd = new DoubleBuffer[n];
        wf = new FloatBuffer[n];
        ad = new DoubleBuffer[n];
        af = new FloatBuffer[n];
        bd = new DoubleBuffer[n];
        bf = new FloatBuffer[n];
        for (int i = 0; i < n; i++) {
            Layer layer = layers.get(i);
            Tensor wt = layer.parameters().get("weight");
            Tensor bt = layer.parameters().get("bias");
            activation[i] = RawActivation.code(layer.activation().name());
            out[i] = layer.outputSize();
            in[i] = layer.inputSize();
            double[] wv = new double[out[i] * in[i]];
            wt.copyTo(wv);
            double[] bv = new double[out[i]];
            bt.copyTo(bv);
            w[i] = Nd4j.create(wv, new long[] {out[i], in[i]}, 'c').castTo(type);
            b[i] = Nd4j.create(bv, new long[] {1, out[i]}, 'c').castTo(type);
            a[i] = Nd4j.create(type, new long[] {batch, out[i]}, 'c');
            if (f64) {
                wd[i] = w[i].data().asNioDouble();
                ad[i] = a[i].data().asNioDouble();
                bd[i] = b[i].data().asNioDouble();
            } else {
                wf[i] = w[i].data().asNioFloat();
                af[i] = a[i].data().asNioFloat();
                bf[i] = b[i].data().asNioFloat();
            }
        }
        input = Nd4j.create(type, new long[] {batch, mlp.inputSize()}, 'c');
        int widest = 0;
        for (int o : out) {
            widest = Math.max(widest, o);
        }
        int block = Math.max(BLOCK, widest);
        blockD = f64 ? new double[block] : null;
        blockF = f64 ? null : new float[block];
        biasD = f64 ? new double[widest] : null;
        biasF = f64 ? null : new float[widest];
        inputD = f64 ? input.data().asNioDouble() : null;
        inputF = f64 ? null : input.data().asNioFloat();
    }

    /** Fills the input from row-major values. */
    public void setInput(double[] rowMajor) {
        input.assign(Nd4j.create(rowMajor, input.shape(), 'c').castTo(input.dataType()));
    }

    /** The output of the last pass, row-major, as doubles. */
    public double[] output() {
        return a[a.length - 1].castTo(DataType.DOUBLE).data().asDouble();
    }

    /** One forward pass; returns the output array. */
    public INDArray forward() {
        if (kernel == Kernel.GEMM_OPS) {
            return forwardWithNd4jOps();
        }
        for (int i = 0; i < w.length; i++) {
            // Z (batch, out) = X (batch, in) · Wᵀ, W (out, in) row-major; beta = 0: Z is not read.
            if (f64) {
                DoubleBuffer x = i == 0 ? inputD : ad[i - 1];
                openblas_nolapack.cblas_dgemm(ROW_MAJOR, NO_TRANS, TRANS, batch, out[i], in[i], 1.0, x, in[i], wd[i],
                        in[i], 0.0, ad[i], out[i]);
                if (kernel == Kernel.GEMM_LOOP) {
                    biasAndActivation(ad[i], batch, out[i], bd[i], activation[i]);
                }
            } else {
                FloatBuffer x = i == 0 ? inputF : af[i - 1];
                openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, batch, out[i], in[i], 1f, x, in[i], wf[i],
                        in[i], 0f, af[i], out[i]);
                if (kernel == Kernel.GEMM_LOOP) {
                    biasAndActivation(af[i], batch, out[i], bf[i], activation[i]);
                }
            }
        }
        return a[a.length - 1];
    }

    private INDArray forwardWithNd4jOps() {
        INDArray x = input;
        for (int i = 0; i < w.length; i++) {
            INDArray z = a[i];
            Nd4j.gemm(x, w[i], z, false, true, 1.0, 0.0);
            z.addiRowVector(b[i]);
            if (activation[i] == RawActivation.RELU) {
                Transforms.relu(z, false);
            } else if (activation[i] == RawActivation.SIGMOID) {
                Transforms.sigmoid(z, false);
            }
            x = z;
        }
        return x;
    }

    /**
     * {@code z[r][j] = f(z[r][j] + bias[j])} in one loop per activation kind (no call per element), a block
     * of rows at a time on an array: bulk {@code get}/{@code put} copy the block out of the native memory and
     * back, because the JIT vectorizes loops over arrays and not the element-wise {@code get}/{@code put} of
     * a direct buffer (the nd4j backend does the same).
     */
    private void biasAndActivation(DoubleBuffer z, int rows, int cols, DoubleBuffer bias, int activation) {
        bias.get(0, biasD, 0, cols);
        int blockRows = Math.max(1, BLOCK / cols);
        for (int r = 0; r < rows; r += blockRows) {
            int off = r * cols;
            int n = Math.min(blockRows, rows - r) * cols;
            z.get(off, blockD, 0, n);
            switch (activation) {
                case RawActivation.RELU:
                    for (int i = 0; i < n; i += cols) {
                        for (int j = 0; j < cols; j++) {
                            double v = blockD[i + j] + biasD[j];
                            blockD[i + j] = v > 0 ? v : 0.0;
                        }
                    }
                    break;
                case RawActivation.SIGMOID:
                    for (int i = 0; i < n; i += cols) {
                        for (int j = 0; j < cols; j++) {
                            blockD[i + j] = RawActivation.sigmoid(blockD[i + j] + biasD[j]);
                        }
                    }
                    break;
                default:
                    for (int i = 0; i < n; i += cols) {
                        for (int j = 0; j < cols; j++) {
                            blockD[i + j] += biasD[j];
                        }
                    }
                    break;
            }
            z.put(off, blockD, 0, n);
        }
    }

    /** The float32 twin of {@link #biasAndActivation(DoubleBuffer, int, int, DoubleBuffer, int)}. */
    private void biasAndActivation(FloatBuffer z, int rows, int cols, FloatBuffer bias, int activation) {
        bias.get(0, biasF, 0, cols);
        int blockRows = Math.max(1, BLOCK / cols);
        for (int r = 0; r < rows; r += blockRows) {
            int off = r * cols;
            int n = Math.min(blockRows, rows - r) * cols;
            z.get(off, blockF, 0, n);
            switch (activation) {
                case RawActivation.RELU:
                    for (int i = 0; i < n; i += cols) {
                        for (int j = 0; j < cols; j++) {
                            float v = blockF[i + j] + biasF[j];
                            blockF[i + j] = v > 0 ? v : 0f;
                        }
                    }
                    break;
                case RawActivation.SIGMOID:
                    for (int i = 0; i < n; i += cols) {
                        for (int j = 0; j < cols; j++) {
                            blockF[i + j] = (float) RawActivation.sigmoid(blockF[i + j] + biasF[j]);
                        }
                    }
                    break;
                default:
                    for (int i = 0; i < n; i += cols) {
                        for (int j = 0; j < cols; j++) {
                            blockF[i + j] += biasF[j];
                        }
                    }
                    break;
            }
            z.put(off, blockF, 0, n);
        }
    }
}
