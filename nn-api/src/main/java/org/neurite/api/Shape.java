package org.neurite.api;

/**
 * The immutable shape of a two-dimensional tensor: {@code (rows, cols)}.
 *
 * <p>Neurite's tensors are matrices: a batch is {@code (batch, features)}, a dense layer's weights are
 * {@code (out, in)} and a bias is {@code (1, out)}. Sizes may be zero (an empty batch) but never negative.
 * Higher ranks will come with the layers that need them, as a new factory, without changing this one.
 */
@Stability(Stability.Status.STABLE)
public final class Shape {

    /**
     * The most elements a tensor holds, on every backend: elements are indexed by an {@code int}, and the
     * JVM allocates arrays up to {@code Integer.MAX_VALUE - 8} (the JDK's own limit for growing arrays).
     */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final int rows;
    private final int cols;

    private Shape(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * The shape {@code (rows, cols)}.
     *
     * @throws IllegalArgumentException if either size is negative, or there are more than
     *         {@link #MAX_ELEMENTS} elements
     */
    public static Shape of(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(
                    "shape: expected non-negative sizes, got (" + rows + ", " + cols + ")");
        }
        if ((long) rows * cols > MAX_ELEMENTS) {
            throw new IllegalArgumentException("shape (" + rows + ", " + cols + "): expected at most "
                    + MAX_ELEMENTS + " elements per tensor, got " + (long) rows * cols);
        }
        return new Shape(rows, cols);
    }

    /** The number of rows (the batch size for activations). */
    public int rows() {
        return rows;
    }

    /** The number of columns (features). */
    public int cols() {
        return cols;
    }

    /** The number of elements, {@code rows * cols}. */
    public long size() {
        return (long) rows * cols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && ((Shape) o).rows == rows && ((Shape) o).cols == cols;
    }

    @Override
    public int hashCode() {
        return 31 * rows + cols;
    }

    /** Numpy's notation, {@code (rows, cols)}. */
    @Override
    public String toString() {
        return "(" + rows + ", " + cols + ")";
    }
}
