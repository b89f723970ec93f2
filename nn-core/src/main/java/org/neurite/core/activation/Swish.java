package org.neurite.core.activation;

import java.util.Map;
import org.neurite.api.support.ElementwiseActivation;
import org.neurite.core.spec.SpecValues;

/**
 * {@code z·σ(beta·z)}: registered as {@code swish(beta=1.0)} and, with {@code beta} fixed at 1 and no
 * parameter, as {@code silu} (PyTorch's {@code SiLU()}). The derivative is
 * {@code σ(βz)·(1 + βz·σ(-βz))}, PyTorch's form, with both sigmoids computed stably rather than one as
 * {@code 1 - σ}.
 */
final class Swish extends ElementwiseActivation {

    static final String NAME = "swish";
    static final String SILU = "silu";

    private final double beta;

    /** {@code swish(beta=...)}. */
    Swish(Map<String, Double> parameters) {
        super(NAME, parameters);
        this.beta = SpecValues.finite("activation", NAME, parameters, "beta");
    }

    /** {@code silu}: swish at {@code beta = 1}, without parameters. */
    Swish() {
        super(SILU);
        this.beta = 1.0;
    }

    @Override
    public double apply(double z) {
        return z * Sigmoid.sigmoid(beta * z);
    }

    @Override
    public double derivative(double z) {
        double bz = beta * z;
        double s = Sigmoid.sigmoid(bz);
        double sNeg = Sigmoid.sigmoid(-bz);
        if (s == 0.0 || sNeg == 0.0) {
            return s; // saturated (|βz| > 745): the product term underflows, and βz may be infinite
        }
        return s * (1.0 + bz * sNeg);
    }
}
