package org.neurite.api;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.neurite.api.support.Operands;

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
 * <p>The set of operations is what a multi-layer perceptron needs to run forward and to train (the
 * transposed and accumulating products, {@link #gemm} and {@link #sumRows(Tensor, double, Tensor)}, are
 * backpropagation's).
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface Backend {

    /** The backend's registered name, lower case, for example {@code ejml}. */
    String name();

    /**
     * A new tensor of zeros; backends check with {@link org.neurite.api.support.Operands#zeros}.
     *
     * @throws NullPointerException if {@code dtype} is null
     * @throws IllegalArgumentException if a size is negative or there are more than {@link Shape#MAX_ELEMENTS}
     * @throws TensorAllocationException if the backend's memory limit does not allow the tensor (the nd4j
     *     backend's off-heap limit), before anything is allocated
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
        Shape.of(rows.length, cols); // the size, before the flat copy is allocated
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
     * The accumulating product {@code out = alpha · op(a) · op(b) + beta · out} (BLAS's {@code gemm}), what
     * a backward pass needs to add a batch's weight gradient to what is already there. With {@code beta = 0}
     * the old contents of {@code out} are not read (a NaN there does not survive), as in BLAS.
     *
     * <p><b>Experimental</b> (added for training). The default implementation is built from
     * {@link #matmul}, {@link #scale} and {@link #addScaled} and allocates a temporary for {@code beta != 0};
     * a backend overrides it to call its library's own {@code gemm}.
     *
     * @param out modified; must not be {@code a} or {@code b}; its shape must be {@code (rows of op(a), cols of op(b))}
     */
    default void gemm(double alpha, Tensor a, boolean transposeA, Tensor b, boolean transposeB, double beta,
                      Tensor out) {
        if (beta == 0) {
            matmul(a, transposeA, b, transposeB, out);
            if (alpha != 1) {
                scale(out, alpha, out);
            }
            return;
        }
        Tensor product = zeros(out.dtype(), out.shape());
        matmul(a, transposeA, b, transposeB, product);
        if (beta != 1) {
            scale(out, beta, out);
        }
        addScaled(out, alpha, product, out);
    }

    /**
     * A whole dense layer in one call: {@code z = x·wᵀ + bias}, then {@code a = f(z)}, for {@code x} of shape
     * {@code (batch, in)}, {@code w} of shape {@code (out, in)} and {@code bias} of shape {@code (1, out)}.
     * A backend overrides it to run the product, the bias and the activation in one pass over the output,
     * and to run an activation with a {@link Activation#kernel() kernel} as its own loop.
     *
     * <p><b>Experimental</b> (added for the fused fast path). The default is built from {@link #matmul},
     * {@link #addRowVector} and {@link Activation#forward}.
     *
     * @param z modified: the pre-activation, {@code (batch, out)}
     * @param a modified: the activation, {@code (batch, out)}; may be {@code z}
     */
    default void denseForward(Tensor x, Tensor w, Tensor bias, Activation f, Tensor z, Tensor a) {
        Operands.dense(this, x, w, bias, z, a); // every shape before the first write: nothing half-changed
        matmul(x, false, w, true, z);
        addRowVector(z, bias, z);
        f.forward(z, a);
    }

    /**
     * The backward pass of {@link #denseForward}: {@code dZ = f'(z) ⊙ dA} written over {@code gradA} (the
     * activation's vector-Jacobian product), then {@code gradW += dZᵀ·x}, {@code gradBias += Σ_rows dZ} and,
     * unless {@code gradX} is {@code null}, {@code gradX = dZ·w}, as PyTorch's {@code nn.Linear} computes them.
     * Parameter gradients accumulate, so that several batches sum into one buffer set; the caller zeroes them.
     *
     * <p><b>Experimental</b> (added for the fused fast path). The default is built from
     * {@link Activation#backward}, {@link #gemm}, {@link #sumRows(Tensor, double, Tensor)} and
     * {@link #matmul}.
     *
     * @param gradA modified: the loss's gradient with respect to {@code a} in, {@code dZ} out
     * @param gradX modified unless {@code null}: the gradient with respect to {@code x}
     * @param gradW modified: {@code dZᵀ·x} is added
     * @param gradBias modified: the column sums of {@code dZ} are added
     */
    default void denseBackward(Tensor x, Tensor w, Tensor z, Tensor a, Activation f, Tensor gradA, Tensor gradX,
                               Tensor gradW, Tensor gradBias) {
        Operands.denseBackward(this, x, w, z, a, gradA, gradX, gradW, gradBias);
        f.backward(z, a, gradA, gradA);
        gemm(1, gradA, true, x, false, 1, gradW);
        sumRows(gradA, 1, gradBias);
        if (gradX != null) {
            matmul(gradA, false, w, false, gradX);
        }
    }

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
     * Row-wise combination of two tensors: for every row {@code i}, {@code f} reads row {@code i} of
     * {@code a} and of {@code b} and writes row {@code i} of {@code out}. It is what a row-wise function's
     * backward pass needs (softmax's Jacobian-vector product reads its output and the incoming gradient
     * together) in one pass, computed in double for both dtypes and rounded once.
     *
     * <p>The default implementation copies both tensors through {@link Tensor#copyTo(double[])} and writes
     * {@code out} with {@link Tensor#assign(double[])}, so every backend has it; a backend overrides it to
     * work on its own buffers.
     *
     * @param out modified; same shape as {@code a} and {@code b}; may be either
     * @throws BackendMismatchException if an operand belongs to another backend or dtype
     * @throws ShapeMismatchException if {@code b} or {@code out} differs in shape from {@code a}
     */
    default void zipRows(Tensor a, Tensor b, RowBinaryOperator f, Tensor out) {
        // The checks of support.Operands, written out: that package depends on this one, not the reverse.
        Tensor[] operands = {a, b, out};
        String[] names = {"a", "b", "out"};
        for (int i = 0; i < operands.length; i++) {
            if (operands[i].backend() != this) {
                throw new BackendMismatchException(names[i] + ": expected a tensor of backend '" + name()
                        + "', got one of backend '" + operands[i].backend().name() + "'; copy it with "
                        + name() + ".copyOf(tensor)");
            }
            if (operands[i].dtype() != a.dtype()) {
                throw new BackendMismatchException(names[i] + ": expected dtype " + a.dtype() + " like a, got "
                        + operands[i].dtype());
            }
        }
        ShapeMismatchException.require("b", a.shape(), b.shape());
        ShapeMismatchException.require("out", a.shape(), out.shape());
        int rows = a.rows();
        int cols = a.cols();
        double[] left = new double[rows * cols];
        double[] right = new double[rows * cols];
        a.copyTo(left);
        b.copyTo(right);
        double[] rowA = new double[cols];
        double[] rowB = new double[cols];
        double[] rowOut = new double[cols];
        double[] result = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(left, r * cols, rowA, 0, cols);
            System.arraycopy(right, r * cols, rowB, 0, cols);
            f.apply(rowA, rowB, rowOut);
            System.arraycopy(rowOut, 0, result, r * cols, cols);
        }
        out.assign(result);
    }

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
     * The accumulating row sum {@code out[0][j] = Σ_i x[i][j] + beta · out[0][j]}: a backward pass adds a
     * batch's bias gradient to what is already there with {@code beta = 1}. With {@code beta = 0} it is
     * {@link #sumRows(Tensor, Tensor)} and the old contents of {@code out} are not read.
     *
     * <p><b>Experimental</b> (added for training). The default implementation allocates a temporary row for
     * {@code beta != 0}; a backend overrides it to sum in place.
     *
     * @param out modified; shape {@code (1, x.cols)}
     */
    default void sumRows(Tensor x, double beta, Tensor out) {
        if (beta == 0) {
            sumRows(x, out);
            return;
        }
        Tensor sums = zeros(out.dtype(), out.shape());
        sumRows(x, sums);
        if (beta != 1) {
            scale(out, beta, out);
        }
        addScaled(out, 1, sums, out);
    }

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

    /** A function of two rows, for {@link #zipRows}. */
    @Stability(Stability.Status.STABLE)
    @FunctionalInterface
    interface RowBinaryOperator {
        /**
         * Computes one output row from one row of each input.
         *
         * @param a the row of the first input; not modified, and only valid during the call
         * @param b the row of the second input; not modified, and only valid during the call
         * @param out the output row to fill; may be the same array as {@code a} or {@code b}, so read an
         *     element of the inputs before writing the same index
         */
        void apply(double[] a, double[] b, double[] out);
    }
}
