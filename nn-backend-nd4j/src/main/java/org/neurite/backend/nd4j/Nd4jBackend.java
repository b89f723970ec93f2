package org.neurite.backend.nd4j;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Tensor;
import org.neurite.api.support.Operands;

/**
 * The ND4J backend. Matrix products go to {@code Nd4j.gemm} into the caller's output array (an allocating
 * {@code mmul} measured 5× slower on this project's machine); the element-wise operations that ND4J has
 * (broadcast add, multiply, axpy, scale, assign) run as ND4J ops with the output as their {@code z};
 * functions given as Java lambdas ({@link #map}, {@link #zip}, {@link #mapRows}) and {@link #sumRows} run as
 * Java loops over the arrays' native memory.
 *
 * <p>Every method checks its operands with {@link Operands} before it writes, and returns before calling
 * ND4J when the output has no elements: ND4J's "empty" arrays are not valid operands of every op.
 *
 * <p>Stateless, hence thread-safe. There is one instance per class loader (see {@link Nd4jRuntime}), so
 * tensors made through any registry work with each other.
 */
final class Nd4jBackend implements Backend {

    private static final String[] A_B_OUT = {"a", "b", "out"};
    private static final String[] X_OUT = {"x", "out"};
    private static final String[] X_ROW_OUT = {"x", "row", "out"};
    private static final String[] SRC_DST = {"src", "dst"};

    /** Only {@link Nd4jRuntime} makes one, after ND4J has loaded. */
    Nd4jBackend() {
    }

    @Override
    public String name() {
        return Nd4jBackendProvider.NAME;
    }

    @Override
    public Tensor zeros(DType dtype, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape: expected non-negative sizes, got (" + rows + ", " + cols + ")");
        }
        return new Nd4jTensor(this, java.util.Objects.requireNonNull(dtype, "dtype"), rows, cols);
    }

    @Override
    public void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.matmul(a, transposeA, b, transposeB, out);
        Nd4jTensor o = (Nd4jTensor) out;
        if (o.size() == 0) {
            return;
        }
        if (a.shape().size() == 0) {
            o.array.assign(0); // an empty inner dimension: every element is an empty sum
            return;
        }
        // beta = 0: BLAS does not read C, so whatever the preallocated output held (even NaN) is replaced.
        Nd4j.gemm(((Nd4jTensor) a).array, ((Nd4jTensor) b).array, o.array, transposeA, transposeB, 1.0, 0.0);
    }

    @Override
    public void addRowVector(Tensor x, Tensor row, Tensor out) {
        Operands.sameBackendAndDtype(this, X_ROW_OUT, x, row, out);
        Operands.rowVector(x, row, out);
        Nd4jTensor o = (Nd4jTensor) out;
        if (o.size() == 0) {
            return;
        }
        Nd4j.exec(new BroadcastAddOp(((Nd4jTensor) x).array, ((Nd4jTensor) row).array, o.array, 1));
    }

    @Override
    public void map(Tensor x, DoubleUnaryOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sameShape("out", x.shape(), out);
        Nd4jTensor in = (Nd4jTensor) x;
        Nd4jTensor o = (Nd4jTensor) out;
        int n = in.size();
        if (in.d != null) {
            for (int i = 0; i < n; i++) {
                o.d.put(i, f.applyAsDouble(in.d.get(i)));
            }
        } else {
            for (int i = 0; i < n; i++) {
                o.f.put(i, (float) f.applyAsDouble(in.f.get(i)));
            }
        }
    }

    @Override
    public void zip(Tensor a, Tensor b, DoubleBinaryOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        Nd4jTensor x = (Nd4jTensor) a;
        Nd4jTensor y = (Nd4jTensor) b;
        Nd4jTensor o = (Nd4jTensor) out;
        int n = x.size();
        if (x.d != null) {
            for (int i = 0; i < n; i++) {
                o.d.put(i, f.applyAsDouble(x.d.get(i), y.d.get(i)));
            }
        } else {
            for (int i = 0; i < n; i++) {
                o.f.put(i, (float) f.applyAsDouble(x.f.get(i), y.f.get(i)));
            }
        }
    }

    @Override
    public void mapRows(Tensor x, RowOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sameShape("out", x.shape(), out);
        Nd4jTensor in = (Nd4jTensor) x;
        Nd4jTensor o = (Nd4jTensor) out;
        int cols = x.cols();
        double[] rowIn = new double[cols];
        double[] rowOut = new double[cols];
        for (int r = 0; r < x.rows(); r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                rowIn[j] = in.d != null ? in.d.get(base + j) : in.f.get(base + j);
            }
            f.apply(rowIn, rowOut);
            for (int j = 0; j < cols; j++) {
                if (o.d != null) {
                    o.d.put(base + j, rowOut[j]);
                } else {
                    o.f.put(base + j, (float) rowOut[j]);
                }
            }
        }
    }

    @Override
    public void multiply(Tensor a, Tensor b, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        Nd4jTensor o = (Nd4jTensor) out;
        if (o.size() == 0) {
            return;
        }
        ((Nd4jTensor) a).array.muli(((Nd4jTensor) b).array, o.array);
    }

    @Override
    public void addScaled(Tensor a, double alpha, Tensor b, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        Nd4jTensor o = (Nd4jTensor) out;
        if (o.size() == 0) {
            return;
        }
        // ND4J's axpy computes z = p·x + y, so x is our b and y our a.
        Nd4j.exec(new Axpy(((Nd4jTensor) b).array, ((Nd4jTensor) a).array, o.array, alpha));
    }

    @Override
    public void scale(Tensor x, double alpha, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sameShape("out", x.shape(), out);
        Nd4jTensor o = (Nd4jTensor) out;
        if (o.size() == 0) {
            return;
        }
        ((Nd4jTensor) x).array.mul(alpha, o.array);
    }

    @Override
    public void sumRows(Tensor x, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sumRows(x, out);
        Nd4jTensor in = (Nd4jTensor) x;
        Nd4jTensor o = (Nd4jTensor) out;
        int rows = x.rows();
        int cols = x.cols();
        // A Java loop rather than ND4J's sum: it accumulates in double for float32 too, in the same order
        // as the EJML backend, so both backends give the same bias gradients; it is not on the forward path.
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += in.d != null ? in.d.get(i * cols + j) : in.f.get(i * cols + j);
            }
            if (o.d != null) {
                o.d.put(j, sum);
            } else {
                o.f.put(j, (float) sum);
            }
        }
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        Operands.sameBackendAndDtype(this, SRC_DST, src, dst);
        Operands.sameShape("dst", src.shape(), dst);
        Nd4jTensor d = (Nd4jTensor) dst;
        if (d.size() == 0 || src == dst) {
            return;
        }
        d.array.assign(((Nd4jTensor) src).array);
    }

    @Override
    public String toString() {
        return "Backend[" + name() + "]";
    }
}
