package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * The tanh approximation of GELU, {@code z/2·(1 + tanh(u))} with {@code u = √(2/π)·(z + 0.044715·z³)}
 * (PyTorch's {@code GELU(approximate='tanh')}). It is computed as the equal {@code z·σ(2u)}: for negative
 * {@code z}, {@code 1 + tanh(u)} cancels to 0 long before the true value underflows. The derivative is
 * {@code σ(2u) + 2z·σ(2u)·σ(-2u)·u'} with {@code u' = √(2/π)·(1 + 3·0.044715·z²)}.
 */
final class GeluTanh extends ElementwiseActivation {

    private static final double SQRT_2_OVER_PI = 0.79788456080286535588;
    private static final double KAPPA = 0.044715;

    GeluTanh() {
        super("gelu_tanh");
    }

    private static double twiceInner(double z) {
        return 2.0 * SQRT_2_OVER_PI * (z + KAPPA * z * z * z);
    }

    @Override
    public double apply(double z) {
        return z * Sigmoid.sigmoid(twiceInner(z));
    }

    @Override
    public double derivative(double z) {
        double v = twiceInner(z);
        double s = Sigmoid.sigmoid(v);
        double ds = Sigmoid.sigmoidDerivative(v);
        if (ds == 0.0) {
            return s; // saturated; also avoids 0·∞ when z² overflows for a huge |z|
        }
        return s + z * ds * 2.0 * SQRT_2_OVER_PI * (1.0 + 3.0 * KAPPA * z * z);
    }
}
