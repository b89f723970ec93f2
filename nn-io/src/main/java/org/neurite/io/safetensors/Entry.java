package org.neurite.io.safetensors;

import java.nio.ByteBuffer;

/** A tensor to write: its values (a double[] or float[], kept, not copied) and how to encode them. */
final class Entry {
    final String name;
    final SafetensorsDType dtype;
    final long[] shape;
    final int length;
    private final double[] doubles;
    private final float[] floats;

    Entry(String name, SafetensorsDType dtype, long[] shape, Object values, int length) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape;
        this.length = length;
        this.doubles = values instanceof double[] d ? d : null;
        this.floats = values instanceof float[] f ? f : null;
    }

    /** Encodes values from {@code from} while they fit in {@code buf}; returns the index of the next one. */
    int encode(int from, ByteBuffer buf) {
        int to = (int) Math.min(length, from + (long) (buf.remaining() / dtype.size()));
        for (int i = from; i < to; i++) {
            switch (dtype) {
                case F64 -> buf.putDouble(value(i));
                case F32 -> buf.putFloat(doubles != null ? (float) doubles[i] : floats[i]);
                case BF16 -> buf.putShort((short) Floats.doubleToBf16(value(i)));
                case F16 -> buf.putShort((short) Floats.doubleToHalf(value(i)));
                default -> throw new IllegalStateException("not encodable: " + dtype);
            }
        }
        return to;
    }

    /** The value at {@code i} as a double, exactly. */
    private double value(int i) {
        return doubles != null ? doubles[i] : Floats.widen(floats[i]);
    }
}
