package org.neurite.core.loss;

import java.util.Map;
import org.neurite.api.Reduction;
import org.neurite.api.support.ElementwiseLoss;
import org.neurite.api.support.LossOperands;

/**
 * PyTorch's {@code kl_div(input, target, log_target=False)} ({@code KLDivLoss}): input {@code x} holds
 * log-probabilities, target {@code t} probabilities ({@code t >= 0}, others are an error); each element is
 * {@code t·log t - t·x} (PyTorch's {@code xlogy(t, t) - t·x}), 0 where {@code t = 0}; gradient {@code -t}.
 *
 * <p>{@code mean} is PyTorch's {@code 'mean'}: it divides by every element, rows times columns, which is
 * not the KL divergence. PyTorch recommends {@code 'batchmean'}, the divergence per row: that is this
 * loss with {@code reduction=sum} divided by the number of rows (and its gradient likewise).
 */
final class KlDiv extends ElementwiseLoss {

    static final String NAME = "kl_div";

    KlDiv(Reduction reduction) {
        super(NAME, Map.of(), reduction);
    }

    @Override
    public double evaluate(double[] prediction, double[] target, int rows, int cols, int targetCols,
                           double[] gradient) {
        LossOperands.check(this, prediction, target, rows, cols, targetCols, gradient);
        int n = rows * targetCols;
        for (int i = 0; i < n; i++) {
            if (!(target[i] >= 0)) {
                throw new IllegalArgumentException("loss '" + NAME + "': target row " + i / targetCols
                        + ", column " + i % targetCols + " expected a probability >= 0, got " + target[i]);
            }
        }
        return super.evaluate(prediction, target, rows, cols, targetCols, gradient);
    }

    @Override
    public double value(double x, double t) {
        double xlogy = t == 0 ? 0.0 : t * Math.log(t);
        return xlogy - t * x;
    }

    @Override
    public double derivative(double x, double t) {
        return -t;
    }
}
