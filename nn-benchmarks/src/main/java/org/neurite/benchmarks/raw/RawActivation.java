package org.neurite.benchmarks.raw;

/**
 * The activations the raw baselines fuse into their bias loop, as small int codes so the loop branches on
 * an int rather than calling through an interface (that call is what the baselines compare against).
 * Shared by the EJML and ND4J baselines so both compute exactly the same function.
 */
final class RawActivation {

    static final int LINEAR = 0;
    static final int RELU = 1;
    static final int SIGMOID = 2;

    private RawActivation() {
    }

    /** The code of an activation name; the benchmark networks use only these three. */
    static int code(String name) {
        switch (name) {
            case "linear": return LINEAR;
            case "relu": return RELU;
            case "sigmoid": return SIGMOID;
            default: throw new IllegalArgumentException("activation: expected linear, relu or sigmoid, got " + name);
        }
    }

    /** The activation of {@code v} in double. */
    static double apply(int activation, double v) {
        return activation == RELU ? (v > 0 ? v : 0.0) : activation == SIGMOID ? sigmoid(v) : v;
    }

    /** The activation of {@code v} in float (sigmoid computed in double and rounded, as Neurite does). */
    static float apply(int activation, float v) {
        return activation == RELU ? (v > 0 ? v : 0f) : activation == SIGMOID ? (float) sigmoid(v) : v;
    }

    /** The same overflow-free logistic function as Neurite's sigmoid. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
