package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/** The identity {@code f(z) = z}, for regression outputs; also found as {@code identity}. */
final class Linear extends ElementwiseActivation {

    Linear() {
        super("linear");
    }

    @Override
    public double apply(double z) {
        return z;
    }

    @Override
    public double derivative(double z) {
        return Double.isNaN(z) ? z : 1.0; // NaN in, NaN out, as every activation
    }
}
