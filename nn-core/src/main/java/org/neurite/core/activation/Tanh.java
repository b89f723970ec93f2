package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/** The hyperbolic tangent; {@link Math#tanh} saturates to ±1 without overflow. */
final class Tanh extends ElementwiseActivation {

    Tanh() {
        super("tanh");
    }

    @Override
    public double apply(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z) {
        double t = Math.tanh(z);
        return 1.0 - t * t;
    }
}
