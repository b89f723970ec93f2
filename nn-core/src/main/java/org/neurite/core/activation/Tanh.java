package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * The hyperbolic tangent; {@link Math#tanh} saturates to ±1 without overflow. The derivative
 * {@code sech²(z)} is computed as {@code 4e/(1 + e)²} with {@code e = e^-2|z|}, which keeps its relative
 * accuracy in the tails where the tutorial's {@code 1 - tanh²(z)} is 0 from {@code |z| ≈ 19} on.
 */
final class Tanh extends ElementwiseActivation {

    Tanh() {
        super("tanh");
    }

    /** {@code sech²(z) = 1 - tanh²(z)}, accurate relatively for every z. */
    static double sech2(double z) {
        double e = Math.exp(-2.0 * Math.abs(z));
        double d = 1.0 + e;
        return 4.0 * e / d / d;
    }

    @Override
    public double apply(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z) {
        return sech2(z);
    }
}
