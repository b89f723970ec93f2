package org.neurite.core.activation;

import java.util.Map;
import org.neurite.api.support.ElementwiseActivation;
import org.neurite.core.spec.SpecValues;

/**
 * {@code z} clamped to {@code [min, max]} (PyTorch's {@code Hardtanh(min_val=-1, max_val=1)}); {@code min}
 * must be below {@code max}. The derivative is 1 strictly inside and 0 at and beyond both bounds, as
 * PyTorch's autograd gives.
 */
final class Hardtanh extends ElementwiseActivation {

    static final String NAME = "hardtanh";

    private final double min;
    private final double max;

    Hardtanh(Map<String, Double> parameters) {
        super(NAME, parameters);
        this.min = SpecValues.finite("activation", NAME, parameters, "min");
        this.max = SpecValues.finite("activation", NAME, parameters, "max");
        if (!(min < max)) {
            throw new IllegalArgumentException("activation '" + NAME + "': parameters 'min' and 'max' expected "
                    + "min < max, got min=" + min + ", max=" + max);
        }
    }

    @Override
    public double apply(double z) {
        return z < min ? min : Math.min(z, max);
    }

    @Override
    public double derivative(double z) {
        return z > min && z < max ? 1.0 : Double.isNaN(z) ? z : 0.0;
    }
}
