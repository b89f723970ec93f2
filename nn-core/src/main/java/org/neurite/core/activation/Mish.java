package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * {@code z·tanh(softplus(z))} (PyTorch's {@code Mish()}). With {@code E = e^z},
 * {@code tanh(log(1 + E)) = E(E + 2) / (E(E + 2) + 2)}; for {@code z > 0} the same ratio is written in
 * {@code e = e^-z} so that nothing overflows, and for {@code z <= 0} it keeps full relative accuracy where
 * the gate is tiny. The derivative is {@code w + z·sech²(softplus(z))·σ(z)} with {@code w} the gate and
 * {@code sech²} from the same closed form, never as {@code 1 - w²}.
 */
final class Mish extends ElementwiseActivation {

    Mish() {
        super("mish");
    }

    /** {@code tanh(softplus(z))}. */
    private static double gate(double z) {
        if (z <= 0) {
            double e = Math.exp(z);
            double n = e * (e + 2.0);
            return n / (n + 2.0);
        }
        double e = Math.exp(-z);
        return (1.0 + 2.0 * e) / (1.0 + 2.0 * e + 2.0 * e * e);
    }

    /** {@code sech²(softplus(z)) = 4q/(q + 1)²} with {@code q = (1 + e^z)²}. */
    private static double gateSech2(double z) {
        if (z <= 0) {
            double p = 1.0 + Math.exp(z);
            double q = p * p;
            return 4.0 * q / ((q + 1.0) * (q + 1.0));
        }
        double e = Math.exp(-z);
        double p = 1.0 + e;
        double d = p * p + e * e;
        return 4.0 * (e * p) * (e * p) / (d * d);
    }

    @Override
    public double apply(double z) {
        return z * gate(z);
    }

    @Override
    public double derivative(double z) {
        double sech2 = gateSech2(z);
        double w = gate(z);
        return sech2 == 0.0 ? w : w + z * sech2 * Sigmoid.sigmoid(z);
    }
}
