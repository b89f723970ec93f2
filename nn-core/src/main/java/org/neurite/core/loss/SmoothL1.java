package org.neurite.core.loss;

import java.util.Map;
import org.neurite.api.Reduction;
import org.neurite.api.support.ElementwiseLoss;
import org.neurite.core.spec.SpecValues;

/**
 * PyTorch's {@code smooth_l1_loss(beta=1.0)}: with {@code z = |p - t|}, {@code z²/(2·beta)} for
 * {@code z < beta}, else {@code z - beta/2}; {@code beta >= 0}. The gradient is {@code (p - t)/beta}
 * strictly inside and {@code ±1} at and beyond {@code ±beta}, as PyTorch's backward computes it.
 *
 * <p>{@code beta = 0} is the L1 loss, as in PyTorch, whose forward then calls {@code l1_loss}; its backward
 * is still smooth L1's, which at {@code p == t} gives {@code -1} (since {@code 0 <= -0}), not L1's 0. This
 * class gives the same.
 */
final class SmoothL1 extends ElementwiseLoss {

    static final String NAME = "smooth_l1";
    static final String BETA = "beta";

    private final double beta;

    SmoothL1(Map<String, Double> parameters, Reduction reduction) {
        super(NAME, parameters, reduction);
        this.beta = SpecValues.nonNegative("loss", NAME, parameters, BETA);
    }

    @Override
    public double value(double p, double t) {
        double z = Math.abs(p - t);
        if (beta == 0) {
            return z;
        }
        return z < beta ? 0.5 * z * z / beta : z - 0.5 * beta;
    }

    @Override
    public double derivative(double p, double t) {
        double x = p - t;
        return x <= -beta ? -1.0 : x >= beta ? 1.0 : x / beta;
    }
}
