package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * The logistic function {@code 1 / (1 + e^-z)}, computed from {@code e^-|z|} so that it never overflows:
 * {@code sigmoid(-1000)} is 0, not a warning (the tutorial's first version overflows there).
 */
final class Sigmoid extends ElementwiseActivation {

    Sigmoid() {
        super("sigmoid");
    }

    /** The stable logistic function, shared with the activations built on it. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    @Override
    public double apply(double z) {
        return sigmoid(z);
    }

    @Override
    public double derivative(double z) {
        double s = sigmoid(z);
        return s * (1.0 - s);
    }
}
