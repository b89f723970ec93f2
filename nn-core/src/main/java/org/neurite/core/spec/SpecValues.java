package org.neurite.core.spec;

import java.util.Map;
import org.neurite.api.Stability;

/**
 * Reads and checks the numeric parameters a factory of the built-in activations or losses is given; every
 * failure is an {@link IllegalArgumentException} naming the kind and name of the thing made, the parameter,
 * the accepted range and the value, for example
 * {@code activation 'elu': parameter 'alpha' expected a finite number >= 0, got -1.0}.
 */
@Stability(Stability.Status.INTERNAL)
public final class SpecValues {

    private SpecValues() {
    }

    /** The value of {@code name}, which must be a finite number. */
    public static double finite(String kind, String owner, Map<String, Double> params, String name) {
        return checked(kind, owner, params, name, Double.isFinite(value(kind, owner, params, name)), "a finite number");
    }

    /** The value of {@code name}, which must be finite and {@code > 0}. */
    public static double positive(String kind, String owner, Map<String, Double> params, String name) {
        double v = value(kind, owner, params, name);
        return checked(kind, owner, params, name, Double.isFinite(v) && v > 0, "a finite number > 0");
    }

    /** The value of {@code name}, which must be finite and {@code >= 0}. */
    public static double nonNegative(String kind, String owner, Map<String, Double> params, String name) {
        double v = value(kind, owner, params, name);
        return checked(kind, owner, params, name, Double.isFinite(v) && v >= 0, "a finite number >= 0");
    }

    /** The value of {@code name}, which must be in {@code [0, 1]}. */
    public static double unitInterval(String kind, String owner, Map<String, Double> params, String name) {
        double v = value(kind, owner, params, name);
        return checked(kind, owner, params, name, v >= 0 && v <= 1, "a number in [0, 1]");
    }

    /** The exception for a value out of its range. */
    public static IllegalArgumentException outOfRange(String kind, String owner, String name, String range,
                                                      double value) {
        return new IllegalArgumentException(kind + " '" + owner + "': parameter '" + name + "' expected " + range
                + ", got " + value);
    }

    private static double checked(String kind, String owner, Map<String, Double> params, String name, boolean ok,
                                  String range) {
        double v = params.get(name);
        if (!ok) {
            throw outOfRange(kind, owner, name, range, v);
        }
        return v;
    }

    private static double value(String kind, String owner, Map<String, Double> params, String name) {
        Double v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException(kind + " '" + owner + "': parameter '" + name
                    + "' expected a value, got none");
        }
        return v;
    }
}
