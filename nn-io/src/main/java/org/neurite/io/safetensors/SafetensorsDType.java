package org.neurite.io.safetensors;

import org.neurite.api.Stability;

/**
 * The element types of a safetensors file, spelled as the file's header spells them. They are declared in
 * the reference implementation's order, which is also its order of alignment: writers lay tensors out from
 * the last constant to the first ({@link SafetensorsWriter}).
 */
@Stability(Stability.Status.EXPERIMENTAL)
public enum SafetensorsDType {
    /** A boolean, one byte. */
    BOOL(1, false),
    /** An unsigned 8-bit integer. */
    U8(1, false),
    /** A signed 8-bit integer. */
    I8(1, false),
    /** An 8-bit float with 5 exponent and 2 mantissa bits. */
    F8_E5M2(1, true),
    /** An 8-bit float with 4 exponent and 3 mantissa bits. */
    F8_E4M3(1, true),
    /** A signed 16-bit integer. */
    I16(2, false),
    /** An unsigned 16-bit integer. */
    U16(2, false),
    /** An IEEE 754 half-precision float (binary16). */
    F16(2, true),
    /** A bfloat16: the upper half of an IEEE 754 single-precision float. */
    BF16(2, true),
    /** A signed 32-bit integer. */
    I32(4, false),
    /** An unsigned 32-bit integer. */
    U32(4, false),
    /** An IEEE 754 single-precision float (binary32). */
    F32(4, true),
    /** An IEEE 754 double-precision float (binary64). */
    F64(8, true),
    /** A signed 64-bit integer. */
    I64(8, false),
    /** An unsigned 64-bit integer. */
    U64(8, false);

    private final int size;
    private final boolean isFloat;

    SafetensorsDType(int size, boolean isFloat) {
        this.size = size;
        this.isFloat = isFloat;
    }

    /** The size of one element in bytes: 1, 2, 4 or 8. */
    public int size() {
        return size;
    }

    /** Whether the type is a floating-point type (the FP8 types included, though they cannot be read yet). */
    public boolean isFloat() {
        return isFloat;
    }

    /** Whether {@link SafetensorsFile#read(String, double[], int)} decodes this type: F16, BF16, F32, F64. */
    boolean isDecodable() {
        return this == F16 || this == BF16 || this == F32 || this == F64;
    }

    /** The constant spelled {@code name} exactly, or null; never throws, for names that come from a file. */
    static SafetensorsDType byName(String name) {
        for (SafetensorsDType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
