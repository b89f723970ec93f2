package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/** {@code z / (1 + |z|)} (PyTorch's {@code Softsign()}), with derivative {@code 1 / (1 + |z|)²}. */
final class Softsign extends ElementwiseActivation {

    Softsign() {
        super("softsign");
    }

    @Override
    public double apply(double z) {
        return z / (1.0 + Math.abs(z));
    }

    @Override
    public double derivative(double z) {
        double d = 1.0 + Math.abs(z);
        return 1.0 / d / d; // not 1/(d·d): d·d overflows from |z| ≈ 1.3e154 while the result is still normal
    }
}
