package org.neurite.core.loss;

import java.util.Map;
import org.neurite.api.Reduction;
import org.neurite.api.support.LossOperands;
import org.neurite.core.spec.SpecValues;

/**
 * PyTorch 1.13's {@code cross_entropy(label_smoothing=0.0)} on logits, through a stable log-softmax
 * ({@code x - max - log Σ exp(x - max)}, finite for logits of ±1000), with either target kind:
 *
 * <ul>
 *   <li><b>class indices</b> (one column, {@code cols >= 2}): {@code -(1 - ε)·log_softmax(x)[y]
 *       - (ε / C)·Σ_j log_softmax(x)_j} per row, where {@code ε} is the label smoothing and {@code C}
 *       the number of classes; PyTorch reduces the two terms separately and adds them, as here;</li>
 *   <li><b>probabilities</b> (the prediction's shape; any finite values, rows need not sum to 1):
 *       {@code -Σ_j t'_j·log_softmax(x)_j} per row with {@code t' = t·(1 - ε) + ε / C}.</li>
 * </ul>
 *
 * {@code mean} divides by the number of rows for both kinds. The gradient is what PyTorch's autograd gives:
 * with {@code g} the gradient with respect to the log-softmax, {@code g - softmax(x)·Σ_j g_j}.
 */
final class CrossEntropy extends RowwiseLoss {

    static final String NAME = "cross_entropy";
    static final String LABEL_SMOOTHING = "label_smoothing";

    private final double smoothing;

    CrossEntropy(Map<String, Double> parameters, Reduction reduction) {
        super(NAME, parameters, reduction);
        this.smoothing = SpecValues.unitInterval("loss", NAME, parameters, LABEL_SMOOTHING);
    }

    /** One column of class indices when {@code cols >= 2}, or probabilities of the prediction's width. */
    @Override
    public void checkTarget(int cols, int targetCols) {
        if (cols < 1 || !(targetCols == cols || (targetCols == 1 && cols >= 2))) {
            throw new IllegalArgumentException("loss '" + NAME + "': target expected 1 column (class indices, "
                    + "with at least 2 classes) or " + cols + " (probabilities, the prediction's width) for a "
                    + "prediction of " + cols + " columns, got " + targetCols);
        }
    }

    @Override
    public double evaluate(double[] prediction, double[] target, int rows, int cols, int targetCols,
                           double[] gradient) {
        LossOperands.check(this, prediction, target, rows, cols, targetCols, gradient);
        if (targetCols == 1 && cols >= 2) {
            // Every index first, so that a bad one leaves the gradient untouched.
            for (int i = 0; i < rows; i++) {
                LossOperands.classIndex(this, target[i], i, cols);
            }
            return indices(prediction, target, rows, cols, gradient);
        }
        return probabilities(prediction, target, rows, cols, gradient);
    }

    private double indices(double[] x, double[] target, int rows, int cols, double[] gradient) {
        boolean mean = reduction() == Reduction.MEAN;
        double perClass = smoothing / cols;
        // The gradient with respect to the log-softmax: PyTorch's nll_loss backward gives -(1 - ε)/N at the
        // target, the smoothing term's mean and negated sum -(ε / C)/N everywhere (N = 1 for sum).
        double atTarget = mean ? -(1 - smoothing) / rows : -(1 - smoothing);
        double everywhere = smoothing > 0 ? (mean ? -(perClass / rows) : -perClass) : 0.0;
        double nll = 0;
        double smooth = 0;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double max = max(x, base, cols);
            double logSum = logSumExp(x, base, cols, max);
            int y = (int) target[i];
            nll -= (x[base + y] - max) - logSum;
            if (smoothing > 0) {
                double rowSum = 0;
                for (int j = 0; j < cols; j++) {
                    rowSum += (x[base + j] - max) - logSum;
                }
                smooth -= rowSum;
            }
            if (gradient != null) {
                double gSum = 0;
                for (int j = 0; j < cols; j++) {
                    gSum += j == y ? atTarget + everywhere : everywhere;
                }
                for (int j = 0; j < cols; j++) {
                    double g = j == y ? atTarget + everywhere : everywhere;
                    gradient[base + j] = g - Math.exp((x[base + j] - max) - logSum) * gSum;
                }
            }
        }
        if (mean) {
            nll /= rows;
            smooth /= rows;
        }
        return smoothing > 0 ? (1 - smoothing) * nll + smooth * perClass : nll;
    }

    private double probabilities(double[] x, double[] t, int rows, int cols, double[] gradient) {
        boolean mean = reduction() == Reduction.MEAN;
        double perClass = smoothing / cols;
        double scale = mean ? -(1.0 / rows) : -1.0;
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double max = max(x, base, cols);
            double logSum = logSumExp(x, base, cols, max);
            double gSum = 0;
            for (int j = 0; j < cols; j++) {
                double tj = smoothed(t[base + j], perClass);
                sum += ((x[base + j] - max) - logSum) * tj;
                gSum += scale * tj;
            }
            if (gradient != null) {
                for (int j = 0; j < cols; j++) {
                    double g = scale * smoothed(t[base + j], perClass);
                    gradient[base + j] = g - Math.exp((x[base + j] - max) - logSum) * gSum;
                }
            }
        }
        return mean ? -sum / rows : -sum;
    }

    private double smoothed(double t, double perClass) {
        return smoothing > 0 ? t * (1 - smoothing) + perClass : t;
    }

    private static double max(double[] x, int base, int cols) {
        double max = x[base];
        for (int j = 1; j < cols; j++) {
            max = Math.max(max, x[base + j]);
        }
        return max;
    }

    /** {@code log Σ exp(x - max)} over one row. */
    private static double logSumExp(double[] x, int base, int cols, double max) {
        double s = 0;
        for (int j = 0; j < cols; j++) {
            s += Math.exp(x[base + j] - max);
        }
        return Math.log(s);
    }
}
