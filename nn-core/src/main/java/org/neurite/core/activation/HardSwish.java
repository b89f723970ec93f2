package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * PyTorch's {@code Hardswish()}: {@code z·relu6(z + 3)/6}, that is 0 up to -3, {@code z} from 3 and
 * {@code z(z + 3)/6} between. The derivative is {@code (2z + 3)/6} on {@code [-3, 3]}, 0 below and 1 above:
 * at the kinks it takes PyTorch's autograd values, -1/2 at {@code z = -3} and 3/2 at {@code z = 3}.
 */
final class HardSwish extends ElementwiseActivation {

    HardSwish() {
        super("hard_swish");
    }

    @Override
    public double apply(double z) {
        if (z <= -3.0) {
            return 0.0;
        }
        return z >= 3.0 ? z : z * (z + 3.0) / 6.0;
    }

    @Override
    public double derivative(double z) {
        if (z < -3.0) {
            return 0.0;
        }
        return z > 3.0 ? 1.0 : (2.0 * z + 3.0) / 6.0; // NaN in, NaN out
    }
}
