package org.neurite.io.safetensors;

import java.util.Arrays;
import java.util.Objects;
import org.neurite.api.Stability;

/**
 * One tensor's entry in a safetensors header: its name, element type, shape (row-major, the last index
 * fastest) and the byte range {@code [begin, end)} of its data, relative to the start of the data section.
 * The shape is copied in and out, so an instance never changes.
 *
 * @param name the tensor's name, the key of its header entry
 * @param dtype the element type
 * @param shape the dimensions, each {@code >= 0}; {@code []} for a scalar (one element)
 * @param begin the first byte of the data, relative to the data section
 * @param end one past the last byte of the data
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record TensorInfo(String name, SafetensorsDType dtype, long[] shape, long begin, long end) {

    /** Copies {@code shape}; rejects null components. */
    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
    }

    /** A copy of the shape. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The shape's rank: 0 for a scalar. */
    public int rank() {
        return shape.length;
    }

    /**
     * The number of elements, the product of the shape (1 for a scalar, 0 if a dimension is 0).
     *
     * @throws ArithmeticException if the product overflows a long (never for a tensor of an opened file)
     */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The size of the data in bytes, {@code end - begin}. */
    public long byteLength() {
        return end - begin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
    }

    @Override
    public String toString() {
        return "TensorInfo[name=" + name + ", dtype=" + dtype + ", shape=" + Arrays.toString(shape)
                + ", data_offsets=[" + begin + ", " + end + "]]";
    }
}
