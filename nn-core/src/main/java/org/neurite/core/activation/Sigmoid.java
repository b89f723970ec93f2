package org.neurite.core.activation;

import java.util.Optional;
import org.neurite.api.ElementwiseKernel;
import org.neurite.api.support.ElementwiseActivation;

/**
 * The logistic function {@code 1 / (1 + e^-z)}, computed from {@code e^-|z|} so that it never overflows:
 * {@code sigmoid(-1000)} is 0, not a warning (the tutorial's first version overflows there).
 *
 * <p>The derivative is {@code σ(z)·σ(-z) = e^-|z| / (1 + e^-|z|)²}, not the tutorial's {@code s·(1 - s)}:
 * for {@code z = 20} the latter loses eight digits to the cancellation in {@code 1 - s}.
 */
final class Sigmoid extends ElementwiseActivation {

    private static final Optional<ElementwiseKernel> KERNEL = Optional.of(ElementwiseKernel.SIGMOID);

    Sigmoid() {
        super("sigmoid");
    }

    /** The stable logistic function, shared with the activations built on it. */
    static double sigmoid(double z) {
        return ElementwiseKernel.sigmoid(z);
    }

    /** {@code σ'(z) = σ(z)·σ(-z)}, accurate relatively in both tails. */
    static double sigmoidDerivative(double z) {
        return ElementwiseKernel.sigmoidDerivative(z);
    }

    /** {@code log(1 + e^z)} for any finite {@code z}: {@code max(z, 0) + log1p(e^-|z|)}, never overflowing. */
    static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public double apply(double z) {
        return sigmoid(z);
    }

    @Override
    public double derivative(double z) {
        return sigmoidDerivative(z);
    }

    @Override
    public Optional<ElementwiseKernel> kernel() {
        return KERNEL;
    }
}
