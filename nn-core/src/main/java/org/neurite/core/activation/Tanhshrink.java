package org.neurite.core.activation;

import org.neurite.api.support.ElementwiseActivation;

/**
 * {@code z - tanh(z)} (PyTorch's {@code Tanhshrink()}), with derivative {@code tanh²(z)}. For
 * {@code |z| < 1/4} the difference would cancel (at {@code z = 1e-8} it is {@code z³/3 ≈ 3.3e-25} while both
 * terms are 1e-8), so there it is the Taylor series {@code z³/3 - 2z⁵/15 + 17z⁷/315 - ...}, whose terms
 * shrink by a factor of at least 40 each.
 */
final class Tanhshrink extends ElementwiseActivation {

    private static final double SERIES_LIMIT = 0.25;
    /** The coefficients of z³, z⁵, ..., z²⁵ in z - tanh(z): -2^2n (2^2n - 1) B_2n / (2n)! for n = 2..13. */
    private static final double[] SERIES = {
        1.0 / 3.0, -2.0 / 15.0, 17.0 / 315.0, -62.0 / 2835.0, 1382.0 / 155925.0, -21844.0 / 6081075.0,
        929569.0 / 638512875.0, -6404582.0 / 10854718875.0, 443861162.0 / 1856156927625.0,
        -18888466084.0 / 194896477400625.0, 113927491862.0 / 2900518163668125.0,
        -1.5918905069328964e-05};

    Tanhshrink() {
        super("tanhshrink");
    }

    @Override
    public double apply(double z) {
        if (Math.abs(z) >= SERIES_LIMIT) {
            return z - Math.tanh(z);
        }
        double z2 = z * z;
        double sum = SERIES[SERIES.length - 1];
        for (int i = SERIES.length - 2; i >= 0; i--) {
            sum = sum * z2 + SERIES[i];
        }
        return sum * z2 * z;
    }

    @Override
    public double derivative(double z) {
        double t = Math.tanh(z);
        return t * t;
    }
}
