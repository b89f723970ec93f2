package org.neurite.core.activation;

import java.util.Optional;
import org.neurite.api.ElementwiseKernel;
import org.neurite.api.support.ElementwiseActivation;

/** The identity {@code f(z) = z}, for regression outputs; also found as {@code identity}. */
final class Linear extends ElementwiseActivation {

    private static final Optional<ElementwiseKernel> KERNEL = Optional.of(ElementwiseKernel.LINEAR);

    Linear() {
        super("linear");
    }

    @Override
    public double apply(double z) {
        return z;
    }

    @Override
    public double derivative(double z) {
        return ElementwiseKernel.linearDerivative(z);
    }

    @Override
    public Optional<ElementwiseKernel> kernel() {
        return KERNEL;
    }
}
