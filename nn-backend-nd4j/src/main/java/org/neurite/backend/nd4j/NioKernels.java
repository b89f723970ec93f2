package org.neurite.backend.nd4j;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.neurite.api.Backend.RowBinaryOperator;
import org.neurite.api.Backend.RowOperator;
import org.neurite.api.support.RowScratch;

/**
 * Plain Java loops over the native memory of {@link Nd4jTensor}s, through their NIO views: the operations
 * ND4J has no op for (Java functions, and sums accumulated in double), and the element-wise ones on arrays
 * too small for an ND4J op to pay off.
 *
 * <p>Callers have checked the operands: same backend, dtype and shapes. Every loop reads an element before
 * it writes the same index, so an output may be one of the inputs.
 */
final class NioKernels {

    private NioKernels() {
    }

    /** {@code out[i][j] = x[i][j] + row[0][j]}. */
    static void addRowVector(Nd4jTensor x, Nd4jTensor row, Nd4jTensor out) {
        int rows = x.rows();
        int cols = x.cols();
        if (x.d != null) {
            for (int i = 0, k = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++, k++) {
                    out.d.put(k, x.d.get(k) + row.d.get(j));
                }
            }
        } else {
            for (int i = 0, k = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++, k++) {
                    out.f.put(k, x.f.get(k) + row.f.get(j));
                }
            }
        }
    }

    /** {@code out = a ⊙ b}. */
    static void multiply(Nd4jTensor a, Nd4jTensor b, Nd4jTensor out) {
        int n = a.size();
        if (a.d != null) {
            for (int i = 0; i < n; i++) {
                out.d.put(i, a.d.get(i) * b.d.get(i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                out.f.put(i, a.f.get(i) * b.f.get(i));
            }
        }
    }

    /** {@code out = a + alpha · b}; float32 in float, as the EJML backend does. */
    static void addScaled(Nd4jTensor a, double alpha, Nd4jTensor b, Nd4jTensor out) {
        int n = a.size();
        if (a.d != null) {
            for (int i = 0; i < n; i++) {
                out.d.put(i, a.d.get(i) + alpha * b.d.get(i));
            }
        } else {
            float s = (float) alpha;
            for (int i = 0; i < n; i++) {
                out.f.put(i, a.f.get(i) + s * b.f.get(i));
            }
        }
    }

    /** {@code out = alpha · x}; float32 in float. */
    static void scale(Nd4jTensor x, double alpha, Nd4jTensor out) {
        int n = x.size();
        if (x.d != null) {
            for (int i = 0; i < n; i++) {
                out.d.put(i, alpha * x.d.get(i));
            }
        } else {
            float s = (float) alpha;
            for (int i = 0; i < n; i++) {
                out.f.put(i, s * x.f.get(i));
            }
        }
    }

    /** {@code dst = src}, as one bulk copy of native memory. */
    static void copy(Nd4jTensor src, Nd4jTensor dst) {
        if (src.d != null) {
            dst.d.put(0, src.d, 0, src.size());
        } else {
            dst.f.put(0, src.f, 0, src.size());
        }
    }

    /** {@code out[i][j] = f(x[i][j])}; float32 computed in double and rounded once. */
    static void map(Nd4jTensor x, DoubleUnaryOperator f, Nd4jTensor out) {
        int n = x.size();
        if (x.d != null) {
            for (int i = 0; i < n; i++) {
                out.d.put(i, f.applyAsDouble(x.d.get(i)));
            }
        } else {
            for (int i = 0; i < n; i++) {
                out.f.put(i, (float) f.applyAsDouble(x.f.get(i)));
            }
        }
    }

    /** {@code out[i][j] = f(a[i][j], b[i][j])}; float32 computed in double and rounded once. */
    static void zip(Nd4jTensor a, Nd4jTensor b, DoubleBinaryOperator f, Nd4jTensor out) {
        int n = a.size();
        if (a.d != null) {
            for (int i = 0; i < n; i++) {
                out.d.put(i, f.applyAsDouble(a.d.get(i), b.d.get(i)));
            }
        } else {
            for (int i = 0; i < n; i++) {
                out.f.put(i, (float) f.applyAsDouble(a.f.get(i), b.f.get(i)));
            }
        }
    }

    /** Row by row through {@code f}, with one pair of row arrays per call. */
    static void mapRows(Nd4jTensor x, RowOperator f, Nd4jTensor out) {
        int cols = x.cols();
        double[] rowIn = RowScratch.row(0, cols);
        double[] rowOut = RowScratch.row(2, cols);
        for (int r = 0; r < x.rows(); r++) {
            x.readRow(r, rowIn);
            f.apply(rowIn, rowOut);
            out.writeRow(r, rowOut);
        }
    }

    static void zipRows(Nd4jTensor a, Nd4jTensor b, RowBinaryOperator f, Nd4jTensor out) {
        int cols = a.cols();
        double[] rowA = RowScratch.row(0, cols);
        double[] rowB = RowScratch.row(1, cols);
        double[] rowOut = RowScratch.row(2, cols);
        for (int r = 0; r < a.rows(); r++) {
            a.readRow(r, rowA);
            b.readRow(r, rowB);
            f.apply(rowA, rowB, rowOut);
            out.writeRow(r, rowOut);
        }
    }

    /**
     * {@code out[0][j] = Σ_i x[i][j]}, accumulated in double for float32 too, in the EJML backend's order,
     * so that both backends give the same bias gradients; plus {@code beta · out} (with {@code beta = 0} the
     * old {@code out} is not read).
     */
    static void sumRows(Nd4jTensor x, double beta, Nd4jTensor out) {
        int rows = x.rows();
        int cols = x.cols();
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += x.d != null ? x.d.get(i * cols + j) : x.f.get(i * cols + j);
            }
            if (out.d != null) {
                out.d.put(j, beta == 0 ? sum : beta * out.d.get(j) + sum);
            } else {
                out.f.put(j, (float) (beta == 0 ? sum : beta * out.f.get(j) + sum));
            }
        }
    }
}
