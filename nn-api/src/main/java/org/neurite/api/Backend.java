package org.neurite.api;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The matrix math of one library (EJML, ND4J, ...): it makes {@link Tensor}s and computes on them.
 *
 * <p>Every operation writes into an {@code out} tensor that the caller supplies, so that hot loops
 * allocate nothing; {@code out} may be the same object as an input wherever the method says so. Every
 * operand must belong to this backend and share one {@link DType}, or the call fails with a
 * {@link BackendMismatchException}; wrong shapes fail with a {@link ShapeMismatchException}. A failed call
 * leaves every tensor unchanged: arguments are checked before anything is written.
 *
 * <p>A backend is thread-safe: many threads may call it at once on different output tensors. Obtain one
 * through {@link Backends}; implement one through {@link org.neurite.api.spi.BackendProvider}.
 *
 * <p>The set of operations is what a multi-layer perceptron needs to run forward and, later, to train
 * (the transposed products and {@link #sumRows} are backpropagation's, {@link #addScaled} the optimizer's).
 */
@Stability(Stability.Status.STABLE)
public interface Backend {

    /** The backend's registered name, lower case, for example {@code ejml}. */
    String name();

    /**
     * A new tensor of zeros.
     *
     * @throws IllegalArgumentException if a size is negative
     */
    Tensor zeros(DType dtype, int rows, int cols);

    /** A new tensor of zeros with the given shape. */
    default Tensor zeros(DType dtype, Shape shape) {
        return zeros(dtype, shape.rows(), shape.cols());
    }

    /**
     * A new tensor holding {@code rows}, which must be rectangular.
     *
     * @param rows not modified; {@code rows[i]} is row {@code i}
     * @throws IllegalArgumentException if the rows differ in length
     */
    default Tensor fromRows(DType dtype, double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("rows: expected every row of length " + cols
                        + " (the first row's), got row " + r + " of length " + rows[r].length);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        Tensor t = zeros(dtype, rows.length, cols);
        t.assign(flat);
        return t;
    }

    /** A new tensor of this backend with the values, shape and dtype of {@code source}, from any backend. */
    default Tensor copyOf(Tensor source) {
        double[] flat = new double[source.rows() * source.cols()];
        source.copyTo(flat);
        Tensor t = zeros(source.dtype(), source.shape());
        t.assign(flat);
        return t;
    }

    /**
     * Matrix product {@code out = op(a) · op(b)}, where {@code op(m)} is {@code m} or its transpose.
     *
     * @param out modified; must not be {@code a} or {@code b}; its shape must be {@code (rows of op(a), cols of op(b))}
     */
    void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out);

    /**
     * Adds a row vector to every row: {@code out[i][j] = x[i][j] + row[0][j]}.
     *
     * @param row shape {@code (1, x.cols)}
     * @param out modified; same shape as {@code x}; may be {@code x}
     */
    void addRowVector(Tensor x, Tensor row, Tensor out);

    /**
     * Element-wise map {@code out[i][j] = f(x[i][j])}. Float32 tensors are computed in double and rounded.
     *
     * @param f must be pure and thread-safe
     * @param out modified; same shape as {@code x}; may be {@code x}
     */
    void map(Tensor x, DoubleUnaryOperator f, Tensor out);

    /**
     * Element-wise combination {@code out[i][j] = f(a[i][j], b[i][j])}.
     *
     * @param out modified; same shape as {@code a} and {@code b}; may be either
     */
    void zip(Tensor a, Tensor b, DoubleBinaryOperator f, Tensor out);

    /**
     * Row-wise map: for every row, {@code f} reads the row of {@code x} and writes the row of {@code out}
     * (softmax and other functions of a whole row).
     *
     * @param out modified; same shape as {@code x}; may be {@code x}
     */
    void mapRows(Tensor x, RowOperator f, Tensor out);

    /**
     * Element-wise (Hadamard) product {@code out = a ⊙ b}.
     *
     * @param out modified; same shape as {@code a} and {@code b}; may be either
     */
    void multiply(Tensor a, Tensor b, Tensor out);

    /**
     * {@code out = a + alpha · b}, element-wise (BLAS's axpy, the optimizer's update).
     *
     * @param out modified; same shape as {@code a} and {@code b}; may be either
     */
    void addScaled(Tensor a, double alpha, Tensor b, Tensor out);

    /**
     * Scales every element: {@code out = alpha · x}.
     *
     * @param out modified; same shape as {@code x}; may be {@code x}
     */
    void scale(Tensor x, double alpha, Tensor out);

    /**
     * Sums over the rows: {@code out[0][j] = Σ_i x[i][j]} (the bias gradient of a batch).
     *
     * @param out modified; shape {@code (1, x.cols)}
     */
    void sumRows(Tensor x, Tensor out);

    /**
     * Copies {@code src} into {@code dst}.
     *
     * @param dst modified; same shape and dtype as {@code src}
     */
    void copy(Tensor src, Tensor dst);

    /** A function of one row, for {@link #mapRows}. */
    @FunctionalInterface
    interface RowOperator {
        /**
         * Computes one output row from one input row.
         *
         * @param in the input row; not modified, and only valid during the call
         * @param out the output row to fill; may be the same array as {@code in}
         */
        void apply(double[] in, double[] out);
    }
}
