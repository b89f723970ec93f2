package org.neurite.core.loss;

import java.util.Map;
import org.neurite.api.Reduction;
import org.neurite.api.support.ElementwiseLoss;
import org.neurite.api.support.LossOperands;

/**
 * PyTorch's {@code binary_cross_entropy} on probabilities {@code p} in {@code [0, 1]} (others are an
 * error, as in PyTorch): {@code (t - 1)·max(log(1 - p), -100) - t·max(log p, -100)}, each log clamped at
 * -100 so that {@code p} exactly 0 or 1 gives a finite loss. The gradient is PyTorch's backward,
 * {@code (p - t) / max((1 - p)·p, ε)}, where {@code ε} is PyTorch's {@code float} constant {@code 1e-12}
 * (9.9999999600419720025e-13 as a double); finite at 0 and 1 too.
 */
final class Bce extends ElementwiseLoss {

    static final String NAME = "bce";

    /** PyTorch's {@code EPSILON}, declared {@code float} in its source, hence not exactly 1e-12. */
    private static final double EPSILON = 1e-12f;

    Bce(Reduction reduction) {
        super(NAME, Map.of(), reduction);
    }

    @Override
    public double evaluate(double[] prediction, double[] target, int rows, int cols, int targetCols,
                           double[] gradient) {
        LossOperands.check(this, prediction, target, rows, cols, targetCols, gradient);
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            double p = prediction[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("loss '" + NAME + "': prediction row " + i / cols
                        + ", column " + i % cols + " expected a probability in [0, 1], got " + p);
            }
        }
        return super.evaluate(prediction, target, rows, cols, targetCols, gradient);
    }

    @Override
    public double value(double p, double t) {
        return (t - 1) * Math.max(Math.log(1 - p), -100.0) - t * Math.max(Math.log(p), -100.0);
    }

    @Override
    public double derivative(double p, double t) {
        return (p - t) / Math.max((1 - p) * p, EPSILON);
    }
}
