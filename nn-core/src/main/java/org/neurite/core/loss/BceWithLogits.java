package org.neurite.core.loss;

import java.util.Map;
import org.neurite.api.Reduction;
import org.neurite.api.support.ElementwiseLoss;

/**
 * PyTorch's {@code binary_cross_entropy_with_logits} on logits {@code x}: with {@code m = max(-x, 0)},
 * {@code (1 - t)·x + m + log(exp(-m) + exp(-x - m))}, PyTorch's own stable form, finite for every finite
 * logit; gradient {@code sigmoid(x) - t}.
 */
final class BceWithLogits extends ElementwiseLoss {

    static final String NAME = "bce_with_logits";

    BceWithLogits(Reduction reduction) {
        super(NAME, Map.of(), reduction);
    }

    @Override
    public double value(double x, double t) {
        double m = Math.max(-x, 0);
        return (1 - t) * x + m + Math.log(Math.exp(-m) + Math.exp(-x - m));
    }

    @Override
    public double derivative(double x, double t) {
        return 1 / (1 + Math.exp(-x)) - t;
    }
}
