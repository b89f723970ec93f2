package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * PyTorch's {@code Hardsigmoid()}: {@code relu6(z + 3) / 6}, that is 0 up to -3, 1 from 3, linear between.
 * The derivative is 1/6 strictly between -3 and 3 and 0 at and beyond them, as PyTorch's autograd gives.
 */
final class HardSigmoid extends ElementwiseActivation {

    HardSigmoid() {
        super("hard_sigmoid");
    }

    @Override
    public double apply(double z) {
        if (z <= -3.0) {
            return 0.0;
        }
        // (z + 3)/6 rather than z/6 + 1/2: near z = -3 the sum is exact, the difference would cancel.
        return z >= 3.0 ? 1.0 : (z + 3.0) / 6.0;
    }

    @Override
    public double derivative(double z) {
        return z > -3.0 && z < 3.0 ? 1.0 / 6.0 : Double.isNaN(z) ? z : 0.0;
    }
}
