package org.neurite.backend.ejml;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Tensor;
import org.neurite.api.support.Operands;

/**
 * The EJML backend. Matrix products go to EJML's {@code CommonOps_DDRM}/{@code _FDRM}, which write into
 * the output matrix without allocating; element-wise work runs as plain loops over the row-major arrays.
 * Stateless, hence thread-safe.
 */
final class EjmlBackend implements Backend {

    private static final String[] A_B_OUT = {"a", "b", "out"};
    private static final String[] X_OUT = {"x", "out"};
    private static final String[] X_ROW_OUT = {"x", "row", "out"};

    @Override
    public String name() {
        return EjmlBackendProvider.NAME;
    }

    @Override
    public Tensor zeros(DType dtype, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape: expected non-negative sizes, got (" + rows + ", " + cols + ")");
        }
        return new EjmlTensor(this, dtype, rows, cols);
    }

    @Override
    public void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        DType dtype = Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.matmul(a, transposeA, b, transposeB, out);
        EjmlTensor x = (EjmlTensor) a;
        EjmlTensor y = (EjmlTensor) b;
        EjmlTensor o = (EjmlTensor) out;
        if (a.shape().size() == 0 || b.shape().size() == 0) {
            zero(o); // an empty inner dimension gives zeros; EJML's kernels expect non-empty operands
            return;
        }
        if (dtype == DType.FLOAT64) {
            if (transposeA) {
                if (transposeB) {
                    CommonOps_DDRM.multTransAB(x.d, y.d, o.d);
                } else {
                    CommonOps_DDRM.multTransA(x.d, y.d, o.d);
                }
            } else if (transposeB) {
                CommonOps_DDRM.multTransB(x.d, y.d, o.d);
            } else {
                CommonOps_DDRM.mult(x.d, y.d, o.d);
            }
        } else {
            if (transposeA) {
                if (transposeB) {
                    CommonOps_FDRM.multTransAB(x.f, y.f, o.f);
                } else {
                    CommonOps_FDRM.multTransA(x.f, y.f, o.f);
                }
            } else if (transposeB) {
                CommonOps_FDRM.multTransB(x.f, y.f, o.f);
            } else {
                CommonOps_FDRM.mult(x.f, y.f, o.f);
            }
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
            for (int i = 0, k = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++, k++) {
                    o.d.data[k] = in.d.data[k] + r.d.data[j];
                }
            }
        } else {
            for (int i = 0, k = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++, k++) {
                    o.f.data[k] = in.f.data[k] + r.f.data[j];
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
            for (int i = 0; i < n; i++) {
                o.d.data[i] = f.applyAsDouble(in.d.data[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o.f.data[i] = (float) f.applyAsDouble(in.f.data[i]);
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
        double[] rowIn = new double[cols];
        double[] rowOut = new double[cols];
        for (int r = 0; r < x.rows(); r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                rowIn[j] = in.d != null ? in.d.data[base + j] : in.f.data[base + j];
            }
            f.apply(rowIn, rowOut);
            for (int j = 0; j < cols; j++) {
                if (o.d != null) {
                    o.d.data[base + j] = rowOut[j];
                } else {
                    o.f.data[base + j] = (float) rowOut[j];
                }
            }
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
        double[] rowA = new double[cols];
        double[] rowB = new double[cols];
        double[] rowOut = new double[cols];
        for (int r = 0; r < a.rows(); r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                rowA[j] = x.d != null ? x.d.data[base + j] : x.f.data[base + j];
                rowB[j] = y.d != null ? y.d.data[base + j] : y.f.data[base + j];
            }
            f.apply(rowA, rowB, rowOut);
            for (int j = 0; j < cols; j++) {
                if (o.d != null) {
                    o.d.data[base + j] = rowOut[j];
                } else {
                    o.f.data[base + j] = (float) rowOut[j];
                }
            }
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
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sumRows(x, out);
        EjmlTensor in = (EjmlTensor) x;
        EjmlTensor o = (EjmlTensor) out;
        int rows = x.rows();
        int cols = x.cols();
        // Accumulate in double for both dtypes: a float32 sum over a large batch keeps its accuracy.
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += in.d != null ? in.d.data[i * cols + j] : in.f.data[i * cols + j];
            }
            if (o.d != null) {
                o.d.data[j] = sum;
            } else {
                o.f.data[j] = (float) sum;
            }
        }
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        Operands.sameBackendAndDtype(this, new String[] {"src", "dst"}, src, dst);
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
