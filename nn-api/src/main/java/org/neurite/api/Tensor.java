package org.neurite.api;

/**
 * A dense, mutable, row-major matrix owned by one {@link Backend}.
 *
 * <p>A tensor is a buffer: operations on the backend write into tensors the caller supplies, so that a
 * forward pass can run without allocating (EJML's two-tier design). Values, models and layer
 * configurations are immutable; tensors are not. A tensor is not thread-safe: share it between threads
 * only for reading.
 *
 * <p>Reads and writes through this interface use {@code double}; a {@link DType#FLOAT32} tensor rounds
 * what is written to the nearest {@code float}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface Tensor {

    /** The backend that owns this tensor; only it may operate on the tensor. */
    Backend backend();

    /** The element type. */
    DType dtype();

    /** The shape {@code (rows, cols)}. */
    Shape shape();

    /** The number of rows, {@code shape().rows()}. */
    default int rows() {
        return shape().rows();
    }

    /** The number of columns, {@code shape().cols()}. */
    default int cols() {
        return shape().cols();
    }

    /**
     * One element.
     *
     * @throws IndexOutOfBoundsException naming the index and the shape
     */
    double get(int row, int col);

    /**
     * Sets one element.
     *
     * @throws IndexOutOfBoundsException naming the index and the shape
     */
    void set(int row, int col, double value);

    /**
     * Overwrites every element from a row-major array of exactly {@code rows * cols} values.
     *
     * @param rowMajor not modified
     * @throws IllegalArgumentException if the length differs (the tensor is then unchanged)
     */
    void assign(double[] rowMajor);

    /** As {@link #assign(double[])}, from floats. */
    void assign(float[] rowMajor);

    /**
     * Overwrites {@code count} elements, from row-major index {@code offset} on, with
     * {@code src[srcOffset .. srcOffset + count)}: filling a large tensor slice by slice, so that no array of
     * its whole size is needed (a model file's loader does). <b>Experimental.</b> The default goes through
     * {@link #set}; a backend overrides it with a bulk copy.
     *
     * @param src not modified
     * @throws IndexOutOfBoundsException if a range falls outside the tensor or {@code src} (nothing written)
     */
    default void assignRange(long offset, double[] src, int srcOffset, int count) {
        java.util.Objects.checkFromIndexSize(offset, count, shape().size());
        java.util.Objects.checkFromIndexSize(srcOffset, count, src.length);
        int cols = cols();
        for (int i = 0; i < count; i++) {
            long at = offset + i;
            set((int) (at / cols), (int) (at % cols), src[srcOffset + i]);
        }
    }

    /** As {@link #assignRange(long, double[], int, int)}, from floats. <b>Experimental.</b> */
    default void assignRange(long offset, float[] src, int srcOffset, int count) {
        java.util.Objects.checkFromIndexSize(offset, count, shape().size());
        java.util.Objects.checkFromIndexSize(srcOffset, count, src.length);
        int cols = cols();
        for (int i = 0; i < count; i++) {
            long at = offset + i;
            set((int) (at / cols), (int) (at % cols), src[srcOffset + i]);
        }
    }

    /**
     * Copies every element into {@code dst}, row-major, starting at index 0.
     *
     * @param dst modified; at least {@code rows * cols} long
     * @throws IllegalArgumentException if {@code dst} is too short (it is then unchanged)
     */
    void copyTo(double[] dst);

    /** As {@link #copyTo(double[])}, into floats (float64 values are rounded). */
    void copyTo(float[] dst);

    /** A new {@code double[rows][cols]} with this tensor's values. */
    default double[][] toDoubleArray() {
        double[] flat = new double[rows() * cols()];
        copyTo(flat);
        double[][] out = new double[rows()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * cols(), (r + 1) * cols());
        }
        return out;
    }

    /** A new {@code float[rows][cols]} with this tensor's values. */
    default float[][] toFloatArray() {
        float[] flat = new float[rows() * cols()];
        copyTo(flat);
        float[][] out = new float[rows()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * cols(), (r + 1) * cols());
        }
        return out;
    }
}
