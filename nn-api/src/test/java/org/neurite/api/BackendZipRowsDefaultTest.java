package org.neurite.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The default {@link Backend#zipRows}, which a backend gets without overriding it: checked on a minimal
 * backend that implements only what the default needs (EJML overrides it, so the kit does not reach it).
 */
class BackendZipRowsDefaultTest {

    /** A row-major double array; float32 rounds what is written. */
    private static final class ArrayTensor implements Tensor {
        private final Backend backend;
        private final DType dtype;
        private final Shape shape;
        private final double[] data;

        ArrayTensor(Backend backend, DType dtype, int rows, int cols) {
            this.backend = backend;
            this.dtype = dtype;
            this.shape = Shape.of(rows, cols);
            this.data = new double[rows * cols];
        }

        @Override public Backend backend() { return backend; }
        @Override public DType dtype() { return dtype; }
        @Override public Shape shape() { return shape; }
        @Override public double get(int row, int col) { return data[row * shape.cols() + col]; }
        @Override public void set(int row, int col, double value) { data[row * shape.cols() + col] = round(value); }
        @Override public void assign(double[] rowMajor) {
            for (int i = 0; i < data.length; i++) {
                data[i] = round(rowMajor[i]);
            }
        }
        @Override public void assign(float[] rowMajor) {
            for (int i = 0; i < data.length; i++) {
                data[i] = rowMajor[i];
            }
        }
        @Override public void copyTo(double[] dst) { System.arraycopy(data, 0, dst, 0, data.length); }
        @Override public void copyTo(float[] dst) {
            for (int i = 0; i < data.length; i++) {
                dst[i] = (float) data[i];
            }
        }

        private double round(double v) {
            return dtype == DType.FLOAT32 ? (float) v : v;
        }
    }

    /** Only {@code zeros} and the inherited default {@code zipRows} work. */
    private static class MinimalBackend implements Backend {
        @Override public String name() { return "minimal"; }
        @Override public Tensor zeros(DType dtype, int rows, int cols) { return new ArrayTensor(this, dtype, rows, cols); }
        @Override public void matmul(Tensor a, boolean ta, Tensor b, boolean tb, Tensor out) { throw new UnsupportedOperationException(); }
        @Override public void addRowVector(Tensor x, Tensor row, Tensor out) { throw new UnsupportedOperationException(); }
        @Override public void map(Tensor x, DoubleUnaryOperator f, Tensor out) { throw new UnsupportedOperationException(); }
        @Override public void zip(Tensor a, Tensor b, DoubleBinaryOperator f, Tensor out) { throw new UnsupportedOperationException(); }
        @Override public void mapRows(Tensor x, RowOperator f, Tensor out) { throw new UnsupportedOperationException(); }
        @Override public void multiply(Tensor a, Tensor b, Tensor out) { throw new UnsupportedOperationException(); }
        @Override public void addScaled(Tensor a, double alpha, Tensor b, Tensor out) { throw new UnsupportedOperationException(); }
        @Override public void scale(Tensor x, double alpha, Tensor out) { throw new UnsupportedOperationException(); }
        @Override public void sumRows(Tensor x, Tensor out) { throw new UnsupportedOperationException(); }
        @Override public void copy(Tensor src, Tensor dst) { throw new UnsupportedOperationException(); }
    }

    private final Backend backend = new MinimalBackend();

    /** out_j = a_j · Σ_k b_k, which needs the whole row of b. */
    private static final Backend.RowBinaryOperator TIMES_ROW_SUM = (a, b, out) -> {
        double sum = 0;
        for (double v : b) {
            sum += v;
        }
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] * sum;
        }
    };

    @Test
    void combinesMatchingRowsAndMayWriteIntoAnInput() {
        Tensor a = backend.fromRows(DType.FLOAT64, new double[][] {{1, 2}, {3, 4}});
        Tensor b = backend.fromRows(DType.FLOAT64, new double[][] {{0.5, 0.25}, {-1, 3}});
        Tensor out = backend.zeros(DType.FLOAT64, 2, 2);
        backend.zipRows(a, b, TIMES_ROW_SUM, out);
        assertArrayEquals(new double[][] {{0.75, 1.5}, {6, 8}}, out.toDoubleArray());
        backend.zipRows(a, b, TIMES_ROW_SUM, b);
        assertArrayEquals(new double[][] {{0.75, 1.5}, {6, 8}}, b.toDoubleArray());
    }

    @Test
    void computesInDoubleAndRoundsFloat32Once() {
        Tensor a = backend.fromRows(DType.FLOAT32, new double[][] {{1.0 / 3}});
        Tensor b = backend.fromRows(DType.FLOAT32, new double[][] {{3}});
        Tensor out = backend.zeros(DType.FLOAT32, 1, 1);
        backend.zipRows(a, b, TIMES_ROW_SUM, out);
        assertArrayEquals(new double[][] {{(float) ((double) (float) (1.0 / 3) * 3)}}, out.toDoubleArray());
    }

    @Test
    void checksBackendDtypeAndShapeBeforeWriting() {
        Tensor a = backend.zeros(DType.FLOAT64, 2, 2);
        Tensor out = backend.fromRows(DType.FLOAT64, new double[][] {{1, 1}, {1, 1}});
        assertThrows(ShapeMismatchException.class,
                () -> backend.zipRows(a, backend.zeros(DType.FLOAT64, 2, 3), TIMES_ROW_SUM, out));
        assertThrows(BackendMismatchException.class,
                () -> backend.zipRows(a, backend.zeros(DType.FLOAT32, 2, 2), TIMES_ROW_SUM, out));
        assertThrows(BackendMismatchException.class,
                () -> backend.zipRows(a, new MinimalBackend().zeros(DType.FLOAT64, 2, 2), TIMES_ROW_SUM, out));
        assertArrayEquals(new double[][] {{1, 1}, {1, 1}}, out.toDoubleArray());
    }
}
