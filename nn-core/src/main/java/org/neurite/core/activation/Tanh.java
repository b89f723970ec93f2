package org.neurite.core.activation;

import java.util.Optional;
import org.neurite.api.ElementwiseKernel;
import org.neurite.api.support.ElementwiseActivation;

/**
 * The hyperbolic tangent; {@link Math#tanh} saturates to ±1 without overflow. The derivative
 * {@code sech²(z)} is computed as {@code 4e/(1 + e)²} with {@code e = e^-2|z|}, which keeps its relative
 * accuracy in the tails where the tutorial's {@code 1 - tanh²(z)} is 0 from {@code |z| ≈ 19} on.
 */
final class Tanh extends ElementwiseActivation {

    private static final Optional<ElementwiseKernel> KERNEL = Optional.of(ElementwiseKernel.TANH);

    Tanh() {
        super("tanh");
    }

    /** {@code sech²(z) = 1 - tanh²(z)}, accurate relatively for every z. */
    static double sech2(double z) {
        return ElementwiseKernel.tanhDerivative(z);
    }

    @Override
    public double apply(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z) {
        return sech2(z);
    }

    @Override
    public Optional<ElementwiseKernel> kernel() {
        return KERNEL;
    }
}
