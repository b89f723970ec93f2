package org.neurite.tck;

import org.neurite.api.DType;
import org.neurite.api.Stability;

/**
 * One tolerance per dtype, after EJML's {@code UtilEjml.TEST_F64}/{@code TEST_F32}: the largest relative
 * error (with an absolute floor of the same size near zero) that a backend may show against the reference.
 */
@Stability(Stability.Status.STABLE)
public final class Tolerances {

    /** For float64 results. */
    public static final double FLOAT64 = 1e-10;
    /** For float32 results: a few units in the last place of a float after a sum of dozens of terms. */
    public static final double FLOAT32 = 5e-5;

    private Tolerances() {
    }

    /** The tolerance of {@code dtype}. */
    public static double of(DType dtype) {
        return dtype == DType.FLOAT64 ? FLOAT64 : FLOAT32;
    }

    /** True when {@code actual} is within {@code tolerance} of {@code expected}, relatively or absolutely. */
    public static boolean close(double expected, double actual, double tolerance) {
        if (expected == actual) {
            return true;
        }
        double diff = Math.abs(expected - actual);
        return diff <= tolerance * Math.max(1.0, Math.abs(expected));
    }
}
