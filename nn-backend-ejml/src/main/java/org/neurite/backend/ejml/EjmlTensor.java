package org.neurite.backend.ejml;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Shape;
import org.neurite.api.Tensor;
import org.neurite.api.support.Operands;

/**
 * A tensor over one EJML row-major matrix: {@link DMatrixRMaj} for float64, {@link FMatrixRMaj} for
 * float32 (exactly one of the two fields is set).
 */
final class EjmlTensor implements Tensor {

    private final EjmlBackend backend;
    private final Shape shape;
    final DMatrixRMaj d;
    final FMatrixRMaj f;

    /** @param shape checked by {@link org.neurite.api.support.Operands#zeros}, with {@code dtype} */
    EjmlTensor(EjmlBackend backend, DType dtype, Shape shape) {
        this.backend = backend;
        this.shape = shape;
        this.d = dtype == DType.FLOAT64 ? new DMatrixRMaj(shape.rows(), shape.cols()) : null;
        this.f = dtype == DType.FLOAT32 ? new FMatrixRMaj(shape.rows(), shape.cols()) : null;
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
            row[j] = d != null ? d.data[base + j] : f.data[base + j];
        }
    }

    /** {@code row} into row {@code r}, rounded for float32; no checks (callers checked). */
    void writeRow(int r, double[] row) {
        int base = r * row.length;
        for (int j = 0; j < row.length; j++) {
            if (d != null) {
                d.data[base + j] = row[j];
            } else {
                f.data[base + j] = (float) row[j];
            }
        }
    }

    @Override
    public double get(int row, int col) {
        Operands.index(shape, row, col);
        int i = row * shape.cols() + col;
        return d != null ? d.data[i] : f.data[i];
    }

    @Override
    public void set(int row, int col, double value) {
        Operands.index(shape, row, col);
        int i = row * shape.cols() + col;
        if (d != null) {
            d.data[i] = value;
        } else {
            f.data[i] = (float) value;
        }
    }

    @Override
    public void assign(double[] rowMajor) {
        Operands.length("rowMajor", shape, rowMajor.length, true);
        if (d != null) {
            System.arraycopy(rowMajor, 0, d.data, 0, rowMajor.length);
        } else {
            for (int i = 0; i < rowMajor.length; i++) {
                f.data[i] = (float) rowMajor[i];
            }
        }
    }

    @Override
    public void assign(float[] rowMajor) {
        Operands.length("rowMajor", shape, rowMajor.length, true);
        if (f != null) {
            System.arraycopy(rowMajor, 0, f.data, 0, rowMajor.length);
        } else {
            for (int i = 0; i < rowMajor.length; i++) {
                d.data[i] = rowMajor[i];
            }
        }
    }

    @Override
    public void assignRange(long offset, double[] src, int srcOffset, int count) {
        Operands.range(shape, offset, src.length, srcOffset, count);
        int at = (int) offset;
        if (d != null) {
            System.arraycopy(src, srcOffset, d.data, at, count);
        } else {
            for (int i = 0; i < count; i++) {
                f.data[at + i] = (float) src[srcOffset + i];
            }
        }
    }

    @Override
    public void assignRange(long offset, float[] src, int srcOffset, int count) {
        Operands.range(shape, offset, src.length, srcOffset, count);
        int at = (int) offset;
        if (f != null) {
            System.arraycopy(src, srcOffset, f.data, at, count);
        } else {
            for (int i = 0; i < count; i++) {
                d.data[at + i] = src[srcOffset + i];
            }
        }
    }

    @Override
    public void copyTo(double[] dst) {
        Operands.length("dst", shape, dst.length, false);
        int n = (int) shape.size();
        if (d != null) {
            System.arraycopy(d.data, 0, dst, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = f.data[i];
            }
        }
    }

    @Override
    public void copyTo(float[] dst) {
        Operands.length("dst", shape, dst.length, false);
        int n = (int) shape.size();
        if (f != null) {
            System.arraycopy(f.data, 0, dst, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = (float) d.data[i];
            }
        }
    }

    @Override
    public String toString() {
        return "EjmlTensor" + shape + " " + dtype();
    }
}
