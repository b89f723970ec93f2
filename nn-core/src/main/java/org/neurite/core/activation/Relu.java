package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/** {@code max(0, z)}; the derivative at the kink {@code z = 0} is 0, the tutorial's convention and PyTorch's. */
final class Relu extends ElementwiseActivation {

    Relu() {
        super("relu");
    }

    @Override
    public double apply(double z) {
        return z <= 0 ? 0.0 : z; // not z > 0 ? z : 0, which turns NaN into 0
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : z <= 0 ? 0.0 : z; // NaN in, NaN out
    }
}
