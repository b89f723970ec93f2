package org.neurite.core.loss;

import java.util.Map;
import org.neurite.api.Reduction;
import org.neurite.api.support.ElementwiseLoss;

/**
 * The squared error {@code (p - t)²} (PyTorch's {@code mse_loss}), gradient {@code 2(p - t)}; {@code mean}
 * divides by every element.
 */
final class Mse extends ElementwiseLoss {

    static final String NAME = "mse";

    Mse(Reduction reduction) {
        super(NAME, Map.of(), reduction);
    }

    @Override
    public double value(double p, double t) {
        double d = p - t;
        return d * d;
    }

    @Override
    public double derivative(double p, double t) {
        return 2 * (p - t);
    }
}
