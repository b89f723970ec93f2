package org.neurite.core.loss;

import java.util.Map;
import org.neurite.api.Reduction;
import org.neurite.api.support.ElementwiseLoss;

/**
 * The absolute error {@code |p - t|} (PyTorch's {@code l1_loss}); gradient {@code sign(p - t)}, 0 where
 * {@code p == t} as PyTorch's autograd of {@code abs} gives.
 */
final class L1 extends ElementwiseLoss {

    static final String NAME = "l1";

    L1(Reduction reduction) {
        super(NAME, Map.of(), reduction);
    }

    @Override
    public double value(double p, double t) {
        return Math.abs(p - t);
    }

    @Override
    public double derivative(double p, double t) {
        return Math.signum(p - t);
    }
}
