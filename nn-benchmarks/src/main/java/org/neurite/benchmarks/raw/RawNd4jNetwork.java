package org.neurite.benchmarks.raw;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;
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
 * The forward pass written directly against ND4J: preallocated {@code 'c'}-order arrays and, per layer,
 * {@code Nd4j.gemm(X, W, Z, false, true, 1, 0)} (the BLAS call, into the preallocated output; an allocating
 * {@code mmul} is several times slower), then the bias and the activation, as {@link Kernel} says.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class RawNd4jNetwork {

    /** How the bias and activation follow the product. */
    public enum Kernel {
        /** ND4J's own ops: {@code Z.addiRowVector(b)}, then {@code Transforms.relu/sigmoid(Z, false)}. */
        GEMM_OPS,
        /** One fused Java loop over the arrays' native memory (NIO views): bias, then activation. */
        GEMM_LOOP,
        /** Only the products: the GEMM rate ND4J reaches on these shapes (not the same math). */
        GEMM_ONLY
    }

    private final Kernel kernel;
    private final boolean f64;
    private final int[] activation;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] a;
    private final DoubleBuffer[] ad;
    private final FloatBuffer[] af;
    private final DoubleBuffer[] bd;
    private final FloatBuffer[] bf;
    private final INDArray input;

    /** Copies {@code mlp}'s weights and biases; makes the buffers of a {@code batch}-row pass. */
    public RawNd4jNetwork(Mlp mlp, int batch, Kernel kernel) {
        this.kernel = kernel;
        this.f64 = mlp.dtype() == DType.FLOAT64;
        DataType type = f64 ? DataType.DOUBLE : DataType.FLOAT;
        List<Layer> layers = mlp.layers();
        int n = layers.size();
        activation = new int[n];
        w = new INDArray[n];
        b = new INDArray[n];
        a = new INDArray[n];
        ad = new DoubleBuffer[n];
        af = new FloatBuffer[n];
        bd = new DoubleBuffer[n];
        bf = new FloatBuffer[n];
        for (int i = 0; i < n; i++) {
            Layer layer = layers.get(i);
            Tensor wt = layer.parameters().get("weight");
            Tensor bt = layer.parameters().get("bias");
            activation[i] = RawActivation.code(layer.activation().name());
            int out = layer.outputSize();
            int in = layer.inputSize();
            double[] wv = new double[out * in];
            wt.copyTo(wv);
            double[] bv = new double[out];
            bt.copyTo(bv);
            w[i] = Nd4j.create(wv, new long[] {out, in}, 'c').castTo(type);
            b[i] = Nd4j.create(bv, new long[] {1, out}, 'c').castTo(type);
            a[i] = Nd4j.create(type, new long[] {batch, out}, 'c');
            if (f64) {
                ad[i] = a[i].data().asNioDouble();
                bd[i] = b[i].data().asNioDouble();
            } else {
                af[i] = a[i].data().asNioFloat();
                bf[i] = b[i].data().asNioFloat();
            }
        }
        input = Nd4j.create(type, new long[] {batch, mlp.inputSize()}, 'c');
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
        INDArray x = input;
        for (int i = 0; i < w.length; i++) {
            INDArray z = a[i];
            Nd4j.gemm(x, w[i], z, false, true, 1.0, 0.0);
            switch (kernel) {
                case GEMM_OPS:
                    z.addiRowVector(b[i]);
                    if (activation[i] == RawActivation.RELU) {
                        Transforms.relu(z, false);
                    } else if (activation[i] == RawActivation.SIGMOID) {
                        Transforms.sigmoid(z, false);
                    }
                    break;
                case GEMM_LOOP:
                    if (f64) {
                        biasAndActivation(ad[i], (int) z.rows(), (int) z.columns(), bd[i], activation[i]);
                    } else {
                        biasAndActivation(af[i], (int) z.rows(), (int) z.columns(), bf[i], activation[i]);
                    }
                    break;
                default:
                    break;
            }
            x = z;
        }
        return x;
    }

    private static void biasAndActivation(DoubleBuffer z, int rows, int cols, DoubleBuffer bias, int activation) {
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++, k++) {
                double v = z.get(k) + bias.get(j);
                z.put(k, RawActivation.apply(activation, v));
            }
        }
    }

    private static void biasAndActivation(FloatBuffer z, int rows, int cols, FloatBuffer bias, int activation) {
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++, k++) {
                float v = z.get(k) + bias.get(j);
                z.put(k, RawActivation.apply(activation, v));
            }
        }
    }
}
