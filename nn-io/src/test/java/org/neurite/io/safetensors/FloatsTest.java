package org.neurite.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Every half and bfloat16 pattern widens exactly and narrows back to itself, and every midpoint between two
 * neighbours (and the doubles just either side of it) rounds to nearest, ties to even: the writer's rounding
 * checked exhaustively, not against itself.
 */
class FloatsTest {

    @Test
    void halfRoundTripsAndRoundsToNearestEven() {
        for (int h = 0; h < 0x10000; h++) {
            double d = Floats.halfToDouble(h);
            assertEquals(Float.floatToRawIntBits(Floats.halfToFloat(h)), Double.isNaN(d)
                    ? Float.floatToRawIntBits(Floats.halfToFloat(h)) : Float.floatToRawIntBits((float) d));
            assertEquals(h, Floats.doubleToHalf(d), Integer.toHexString(h));
            if ((h & 0x7fff) < 0x7bff) { // a finite neighbour above in magnitude
                checkMidpoint(h, d, Floats.halfToDouble(h + 1), Floats::doubleToHalf);
            }
        }
        assertEquals(0x7c00, Floats.doubleToHalf(65520.0)); // the midpoint to the next binade: infinity
        assertEquals(0x7bff, Floats.doubleToHalf(Math.nextDown(65520.0)));
        assertEquals(0x0000, Floats.doubleToHalf(0x1p-25)); // half the smallest subnormal: ties to even, 0
        assertEquals(0x0001, Floats.doubleToHalf(Math.nextUp(0x1p-25)));
        assertEquals(0x8000, Floats.doubleToHalf(-Double.MIN_VALUE));
        assertEquals(0x7e00, Floats.doubleToHalf(Double.NaN));
    }

    @Test
    void bfloat16RoundTripsAndRoundsToNearestEven() {
        for (int b = 0; b < 0x10000; b++) {
            double d = Floats.floatBitsToDouble(b << 16);
            assertEquals(b, Floats.doubleToBf16(d), Integer.toHexString(b));
            if ((b & 0x7fff) < 0x7f7f) {
                checkMidpoint(b, d, Floats.floatBitsToDouble((b + 1) << 16), Floats::doubleToBf16);
            }
        }
        assertEquals(0x7f80, Floats.doubleToBf16(Double.MAX_VALUE));
        assertEquals(0x7fc0, Floats.doubleToBf16(Double.NaN));
    }

    private static void checkMidpoint(int bits, double lo, double hi, java.util.function.DoubleToIntFunction narrow) {
        double mid = lo + (hi - lo) / 2; // exact: both are 16-bit formats' values, far inside double's range
        int even = (bits & 1) == 0 ? bits : bits + 1;
        assertEquals(even, narrow.applyAsInt(mid), "midpoint above " + Integer.toHexString(bits));
        boolean negative = (bits & 0x8000) != 0;
        assertEquals(bits, narrow.applyAsInt(negative ? Math.nextUp(mid) : Math.nextDown(mid)));
        assertEquals(bits + 1, narrow.applyAsInt(negative ? Math.nextDown(mid) : Math.nextUp(mid)));
    }
}
