package org.neurite.core.activation;

import java.util.Optional;
import org.neurite.api.ElementwiseKernel;
import org.neurite.api.support.ElementwiseActivation;

/** {@code max(0, z)}; the derivative at the kink {@code z = 0} is 0, the tutorial's convention and PyTorch's. */
final class Relu extends ElementwiseActivation {

    private static final Optional<ElementwiseKernel> KERNEL = Optional.of(ElementwiseKernel.RELU);

    Relu() {
        super("relu");
    }

    @Override
    public double apply(double z) {
        return ElementwiseKernel.relu(z);
    }

    @Override
    public double derivative(double z) {
        return ElementwiseKernel.reluDerivative(z);
    }

    @Override
    public Optional<ElementwiseKernel> kernel() {
        return KERNEL;
    }
}
