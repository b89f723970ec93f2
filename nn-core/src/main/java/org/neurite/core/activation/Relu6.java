package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * {@code min(max(0, z), 6)} (PyTorch's {@code ReLU6()}). The derivative is 1 strictly between the kinks
 * and 0 at both {@code z = 0} and {@code z = 6}, as PyTorch's autograd gives (ReLU6 is its
 * {@code hardtanh(0, 6)}).
 */
final class Relu6 extends ElementwiseActivation {

    Relu6() {
        super("relu6");
    }

    @Override
    public double apply(double z) {
        return z <= 0 ? 0.0 : Math.min(z, 6.0); // NaN in, NaN out
    }

    @Override
    public double derivative(double z) {
        return z > 0 && z < 6.0 ? 1.0 : Double.isNaN(z) ? z : 0.0;
    }
}
