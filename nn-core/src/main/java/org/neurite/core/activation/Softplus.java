package org.neurite.core.activation;

import java.util.Map;
import org.neurite.api.support.ElementwiseActivation;
import org.neurite.core.spec.SpecValues;

/**
 * {@code log(1 + e^(beta·z)) / beta} (PyTorch's {@code Softplus(beta=1.0)}), computed as
 * {@code z + log1p(e^(-βz))/β} for {@code βz > 0} and {@code log1p(e^(βz))/β} otherwise, so it never
 * overflows and needs no cut-off: {@code softplus(1000) = 1000} exactly and {@code softplus(-1000) = e^-1000}
 * (0 in double). Unlike PyTorch it has no {@code threshold} above which it switches to the identity; the
 * stable form is exact there anyway. The derivative is {@code σ(βz)}. {@code beta} must be positive.
 */
final class Softplus extends ElementwiseActivation {

    static final String NAME = "softplus";

    private final double beta;

    Softplus(Map<String, Double> parameters) {
        super(NAME, parameters);
        this.beta = SpecValues.positive("activation", NAME, parameters, "beta");
    }

    @Override
    public double apply(double z) {
        double bz = beta * z;
        if (bz > 0) {
            return z + Math.log1p(Math.exp(-bz)) / beta;
        }
        return Math.log1p(Math.exp(bz)) / beta;
    }

    @Override
    public double derivative(double z) {
        return Sigmoid.sigmoid(beta * z);
    }
}
