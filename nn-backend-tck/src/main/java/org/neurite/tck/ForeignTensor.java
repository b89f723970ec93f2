package org.neurite.tck;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Shape;
import org.neurite.api.Tensor;

/** A 2×2 tensor of a stand-in backend named {@code foreign}, to check that a backend rejects strangers. */
final class ForeignTensor implements Tensor {

    private final DType dtype;

    ForeignTensor(DType dtype) {
        this.dtype = dtype;
    }

    @Override
    public Backend backend() {
        return FOREIGN;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public Shape shape() {
        return Shape.of(2, 2);
    }

    @Override
    public double get(int row, int col) {
        return row + col;
    }

    @Override
    public void set(int row, int col, double value) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void assign(double[] rowMajor) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void assign(float[] rowMajor) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void copyTo(double[] dst) {
        double[] v = {0, 1, 1, 2};
        System.arraycopy(v, 0, dst, 0, 4);
    }

    @Override
    public void copyTo(float[] dst) {
        float[] v = {0, 1, 1, 2};
        System.arraycopy(v, 0, dst, 0, 4);
    }

    private static final Backend FOREIGN = new Backend() {
        @Override
        public String name() {
            return "foreign";
        }

        @Override
        public Tensor zeros(DType dtype, int rows, int cols) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void matmul(Tensor a, boolean ta, Tensor b, boolean tb, Tensor out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addRowVector(Tensor x, Tensor row, Tensor out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void map(Tensor x, DoubleUnaryOperator f, Tensor out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void zip(Tensor a, Tensor b, DoubleBinaryOperator f, Tensor out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void mapRows(Tensor x, RowOperator f, Tensor out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void multiply(Tensor a, Tensor b, Tensor out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addScaled(Tensor a, double alpha, Tensor b, Tensor out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void scale(Tensor x, double alpha, Tensor out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sumRows(Tensor x, Tensor out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void copy(Tensor src, Tensor dst) {
            throw new UnsupportedOperationException();
        }
    };
}
