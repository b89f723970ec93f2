package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * Scaled ELU, {@code λ·z} for {@code z > 0}, else {@code λ·α·(e^z - 1)}, with Klambauer et al.'s constants
 * as PyTorch spells them. The derivative at {@code z = 0} is {@code λ·α}, PyTorch's (left-hand) value.
 */
final class Selu extends ElementwiseActivation {

    /** λ, PyTorch's {@code scale}. */
    static final double SCALE = 1.0507009873554804934193349852946;
    /** α, PyTorch's {@code alpha}. */
    static final double ALPHA = 1.6732632423543772848170429916717;

    Selu() {
        super("selu");
    }

    @Override
    public double apply(double z) {
        return z > 0 ? SCALE * z : SCALE * ALPHA * Math.expm1(z);
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? SCALE : SCALE * ALPHA * Math.exp(z);
    }
}
