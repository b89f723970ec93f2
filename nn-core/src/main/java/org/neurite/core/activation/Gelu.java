package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * The exact Gaussian error linear unit {@code z·Φ(z)} (PyTorch's {@code GELU()}), with the normal
 * distribution function from {@link ErrorFunction}: accurate to a few units in the last place, including the
 * lower tail ({@code gelu(-37) ≈ -2.1e-298}) where {@code 1 + erf(z/√2)} would cancel to 0. The derivative
 * is {@code Φ(z) + z·φ(z)}.
 */
final class Gelu extends ElementwiseActivation {

    Gelu() {
        super("gelu");
    }

    @Override
    public double apply(double z) {
        return z * ErrorFunction.cdf(z);
    }

    @Override
    public double derivative(double z) {
        return ErrorFunction.cdf(z) + z * ErrorFunction.pdf(z);
    }
}
