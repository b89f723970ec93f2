package org.neurite.benchmarks.raw;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;
import org.neurite.core.Mlp;

/**
 * The forward pass written directly against EJML, as an EJML user would write it by hand: preallocated
 * matrices, one EJML product per layer, then one fused loop that adds the bias and applies the activation.
 * This is the baseline the framework is measured against: the same weights, the same math.
 *
 * <p>{@link Kernel} chooses the EJML product: {@code X·Wᵀ} on weights stored {@code (out, in)} as Neurite
 * stores them ({@code multTransB}), or {@code X·W} on weights stored transposed {@code (in, out)}
 * ({@code mult}), each single-threaded ({@code CommonOps_*}) or multi-threaded ({@code CommonOps_MT_*}).
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class RawEjmlNetwork {

    /** Which EJML product computes {@code X·Wᵀ}. */
    public enum Kernel {
        /** {@code CommonOps.multTransB(X, W, Z)}, W {@code (out, in)}. */
        TRANS_B,
        /** {@code CommonOps_MT.multTransB(X, W, Z)}, W {@code (out, in)}. */
        TRANS_B_MT,
        /** {@code CommonOps.mult(X, Wt, Z)}, Wt {@code (in, out)}. */
        MULT,
        /** {@code CommonOps_MT.mult(X, Wt, Z)}, Wt {@code (in, out)}. */
        MULT_MT
    }

    private final Kernel kernel;
    private final int[] activation;
    private final DMatrixRMaj[] wd;
    private final DMatrixRMaj[] bd;
    private final DMatrixRMaj[] ad;
    private final FMatrixRMaj[] wf;
    private final FMatrixRMaj[] bf;
    private final FMatrixRMaj[] af;
    /** The input, {@code (batch, in)}; fill it before {@link #forward()}. */
    public final DMatrixRMaj inputD;
    /** The input, {@code (batch, in)}, for float32. */
    public final FMatrixRMaj inputF;

    /** Copies {@code mlp}'s weights and biases; makes the buffers of a {@code batch}-row pass. */
    public RawEjmlNetwork(Mlp mlp, int batch, Kernel kernel) {
        this.kernel = kernel;
        List<Layer> layers = mlp.layers();
        int n = layers.size();
        boolean f64 = mlp.dtype() == DType.FLOAT64;
        activation = new int[n];
        wd = new DMatrixRMaj[n];
        bd = new DMatrixRMaj[n];
        ad = new DMatrixRMaj[n];
        wf = new FMatrixRMaj[n];
        bf = new FMatrixRMaj[n];
        af = new FMatrixRMaj[n];
        boolean transposed = kernel == Kernel.MULT || kernel == Kernel.MULT_MT;
        for (int i = 0; i < n; i++) {
            Layer layer = layers.get(i);
            Tensor w = layer.parameters().get("weight");
            Tensor b = layer.parameters().get("bias");
            activation[i] = RawActivation.code(layer.activation().name());
            int out = layer.outputSize();
            int in = layer.inputSize();
            double[] wv = new double[out * in];
            w.copyTo(wv);
            double[] bv = new double[out];
            b.copyTo(bv);
            DMatrixRMaj wm = new DMatrixRMaj(out, in, true, wv);
            if (transposed) {
                wm = CommonOps_DDRM.transpose(wm, null);
            }
            if (f64) {
                wd[i] = wm;
                bd[i] = new DMatrixRMaj(1, out, true, bv);
                ad[i] = new DMatrixRMaj(batch, out);
            } else {
                wf[i] = toFloat(wm);
                bf[i] = toFloat(new DMatrixRMaj(1, out, true, bv));
                af[i] = new FMatrixRMaj(batch, out);
            }
        }
        inputD = f64 ? new DMatrixRMaj(batch, mlp.inputSize()) : null;
        inputF = f64 ? null : new FMatrixRMaj(batch, mlp.inputSize());
    }

    /** Fills the input from row-major values. */
    public void setInput(double[] rowMajor) {
        if (inputD != null) {
            System.arraycopy(rowMajor, 0, inputD.data, 0, rowMajor.length);
        } else {
            for (int i = 0; i < rowMajor.length; i++) {
                inputF.data[i] = (float) rowMajor[i];
            }
        }
    }

    /** The output of the last pass, row-major, as doubles. */
    public double[] output() {
        if (inputD != null) {
            return ad[ad.length - 1].data.clone();
        }
        float[] f = af[af.length - 1].data;
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** One forward pass; returns the output matrix. */
    public Object forward() {
        return inputD != null ? forward64() : forward32();
    }

    private DMatrixRMaj forward64() {
        DMatrixRMaj x = inputD;
        for (int i = 0; i < wd.length; i++) {
            DMatrixRMaj a = ad[i];
            switch (kernel) {
                case TRANS_B: CommonOps_DDRM.multTransB(x, wd[i], a); break;
                case TRANS_B_MT: CommonOps_MT_DDRM.multTransB(x, wd[i], a); break;
                case MULT: CommonOps_DDRM.mult(x, wd[i], a); break;
                default: CommonOps_MT_DDRM.mult(x, wd[i], a); break;
            }
            biasAndActivation(a.data, a.numRows, a.numCols, bd[i].data, activation[i]);
            x = a;
        }
        return x;
    }

    private FMatrixRMaj forward32() {
        FMatrixRMaj x = inputF;
        for (int i = 0; i < wf.length; i++) {
            FMatrixRMaj a = af[i];
            switch (kernel) {
                case TRANS_B: CommonOps_FDRM.multTransB(x, wf[i], a); break;
                case TRANS_B_MT: CommonOps_MT_FDRM.multTransB(x, wf[i], a); break;
                case MULT: CommonOps_FDRM.mult(x, wf[i], a); break;
                default: CommonOps_MT_FDRM.mult(x, wf[i], a); break;
            }
            biasAndActivation(a.data, a.numRows, a.numCols, bf[i].data, activation[i]);
            x = a;
        }
        return x;
    }

    private static void biasAndActivation(double[] z, int rows, int cols, double[] bias, int activation) {
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++, k++) {
                double v = z[k] + bias[j];
                z[k] = RawActivation.apply(activation, v);
            }
        }
    }

    private static void biasAndActivation(float[] z, int rows, int cols, float[] bias, int activation) {
        for (int r = 0, k = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++, k++) {
                float v = z[k] + bias[j];
                z[k] = RawActivation.apply(activation, v);
            }
        }
    }

    private static FMatrixRMaj toFloat(DMatrixRMaj m) {
        FMatrixRMaj f = new FMatrixRMaj(m.numRows, m.numCols);
        for (int i = 0; i < m.data.length; i++) {
            f.data[i] = (float) m.data[i];
        }
        return f;
    }
}
