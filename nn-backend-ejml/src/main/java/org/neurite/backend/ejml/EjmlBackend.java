package org.neurite.backend.ejml;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.neurite.api.Activation;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.ElementwiseKernel;
import org.neurite.api.Tensor;
import org.neurite.api.support.Operands;
import org.neurite.api.support.RowScratch;

/**
 * The EJML backend. Matrix products go to EJML ({@link Kernels} picks the kernel: single- or
 * multi-threaded, and for the dense layer's {@code X·Wᵀ} on a batch, EJML's cache-friendly {@code mult} on
 * a per-thread transposed copy of {@code W}); element-wise work runs as plain loops over the row-major
 * arrays. Thread-safe: it holds no mutable state but per-thread scratch buffers.
 */
final class EjmlBackend implements Backend {

    private static final String[] A_B_OUT = {"a", "b", "out"};
    private static final String[] X_OUT = {"x", "out"};
    private static final String[] X_ROW_OUT = {"x", "row", "out"};
    private static final String[] SRC_DST = {"src", "dst"};

    /**
     * Products of at least this many multiply-adds ({@code m·n·k}) run on EJML's multi-threaded
     * {@code CommonOps_MT_*}; smaller ones on the single-threaded {@code CommonOps_*}. See {@link Kernels}.
     */
    private final long parallelMinWork;
    /** Per-thread buffers for transposed weights (see {@link Kernels}): never shared between threads. */
    private final ThreadLocal<DMatrixRMaj> scratch64 = ThreadLocal.withInitial(() -> new DMatrixRMaj(1, 1));
    private final ThreadLocal<FMatrixRMaj> scratch32 = ThreadLocal.withInitial(() -> new FMatrixRMaj(1, 1));
    /** Per-thread transposed row blocks for {@link RowBlockKernels}: never shared between threads. */
    private final ThreadLocal<RowBlockKernels.Scratch> blocks = ThreadLocal.withInitial(RowBlockKernels.Scratch::new);

    EjmlBackend(long parallelMinWork) {
        this.parallelMinWork = parallelMinWork;
    }

    @Override
    public String name() {
        return EjmlBackendProvider.NAME;
    }

    @Override
    public Tensor zeros(DType dtype, int rows, int cols) {
        return new EjmlTensor(this, dtype, Operands.zeros(dtype, rows, cols));
    }

