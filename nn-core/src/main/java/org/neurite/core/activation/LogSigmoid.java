package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * {@code log σ(z) = -softplus(-z) = min(z, 0) - log1p(e^-|z|)} (PyTorch's {@code LogSigmoid()}): never
 * {@code log} of a rounded sigmoid, so {@code log_sigmoid(-1000) = -1000} and {@code log_sigmoid(40)} is the
 * tiny {@code -4.2e-18}, not 0. The derivative is {@code σ(-z)}.
 */
final class LogSigmoid extends ElementwiseActivation {

    LogSigmoid() {
        super("log_sigmoid");
    }

    @Override
    public double apply(double z) {
        return Math.min(z, 0.0) - Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public double derivative(double z) {
        return Sigmoid.sigmoid(-z);
    }
}
