package org.neurite.io.safetensors;

/**
 * Conversions between the 16-bit float formats and Java's floats, all exact or correctly rounded, NaN
 * payloads kept (never quieted): half and bfloat16 widen exactly; narrowing rounds once, to nearest, ties to
 * even, overflowing to infinity.
 */
final class Floats {
    private static final long DOUBLE_MANTISSA = (1L << 52) - 1;

    private Floats() {
    }

    /** The IEEE 754 binary16 value with the low 16 bits of {@code h}, exactly. */
    static double halfToDouble(int h) {
        long sign = (long) (h & 0x8000) << 48;
        int exp = (h >>> 10) & 0x1f;
        long mant = h & 0x3ff;
        if (exp == 0) {
            double v = mant * 0x1p-24;
            return sign != 0 ? -v : v;
        }
        if (exp == 0x1f) {
            return Double.longBitsToDouble(sign | 0x7ffL << 52 | mant << 42);
        }
        return Double.longBitsToDouble(sign | (long) (exp - 15 + 1023) << 52 | mant << 42);
    }

    /** The IEEE 754 binary16 value with the low 16 bits of {@code h}, exactly. */
    static float halfToFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mant << 13);
        }
        return Float.intBitsToFloat(sign | (exp - 15 + 127) << 23 | mant << 13);
    }

    /** The bfloat16 value with the low 16 bits of {@code b}, exactly. */
    static float bf16ToFloat(int b) {
        return Float.intBitsToFloat(b << 16);
    }

    /** The float with raw bits {@code bits} as a double, exactly, a NaN's payload kept as the top mantissa bits. */
    static double floatBitsToDouble(int bits) {
        if ((bits & 0x7f800000) == 0x7f800000 && (bits & 0x7fffff) != 0) {
            return Double.longBitsToDouble((long) (bits >>> 31) << 63 | 0x7ffL << 52 | (long) (bits & 0x7fffff) << 29);
        }
        return Float.intBitsToFloat(bits);
    }

    /** {@code f} as a double, exactly, a NaN's payload kept. */
    static double widen(float f) {
        return floatBitsToDouble(Float.floatToRawIntBits(f));
    }

    /** The binary16 bits nearest {@code d} (ties to even; a NaN keeps its payload's top bits and stays a NaN). */
    static int doubleToHalf(double d) {
        return narrow(d, 5, 10);
    }

    /** The bfloat16 bits nearest {@code d} (ties to even; a NaN keeps its payload's top bits and stays a NaN). */
    static int doubleToBf16(double d) {
        return narrow(d, 8, 7);
    }

    /** The bits of the float format with {@code e} exponent and {@code m} mantissa bits nearest {@code d}. */
    private static int narrow(double d, int e, int m) {
        long bits = Double.doubleToRawLongBits(d);
        int sign = (int) (bits >>> 63) << (e + m);
        int infinity = ((1 << e) - 1) << m;
        long mant = bits & DOUBLE_MANTISSA;
        int exp = (int) (bits >>> 52) & 0x7ff;
        if (exp == 0x7ff) {
            if (mant == 0) {
                return sign | infinity;
            }
            int payload = (int) (mant >>> (52 - m));
            return sign | infinity | (payload != 0 ? payload : 1 << (m - 1));
        }
        if (exp == 0) {
            return sign; // a double zero or subnormal is below half of any 16-bit format's smallest subnormal
        }
        int bias = (1 << (e - 1)) - 1;
        int unbiased = exp - 1023;
        long significand = mant | 1L << 52;
        if (unbiased >= 1 - bias) {
            long rounded = shiftRoundingToEven(significand, 52 - m);
            long result = ((long) (unbiased + bias - 1) << m) + rounded; // a carry out of the mantissa bumps the exponent
            return sign | (int) Math.min(result, infinity);
        }
        return sign | (int) shiftRoundingToEven(significand, 52 - m + (1 - bias - unbiased));
    }

    /** {@code v >>> s} rounded to nearest, ties to even; {@code v < 2^53}. */
    private static long shiftRoundingToEven(long v, int s) {
        if (s >= 64) {
            return 0;
        }
        long q = v >>> s;
        long rem = v & ((1L << s) - 1);
        long half = 1L << (s - 1);
        if (rem > half || rem == half && (q & 1) == 1) {
            q++;
        }
        return q;
    }
}
