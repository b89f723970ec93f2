package org.neurite.core.activation;

import java.util.Map;

/**
 * Reads and checks the parameters an {@link org.neurite.api.spi.ActivationFactory} is given; every failure
 * is an {@link IllegalArgumentException} naming the activation, the parameter, the accepted range and the
 * value.
 */
final class Params {

    private Params() {
    }

    /** The value of {@code name}, which must be a finite number. */
    static double finite(String activation, Map<String, Double> params, String name) {
        double v = value(activation, params, name);
        if (!Double.isFinite(v)) {
            throw outOfRange(activation, name, "a finite number", v);
        }
        return v;
    }

    /** The value of {@code name}, which must be finite and {@code > 0}. */
    static double positive(String activation, Map<String, Double> params, String name) {
        double v = value(activation, params, name);
        if (!(Double.isFinite(v) && v > 0)) {
            throw outOfRange(activation, name, "a finite number > 0", v);
        }
        return v;
    }

    /** The value of {@code name}, which must be finite and {@code >= 0}. */
    static double nonNegative(String activation, Map<String, Double> params, String name) {
        double v = value(activation, params, name);
        if (!(Double.isFinite(v) && v >= 0)) {
            throw outOfRange(activation, name, "a finite number >= 0", v);
        }
        return v;
    }

    private static double value(String activation, Map<String, Double> params, String name) {
        Double v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("activation '" + activation + "': parameter '" + name
                    + "' expected a value, got none");
        }
        return v;
    }

    static IllegalArgumentException outOfRange(String activation, String name, String range, double value) {
        return new IllegalArgumentException("activation '" + activation + "': parameter '" + name
                + "' expected " + range + ", got " + value);
    }
}