    @Override
    public void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        DType dtype = Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.matmul(a, transposeA, b, transposeB, out);
        EjmlTensor x = (EjmlTensor) a;
        EjmlTensor y = (EjmlTensor) b;
        EjmlTensor o = (EjmlTensor) out;
        int m = out.rows();
        int n = out.cols();
        int k = transposeA ? a.rows() : a.cols();
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            zero(o); // an empty inner dimension gives zeros; EJML's kernels expect non-empty operands
            return;
        }
        boolean parallel = (long) m * n * k >= parallelMinWork;
        if (dtype == DType.FLOAT64) {
            Kernels.multiply(x.d, transposeA, y.d, transposeB, o.d, parallel, scratch64);
        } else {
            Kernels.multiply(x.f, transposeA, y.f, transposeB, o.f, parallel, scratch32);
        }
    }

    @Override
    public void gemm(double alpha, Tensor a, boolean transposeA, Tensor b, boolean transposeB, double beta,
                     Tensor out) {
        if (beta == 0) {
            Backend.super.gemm(alpha, a, transposeA, b, transposeB, beta, out); // matmul, then scale: no temporary
            return;
        }
        DType dtype = Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.matmul(a, transposeA, b, transposeB, out);
        EjmlTensor o = (EjmlTensor) out;
        int m = out.rows();
        int n = out.cols();
        int k = transposeA ? a.rows() : a.cols();
        if (beta != 1) {
            scale(out, beta, out);
        }
        if (m == 0 || n == 0 || k == 0) {
            return; // an empty product adds nothing
        }
        boolean parallel = (long) m * n * k >= parallelMinWork;
        if (dtype == DType.FLOAT64) {
            Kernels.multiplyAdd(alpha, ((EjmlTensor) a).d, transposeA, ((EjmlTensor) b).d, transposeB, o.d, parallel);
        } else {
            Kernels.multiplyAdd((float) alpha, ((EjmlTensor) a).f, transposeA, ((EjmlTensor) b).f, transposeB, o.f,
                    parallel);
        }
    }

    /**
     * One pass over the output: small layers ({@link DenseKernels#SMALL_WEIGHTS}) on a batch of narrow rows
     * in transposed blocks ({@link RowBlockKernels}), other small ones row by row ({@link DenseKernels}),
     * larger ones as EJML's product then the bias and the activation row by row; an
     * activation without a {@link Activation#kernel() kernel} runs once over the whole output afterwards.
     */
    @Override
    public void denseForward(Tensor x, Tensor w, Tensor bias, Activation f, Tensor z, Tensor a) {
        DType dtype = Operands.dense(this, x, w, bias, z, a);
        EjmlTensor in = (EjmlTensor) x;
        EjmlTensor wt = (EjmlTensor) w;
        EjmlTensor b = (EjmlTensor) bias;
        EjmlTensor zt = (EjmlTensor) z;
        EjmlTensor at = (EjmlTensor) a;
        int rows = x.rows();
        int inputs = x.cols();
        int outputs = w.rows();
        ElementwiseKernel kernel = f.kernel().orElse(null);
        boolean small = (long) inputs * outputs <= DenseKernels.SMALL_WEIGHTS;
        boolean blocked = small && RowBlockKernels.applies(rows, inputs, outputs);
        if (blocked && dtype == DType.FLOAT64) {
            RowBlockKernels.forward(in.d.data, wt.d.data, b.d.data, zt.d.data, at.d.data, rows, inputs, outputs,
                    kernel, blocks.get());
        } else if (blocked) {
            RowBlockKernels.forward(in.f.data, wt.f.data, b.f.data, zt.f.data, at.f.data, rows, inputs, outputs,
                    kernel, blocks.get());
        } else if (small && dtype == DType.FLOAT64) {
            DenseKernels.forward(in.d.data, wt.d.data, b.d.data, zt.d.data, at.d.data, rows, inputs, outputs, kernel);
        } else if (small) {
            DenseKernels.forward(in.f.data, wt.f.data, b.f.data, zt.f.data, at.f.data, rows, inputs, outputs, kernel);
        } else {
            matmul(x, false, w, true, z);
            if (dtype == DType.FLOAT64) {
                DenseKernels.biasAndActivation(zt.d.data, b.d.data, at.d.data, rows, outputs, kernel);
            } else {
                DenseKernels.biasAndActivation(zt.f.data, b.f.data, at.f.data, rows, outputs, kernel);
            }
        }
        if (kernel == null) {
            f.forward(z, a);
        }
    }

    /**
     * {@code dZ} in place (the kernel's own loop when the activation has one, else the activation's own
     * {@code backward}), then for small layers ({@link DenseKernels#SMALL_WEIGHTS}) the bias gradient and one
     * pass over {@code dZ} for {@code dW} and {@code dX} ({@link DenseKernels}), for larger ones
     * {@code sumRows} and EJML's accumulating products; the bias gradient is summed in double for both
     * dtypes, in the same order either way.
     */
    @Override
    public void denseBackward(Tensor x, Tensor w, Tensor z, Tensor a, Activation f, Tensor gradA, Tensor gradX,
                              Tensor gradW, Tensor gradBias) {
        DType dtype = Operands.denseBackward(this, x, w, z, a, gradA, gradX, gradW, gradBias);
        ElementwiseKernel kernel = f.kernel().orElse(null);
        EjmlTensor zt = (EjmlTensor) z;
        EjmlTensor dz = (EjmlTensor) gradA;
        int n = (int) z.shape().size();
        if (kernel == null) {
            f.backward(z, a, gradA, gradA);
        } else if (dtype == DType.FLOAT64) {
            kernel.backward(zt.d.data, dz.d.data, n);
        } else {
            kernel.backward(zt.f.data, dz.f.data, n);
        }
        int rows = x.rows();
        int inputs = x.cols();
        int outputs = w.rows();
        if ((long) inputs * outputs > DenseKernels.SMALL_WEIGHTS) {
            sumRows(gradA, 1, gradBias);
            gemm(1, gradA, true, x, false, 1, gradW);
            if (gradX != null) {
                matmul(gradA, false, w, false, gradX);
            }
            return;
        }
        EjmlTensor in = (EjmlTensor) x;
        EjmlTensor wt = (EjmlTensor) w;
        EjmlTensor gw = (EjmlTensor) gradW;
        EjmlTensor gx = (EjmlTensor) gradX;
        EjmlTensor gb = (EjmlTensor) gradBias;
        if (dtype == DType.FLOAT64) {
            DenseKernels.sumRows(dz.d.data, rows, outputs, 1, gb.d.data);
            DenseKernels.backward(in.d.data, wt.d.data, dz.d.data, gx == null ? null : gx.d.data, gw.d.data,
                    rows, inputs, outputs);
        } else {
            DenseKernels.sumRows(dz.f.data, rows, outputs, 1, gb.f.data);
            DenseKernels.backward(in.f.data, wt.f.data, dz.f.data, gx == null ? null : gx.f.data, gw.f.data,
                    rows, inputs, outputs);
        }
    }

    @Override
    public void addRowVector(Tensor x, Tensor row, Tensor out) {
        Operands.sameBackendAndDtype(this, X_ROW_OUT, x, row, out);
        Operands.rowVector(x, row, out);
        EjmlTensor in = (EjmlTensor) x;
        EjmlTensor r = (EjmlTensor) row;
        EjmlTensor o = (EjmlTensor) out;
        int rows = x.rows();
        int cols = x.cols();
        if (in.d != null) {
            double[] src = in.d.data;
            double[] dst = o.d.data;
            double[] bias = r.d.data;
            for (int i = 0, base = 0; i < rows; i++, base += cols) {
                for (int j = 0; j < cols; j++) {
                    dst[base + j] = src[base + j] + bias[j];
                }
            }
        } else {
            float[] src = in.f.data;
            float[] dst = o.f.data;
            float[] bias = r.f.data;
            for (int i = 0, base = 0; i < rows; i++, base += cols) {
                for (int j = 0; j < cols; j++) {
                    dst[base + j] = src[base + j] + bias[j];
                }
            }
        }
    }

    @Override
    public void map(Tensor x, DoubleUnaryOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sameShape("out", x.shape(), out);
        EjmlTensor in = (EjmlTensor) x;
        EjmlTensor o = (EjmlTensor) out;
        int n = (int) x.shape().size();
        if (in.d != null) {
            double[] src = in.d.data;
            double[] dst = o.d.data;
            for (int i = 0; i < n; i++) {
                dst[i] = f.applyAsDouble(src[i]);
            }
        } else {
            float[] src = in.f.data;
            float[] dst = o.f.data;
            for (int i = 0; i < n; i++) {
                dst[i] = (float) f.applyAsDouble(src[i]);
            }
        }
    }

    @Override
    public void zip(Tensor a, Tensor b, DoubleBinaryOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        EjmlTensor x = (EjmlTensor) a;
        EjmlTensor y = (EjmlTensor) b;
        EjmlTensor o = (EjmlTensor) out;
        int n = (int) a.shape().size();
        if (x.d != null) {
            for (int i = 0; i < n; i++) {
                o.d.data[i] = f.applyAsDouble(x.d.data[i], y.d.data[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o.f.data[i] = (float) f.applyAsDouble(x.f.data[i], y.f.data[i]);
            }
        }
    }

    @Override
    public void mapRows(Tensor x, RowOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sameShape("out", x.shape(), out);
        EjmlTensor in = (EjmlTensor) x;
        EjmlTensor o = (EjmlTensor) out;
        int cols = x.cols();
        double[] rowIn = RowScratch.row(0, cols);
        double[] rowOut = RowScratch.row(2, cols);
        for (int r = 0; r < x.rows(); r++) {
            in.readRow(r, rowIn);
            f.apply(rowIn, rowOut);
            o.writeRow(r, rowOut);
        }
    }

    @Override
    public void zipRows(Tensor a, Tensor b, RowBinaryOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        EjmlTensor x = (EjmlTensor) a;
        EjmlTensor y = (EjmlTensor) b;
        EjmlTensor o = (EjmlTensor) out;
        int cols = a.cols();
        double[] rowA = RowScratch.row(0, cols);
        double[] rowB = RowScratch.row(1, cols);
        double[] rowOut = RowScratch.row(2, cols);
        for (int r = 0; r < a.rows(); r++) {
            x.readRow(r, rowA);
            y.readRow(r, rowB);
            f.apply(rowA, rowB, rowOut);
            o.writeRow(r, rowOut);
        }
    }

    @Override
    public void multiply(Tensor a, Tensor b, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        EjmlTensor x = (EjmlTensor) a;
        EjmlTensor y = (EjmlTensor) b;
        EjmlTensor o = (EjmlTensor) out;
        if (x.d != null) {
            CommonOps_DDRM.elementMult(x.d, y.d, o.d);
        } else {
            CommonOps_FDRM.elementMult(x.f, y.f, o.f);
        }
    }

    @Override
    public void addScaled(Tensor a, double alpha, Tensor b, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        EjmlTensor x = (EjmlTensor) a;
        EjmlTensor y = (EjmlTensor) b;
        EjmlTensor o = (EjmlTensor) out;
        int n = (int) a.shape().size();
        if (x.d != null) {
            for (int i = 0; i < n; i++) {
                o.d.data[i] = x.d.data[i] + alpha * y.d.data[i];
            }
        } else {
            float s = (float) alpha;
            for (int i = 0; i < n; i++) {
                o.f.data[i] = x.f.data[i] + s * y.f.data[i];
            }
        }
    }

    @Override
    public void scale(Tensor x, double alpha, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sameShape("out", x.shape(), out);
        EjmlTensor in = (EjmlTensor) x;
        EjmlTensor o = (EjmlTensor) out;
        if (in.d != null) {
            CommonOps_DDRM.scale(alpha, in.d, o.d);
        } else {
            CommonOps_FDRM.scale((float) alpha, in.f, o.f);
        }
    }

    @Override
    public void sumRows(Tensor x, Tensor out) {
        sumRows(x, 0, out);
    }

    @Override
    public void sumRows(Tensor x, double beta, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sumRows(x, out);
        EjmlTensor in = (EjmlTensor) x;
        EjmlTensor o = (EjmlTensor) out;
        if (in.d != null) {
            DenseKernels.sumRows(in.d.data, x.rows(), x.cols(), beta, o.d.data);
        } else {
            DenseKernels.sumRows(in.f.data, x.rows(), x.cols(), beta, o.f.data);
        }
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        Operands.sameBackendAndDtype(this, SRC_DST, src, dst);
        Operands.sameShape("dst", src.shape(), dst);
        EjmlTensor s = (EjmlTensor) src;
        EjmlTensor d = (EjmlTensor) dst;
        if (s.d != null) {
            d.d.setTo(s.d);
        } else {
            d.f.setTo(s.f);
        }
    }

    private static void zero(EjmlTensor t) {
        if (t.d != null) {
            t.d.zero();
        } else {
            t.f.zero();
        }
    }

    @Override
    public String toString() {
        return "Backend[" + name() + "]";
    }
}
