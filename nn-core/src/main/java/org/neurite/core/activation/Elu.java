package org.neurite.core.activation;

import java.util.Map;
import org.neurite.api.support.ElementwiseActivation;
import org.neurite.core.spec.SpecValues;

/**
 * {@code z} for {@code z > 0}, else {@code alpha·(e^z - 1)} (PyTorch's {@code ELU(alpha=1.0)}), with
 * {@code expm1} so that small negative inputs keep their digits and {@code e^z} only ever sees {@code z <= 0}.
 * The derivative at {@code z = 0} is {@code alpha·e^0 = alpha}, PyTorch's convention (the left-hand one).
 */
final class Elu extends ElementwiseActivation {

    static final String NAME = "elu";

    private final double alpha;

    Elu(Map<String, Double> parameters) {
        super(NAME, parameters);
        this.alpha = SpecValues.nonNegative("activation", NAME, parameters, "alpha");
    }

    @Override
    public double apply(double z) {
        return z > 0 ? z : alpha * Math.expm1(z);
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : alpha * Math.exp(z);
    }
}
