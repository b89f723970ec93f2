package org.neurite.core.loss;

import java.util.Map;

/**
 * Reads and checks the parameters a loss factory is given; every failure is an
 * {@link IllegalArgumentException} naming the loss, the parameter, the accepted range and the value.
 */
final class LossParams {

    private LossParams() {
    }

    /** The value of {@code name}, which must be finite and {@code > 0}. */
    static double positive(String loss, Map<String, Double> params, String name) {
        double v = value(loss, params, name);
        if (!(Double.isFinite(v) && v > 0)) {
            throw outOfRange(loss, name, "a finite number > 0", v);
        }
        return v;
    }

    /** The value of {@code name}, which must be finite and {@code >= 0}. */
    static double nonNegative(String loss, Map<String, Double> params, String name) {
        double v = value(loss, params, name);
        if (!(Double.isFinite(v) && v >= 0)) {
            throw outOfRange(loss, name, "a finite number >= 0", v);
        }
        return v;
    }

    /** The value of {@code name}, which must be in {@code [0, 1]}. */
    static double unitInterval(String loss, Map<String, Double> params, String name) {
        double v = value(loss, params, name);
        if (!(v >= 0 && v <= 1)) {
            throw outOfRange(loss, name, "a number in [0, 1]", v);
        }
        return v;
    }

    private static double value(String loss, Map<String, Double> params, String name) {
        Double v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("loss '" + loss + "': parameter '" + name
                    + "' expected a value, got none");
        }
        return v;
    }

    private static IllegalArgumentException outOfRange(String loss, String name, String range, double value) {
        return new IllegalArgumentException("loss '" + loss + "': parameter '" + name + "' expected " + range
                + ", got " + value);
    }
}
