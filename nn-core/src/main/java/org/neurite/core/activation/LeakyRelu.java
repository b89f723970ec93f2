package org.neurite.core.activation;

import java.util.Map;
import java.util.Optional;
import org.neurite.api.ElementwiseKernel;
import org.neurite.api.support.ElementwiseActivation;
import org.neurite.core.spec.SpecValues;

/**
 * {@code z} for {@code z > 0}, else {@code alpha·z} (PyTorch's {@code LeakyReLU(negative_slope=0.01)}).
 * The derivative at the kink {@code z = 0} is {@code alpha}, as PyTorch's autograd and the tutorial give.
 */
final class LeakyRelu extends ElementwiseActivation {

    static final String NAME = "leaky_relu";

    private final double alpha;
    private final Optional<ElementwiseKernel> kernel;

    LeakyRelu(Map<String, Double> parameters) {
        super(NAME, parameters);
        this.alpha = SpecValues.finite("activation", NAME, parameters, "alpha");
        this.kernel = Optional.of(ElementwiseKernel.leakyRelu(alpha));
    }

    @Override
    public double apply(double z) {
        return ElementwiseKernel.leakyRelu(z, alpha);
    }

    @Override
    public double derivative(double z) {
        return ElementwiseKernel.leakyReluDerivative(z, alpha);
    }

    @Override
    public Optional<ElementwiseKernel> kernel() {
        return kernel;
    }
}
