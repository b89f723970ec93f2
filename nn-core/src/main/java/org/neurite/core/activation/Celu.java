package org.neurite.core.activation;

import java.util.Map;
import org.neurite.api.support.ElementwiseActivation;
import org.neurite.core.spec.SpecValues;

/**
 * Continuously differentiable ELU, {@code max(0, z) + min(0, alpha·(e^(z/alpha) - 1))} (PyTorch's
 * {@code CELU(alpha=1.0)}). {@code alpha} must be positive: a negative one would make {@code e^(z/alpha)}
 * overflow for very negative {@code z}. The derivative is continuous, 1 at {@code z = 0}.
 */
final class Celu extends ElementwiseActivation {

    static final String NAME = "celu";

    private final double alpha;

    Celu(Map<String, Double> parameters) {
        super(NAME, parameters);
        this.alpha = SpecValues.positive("activation", NAME, parameters, "alpha");
    }

    @Override
    public double apply(double z) {
        return z > 0 ? z : alpha * Math.expm1(z / alpha);
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : Math.exp(z / alpha);
    }
}
