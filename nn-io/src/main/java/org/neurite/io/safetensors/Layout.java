package org.neurite.io.safetensors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The rules on where tensors' bytes lie: each entry's size, and all entries together tiling the data section. */
final class Layout {
    private Layout() {
    }

    /**
     * The entry, once its offsets are in order and span exactly its shape's elements times its dtype's size,
     * that product computed as the reference computes it: left to right, failing on the first overflow.
     */
    static TensorInfo entry(String file, String name, SafetensorsDType dtype, long[] shape, long begin, long end) {
        if (begin > end) {
            throw new ModelFormatException(file, name, "offsets-reversed", "data_offsets [begin, end] with begin <= end",
                    "[" + begin + ", " + end + "]");
        }
        long bytes = 1;
        try {
            for (long d : shape) {
                bytes = Math.multiplyExact(bytes, d);
            }
            bytes = Math.multiplyExact(bytes, dtype.size());
        } catch (ArithmeticException e) {
            throw new ModelFormatException(file, name, "size-overflow", "shape " + shown(shape) + " x " + dtype.size()
                    + " bytes to be at most " + Long.MAX_VALUE + " bytes", "an overflow");
        }
        if (end - begin != bytes) {
            throw new ModelFormatException(file, name, "size-mismatch", "end - begin = " + bytes + " (shape "
                    + shown(shape) + " x " + dtype.size() + " bytes)", (end - begin) + " ([" + begin + ", " + end + "])");
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    /**
     * Checks that the entries, in the order of their offsets, follow each other from 0 with no hole and no
     * overlap, and that the last one ends where the data section does.
     */
    static void checkTiling(String file, List<TensorInfo> tensors, long dataLength) {
        List<TensorInfo> byOffset = new ArrayList<>(tensors);
        byOffset.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        long next = 0;
        for (TensorInfo t : byOffset) {
            if (t.begin() != next) {
                boolean hole = t.begin() > next;
                throw new ModelFormatException(file, t.name(), hole ? "offset-hole" : "offset-overlap",
                        "begin = " + next + " (where the tensors before it in offset order end)",
                        t.begin() + " (" + (hole ? "a hole of " : "an overlap of ") + Math.abs(t.begin() - next)
                                + " bytes)");
            }
            next = t.end();
        }
        if (next != dataLength) {
            throw new ModelFormatException(file, null, "data-length", "a data section of " + next
                    + " bytes (where the last tensor ends)", dataLength + " bytes (the file's size - 8 - the header's)");
        }
    }

    /** The shape as a message shows it, cut after 16 dimensions. */
    static String shown(long[] shape) {
        if (shape.length <= 16) {
            return Arrays.toString(shape);
        }
        String head = Arrays.toString(Arrays.copyOf(shape, 16));
        return head.substring(0, head.length() - 1) + ", ... (" + shape.length + " dimensions)]";
    }
}
