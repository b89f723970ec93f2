package org.neurite.backend.nd4j;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Shape;
import org.neurite.api.Tensor;
import org.neurite.api.support.Operands;

/**
 * A tensor over one ND4J array of its own: rank 2, {@code 'c'} (row-major) order, offset 0, never a view,
 * so that element {@code (r, c)} sits at index {@code r * cols + c} of the array's buffer.
 *
 * <p>Element access goes through an NIO view of the array's native memory ({@link #d} for float64,
 * {@link #f} for float32; exactly one is set) rather than through {@code INDArray.getDouble}, which costs a
 * native call per element. Only absolute {@code get}/{@code put} are used on these views, so they carry no
 * position state. The views do not keep the native memory alive: {@link #array} does, and lives as long as
 * this tensor.
 *
 * <p>A tensor with no elements still holds an ND4J "empty" array (ND4J has no buffer for it, so the views
 * are empty heap buffers); the backend never hands such an array to an ND4J operation.
 */
final class Nd4jTensor implements Tensor {

    private final Nd4jBackend backend;
    private final Shape shape;
    final INDArray array;
    final DoubleBuffer d;
    final FloatBuffer f;

    /** @param shape checked by {@link org.neurite.api.support.Operands#zeros}, with {@code dtype} */
    Nd4jTensor(Nd4jBackend backend, DType dtype, Shape shape) {
        this.backend = backend;
        this.shape = shape;
        // The data type and order are always explicit: ND4J's global defaults (float, and an order a user
        // may have changed) must not decide what a Neurite tensor holds.
        this.array = Nd4j.create(dtype == DType.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT,
                new long[] {shape.rows(), shape.cols()}, 'c');
        boolean empty = shape.size() == 0;
        if (dtype == DType.FLOAT64) {
            this.d = empty ? DoubleBuffer.allocate(0) : array.data().asNioDouble();
            this.f = null;
        } else {
            this.d = null;
            this.f = empty ? FloatBuffer.allocate(0) : array.data().asNioFloat();
        }
    }

    /** The number of elements, {@code rows * cols}. */
    int size() {
        return (int) shape.size();
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public DType dtype() {
        return d != null ? DType.FLOAT64 : DType.FLOAT32;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    /** Row {@code r} into {@code row} (of the row's length), as doubles; no checks (callers checked). */
    void readRow(int r, double[] row) {
        int base = r * row.length;
        for (int j = 0; j < row.length; j++) {
            row[j] = d != null ? d.get(base + j) : f.get(base + j);
        }
    }

    /** {@code row} into row {@code r}, rounded for float32; no checks (callers checked). */
    void writeRow(int r, double[] row) {
        int base = r * row.length;
        for (int j = 0; j < row.length; j++) {
            if (d != null) {
                d.put(base + j, row[j]);
            } else {
                f.put(base + j, (float) row[j]);
            }
        }
    }

    @Override
    public double get(int row, int col) {
        Operands.index(shape, row, col);
        int i = row * shape.cols() + col;
        return d != null ? d.get(i) : f.get(i);
    }

    @Override
    public void set(int row, int col, double value) {
        Operands.index(shape, row, col);
        int i = row * shape.cols() + col;
        if (d != null) {
            d.put(i, value);
        } else {
            f.put(i, (float) value);
        }
    }

    @Override
    public void assign(double[] rowMajor) {
        Operands.length("rowMajor", shape, rowMajor.length, true);
        if (d != null) {
            d.put(0, rowMajor, 0, rowMajor.length);
        } else {
            for (int i = 0; i < rowMajor.length; i++) {
                f.put(i, (float) rowMajor[i]);
            }
        }
    }

    @Override
    public void assign(float[] rowMajor) {
        Operands.length("rowMajor", shape, rowMajor.length, true);
        if (f != null) {
            f.put(0, rowMajor, 0, rowMajor.length);
        } else {
            for (int i = 0; i < rowMajor.length; i++) {
                d.put(i, rowMajor[i]);
            }
        }
    }

    @Override
    public void assignRange(long offset, double[] src, int srcOffset, int count) {
        Operands.range(shape, offset, src.length, srcOffset, count);
        int at = (int) offset;
        if (d != null) {
            d.put(at, src, srcOffset, count);
        } else {
            for (int i = 0; i < count; i++) {
                f.put(at + i, (float) src[srcOffset + i]);
            }
        }
    }

    @Override
    public void assignRange(long offset, float[] src, int srcOffset, int count) {
        Operands.range(shape, offset, src.length, srcOffset, count);
        int at = (int) offset;
        if (f != null) {
            f.put(at, src, srcOffset, count);
        } else {
            for (int i = 0; i < count; i++) {
                d.put(at + i, src[srcOffset + i]);
            }
        }
    }

    @Override
    public void copyTo(double[] dst) {
        Operands.length("dst", shape, dst.length, false);
        int n = size();
        if (d != null) {
            d.get(0, dst, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = f.get(i);
            }
        }
    }

    @Override
    public void copyTo(float[] dst) {
        Operands.length("dst", shape, dst.length, false);
        int n = size();
        if (f != null) {
            f.get(0, dst, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = (float) d.get(i);
            }
        }
    }

    @Override
    public String toString() {
        return "Nd4jTensor" + shape + " " + dtype();
    }
}
