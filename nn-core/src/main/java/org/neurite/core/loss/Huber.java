package org.neurite.core.loss;

import java.util.Map;
import org.neurite.api.Reduction;
import org.neurite.api.support.ElementwiseLoss;
import org.neurite.core.spec.SpecValues;

/**
 * PyTorch's {@code huber_loss(delta=1.0)}: with {@code z = |p - t|}, {@code z²/2} for {@code z < delta},
 * else {@code delta·(z - delta/2)}; {@code delta > 0} (as PyTorch requires). The gradient is {@code p - t}
 * strictly inside and {@code ±delta} at and beyond {@code ±delta}, as PyTorch's backward computes it.
 */
final class Huber extends ElementwiseLoss {

    static final String NAME = "huber";
    static final String DELTA = "delta";

    private final double delta;

    Huber(Map<String, Double> parameters, Reduction reduction) {
        super(NAME, parameters, reduction);
        this.delta = SpecValues.positive("loss", NAME, parameters, DELTA);
    }

    @Override
    public double value(double p, double t) {
        double z = Math.abs(p - t);
        return z < delta ? 0.5 * z * z : delta * (z - 0.5 * delta);
    }

    @Override
    public double derivative(double p, double t) {
        double x = p - t;
        return x <= -delta ? -delta : x >= delta ? delta : x;
    }
}
