package org.neurite.api.support;

import org.neurite.api.Backend;
import org.neurite.api.BackendMismatchException;
import org.neurite.api.DType;
import org.neurite.api.Shape;
import org.neurite.api.ShapeMismatchException;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;

/**
 * The argument checks that every {@link Backend} makes before it writes anything, in one place so that all
 * backends fail alike, with the same messages.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Operands {

    private static final String[] X_W_BIAS = {"x", "w", "bias"};
    private static final String[] X_Z_A = {"x", "z", "a"};
    private static final String[] X_W_Z = {"x", "w", "z"};
    private static final String[] X_A_GRAD_A = {"x", "a", "gradA"};
    private static final String[] GRAD_A_W_BIAS = {"gradA", "gradW", "gradBias"};
    private static final String[] X_GRAD_A_X = {"x", "gradA", "gradX"};

    private Operands() {
    }

    /**
     * Checks that every tensor belongs to {@code backend} and has the dtype of the first.
     *
     * <p>Backends call the two- and three-tensor overloads on their hot paths: they check the same and
     * allocate nothing (this varargs form allocates its array on every call unless the JIT removes it).
     *
     * @param names the argument names, parallel to {@code tensors}, for messages
     * @return the common dtype
     * @throws BackendMismatchException naming the argument that differs
     */
    public static DType sameBackendAndDtype(Backend backend, String[] names, Tensor... tensors) {
        DType dtype = null;
        for (int i = 0; i < tensors.length; i++) {
            Tensor t = tensors[i];
            check(backend, names, i, t);
            if (dtype == null) {
                dtype = t.dtype();
            } else if (t.dtype() != dtype) {
                throw dtypeMismatch(names, i, dtype, t);
            }
        }
        return dtype;
    }

    /**
     * {@link #sameBackendAndDtype(Backend, String[], Tensor...)} for two tensors, without an array.
     *
     * @param names the two argument names, for messages
     */
    public static DType sameBackendAndDtype(Backend backend, String[] names, Tensor a, Tensor b) {
        check(backend, names, 0, a);
        DType dtype = a.dtype();
        check(backend, names, 1, b);
        if (b.dtype() != dtype) {
            throw dtypeMismatch(names, 1, dtype, b);
        }
        return dtype;
    }

    /**
     * {@link #sameBackendAndDtype(Backend, String[], Tensor...)} for three tensors, without an array.
     *
     * @param names the three argument names, for messages
     */
    public static DType sameBackendAndDtype(Backend backend, String[] names, Tensor a, Tensor b, Tensor c) {
        check(backend, names, 0, a);
        DType dtype = a.dtype();
        check(backend, names, 1, b);
        if (b.dtype() != dtype) {
            throw dtypeMismatch(names, 1, dtype, b);
        }
        check(backend, names, 2, c);
        if (c.dtype() != dtype) {
            throw dtypeMismatch(names, 2, dtype, c);
        }
        return dtype;
    }

    /**
     * Checks that {@code t} is a {@code dtype} tensor of {@code backend}, for a tensor that must match what
     * its owner (a layer, a model) was built with.
     *
     * @param name the tensor, as messages name it, for example {@code layer 1 (Dense 2 -> 1, relu): input}
     * @throws BackendMismatchException naming {@code name}, what was expected and what came
     */
    public static void on(String name, Backend backend, DType dtype, Tensor t) {
        if (t.backend() != backend || t.dtype() != dtype) {
            throw new BackendMismatchException(name + ": expected a " + dtype + " tensor of backend '"
                    + backend.name() + "', got a " + t.dtype() + " tensor of backend '" + t.backend().name() + "'");
        }
    }

    private static void check(Backend backend, String[] names, int i, Tensor t) {
        if (t == null) {
            throw new NullPointerException(names[i] + ": expected a tensor, got null");
        }
        if (t.backend() != backend) {
            throw new BackendMismatchException(names[i] + ": expected a tensor of backend '" + backend.name()
                    + "', got one of backend '" + t.backend().name() + "'; copy it with "
                    + backend.name() + ".copyOf(tensor)");
        }
    }

    private static BackendMismatchException dtypeMismatch(String[] names, int i, DType expected, Tensor t) {
        return new BackendMismatchException(names[i] + ": expected dtype " + expected + " like "
                + names[0] + ", got " + t.dtype());
    }

    /**
     * Checks the arguments of {@link Backend#zeros(DType, int, int)} before anything is allocated.
     *
     * @return the shape
     * @throws NullPointerException naming {@code dtype} if it is null
     * @throws IllegalArgumentException as {@link Shape#of(int, int)}: a negative size, too many elements
     */
    public static Shape zeros(DType dtype, int rows, int cols) {
        if (dtype == null) {
            throw new NullPointerException("dtype: expected " + DType.FLOAT64 + " or " + DType.FLOAT32 + ", got null");
        }
        return Shape.of(rows, cols);
    }

    /** Checks that {@code actual} has the {@code expected} shape. */
    public static void sameShape(String name, Shape expected, Tensor actual) {
        ShapeMismatchException.require(name, expected, actual.shape());
    }

    /**
     * Checks that {@code actual} is {@code (rows, cols)}; makes a {@link Shape} only to report a mismatch.
     *
     * @throws ShapeMismatchException naming {@code name}, the expected and the actual shape
     */
    public static void shape(String name, int rows, int cols, Tensor actual) {
        Shape s = actual.shape();
        if (s.rows() != rows || s.cols() != cols) {
            ShapeMismatchException.require(name, Shape.of(rows, cols), s);
        }
    }

    /**
     * Checks the shapes of {@code out = op(a) · op(b)} and that {@code out} aliases neither input.
     *
     * @throws ShapeMismatchException naming the mismatching argument
     */
    public static void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        int m = transposeA ? a.cols() : a.rows();
        int k = transposeA ? a.rows() : a.cols();
        int kb = transposeB ? b.cols() : b.rows();
        int n = transposeB ? b.rows() : b.cols();
        if (k != kb) {
            throw new ShapeMismatchException("b: expected " + (transposeB ? "bᵀ" : "b") + " to have " + k
                    + " rows to match the columns of " + (transposeA ? "aᵀ" : "a") + " " + Shape.of(m, k)
                    + ", got " + Shape.of(kb, n));
        }
        shape("out", m, n, out);
        if (out == a || out == b) {
            throw new IllegalArgumentException("out: expected a tensor distinct from a and b, got one of them");
        }
    }

    /** Checks {@code row} is {@code (1, x.cols)} and {@code out} has the shape of {@code x}. */
    public static void rowVector(Tensor x, Tensor row, Tensor out) {
        shape("row", 1, x.cols(), row);
        shape("out", x.rows(), x.cols(), out);
    }

    /** Checks that {@code b} and {@code out} have the shape of {@code a}. */
    public static void elementwise(Tensor a, Tensor b, Tensor out) {
        ShapeMismatchException.require("b", a.shape(), b.shape());
        ShapeMismatchException.require("out", a.shape(), out.shape());
    }

    /** Checks that {@code out} is {@code (1, x.cols)}. */
    public static void sumRows(Tensor x, Tensor out) {
        shape("out", 1, x.cols(), out);
    }

    /**
     * Checks the operands of {@link org.neurite.api.Backend#denseForward}: all of {@code backend} and one
     * dtype; {@code x (batch, in)}, {@code w (out, in)}, {@code bias (1, out)}, {@code z} and
     * {@code a (batch, out)}, {@code z} and {@code a} neither {@code x} nor {@code w}.
     *
     * @return the dtype
     * @throws ShapeMismatchException naming the mismatching argument
     */
    public static DType dense(Backend backend, Tensor x, Tensor w, Tensor bias, Tensor z, Tensor a) {
        DType dtype = sameBackendAndDtype(backend, X_W_BIAS, x, w, bias);
        sameBackendAndDtype(backend, X_Z_A, x, z, a);
        int rows = x.rows();
        int out = w.rows();
        shape("w", out, x.cols(), w);
        shape("bias", 1, out, bias);
        shape("z", rows, out, z);
        shape("a", rows, out, a);
        if (z == x || z == w || a == x || a == w) {
            throw new IllegalArgumentException("z, a: expected tensors distinct from x and w, got one of them");
        }
        return dtype;
    }

    /**
     * Checks the operands of {@link org.neurite.api.Backend#denseBackward}: all of {@code backend} and one
     * dtype; the shapes of {@link #dense} for {@code x, w, z, a}, {@code gradA} as {@code z}, {@code gradW}
     * as {@code w}, {@code gradBias (1, out)}, {@code gradX} (unless {@code null}) as {@code x}.
     *
     * @return the dtype
     * @throws ShapeMismatchException naming the mismatching argument
     */
    public static DType denseBackward(Backend backend, Tensor x, Tensor w, Tensor z, Tensor a, Tensor gradA,
                                      Tensor gradX, Tensor gradW, Tensor gradBias) {
        DType dtype = sameBackendAndDtype(backend, X_W_Z, x, w, z);
        sameBackendAndDtype(backend, X_A_GRAD_A, x, a, gradA);
        sameBackendAndDtype(backend, GRAD_A_W_BIAS, gradA, gradW, gradBias);
        if (gradX != null) {
            sameBackendAndDtype(backend, X_GRAD_A_X, x, gradA, gradX);
        }
        int rows = x.rows();
        int out = w.rows();
        shape("w", out, x.cols(), w);
        shape("z", rows, out, z);
        shape("a", rows, out, a);
        shape("gradA", rows, out, gradA);
        shape("gradW", out, x.cols(), gradW);
        shape("gradBias", 1, out, gradBias);
        if (gradX != null) {
            shape("gradX", rows, x.cols(), gradX);
        }
        return dtype;
    }

    /**
     * Checks an index against a shape.
     *
     * @throws IndexOutOfBoundsException naming the index and the shape
     */
    public static void index(Shape shape, int row, int col) {
        if (row < 0 || row >= shape.rows() || col < 0 || col >= shape.cols()) {
            throw new IndexOutOfBoundsException("index (" + row + ", " + col + ") is outside shape " + shape);
        }
    }

    /**
     * Checks an array length for {@link Tensor#assign} or {@link Tensor#copyTo}.
     *
     * @param exact true when the length must equal the size, false when it must be at least that
     */
    public static void length(String name, Shape shape, int length, boolean exact) {
        long size = shape.size();
        if (exact ? length != size : length < size) {
            throw new IllegalArgumentException(name + ": expected " + (exact ? "" : "at least ") + size
                    + " values for shape " + shape + ", got " + length);
        }
    }

    /**
     * Checks the ranges of {@code Tensor.assignRange}: {@code count} elements from {@code offset} within the
     * tensor and from {@code srcOffset} within a source of {@code srcLength}.
     *
     * @throws IndexOutOfBoundsException if a range falls outside
     */
    public static void range(Shape shape, long offset, int srcLength, int srcOffset, int count) {
        java.util.Objects.checkFromIndexSize(offset, count, shape.size());
        java.util.Objects.checkFromIndexSize(srcOffset, count, srcLength);
    }
}
