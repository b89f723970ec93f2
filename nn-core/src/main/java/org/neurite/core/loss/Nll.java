package org.neurite.core.loss;

import java.util.Map;
import org.neurite.api.Reduction;
import org.neurite.api.support.LossOperands;

/**
 * PyTorch's {@code nll_loss}: the input holds log-probabilities, the target one class index per row;
 * the loss of a row is {@code -x[y]}, its gradient {@code -1} at the target and 0 elsewhere. {@code mean}
 * divides by the number of rows.
 */
final class Nll extends RowwiseLoss {

    static final String NAME = "nll";

    Nll(Reduction reduction) {
        super(NAME, Map.of(), reduction);
    }

    /** Exactly one column of class indices. */
    @Override
    public void checkTarget(int cols, int targetCols) {
        if (cols < 1 || targetCols != 1) {
            throw new IllegalArgumentException("loss '" + NAME + "': target expected 1 column (class indices) "
                    + "for a prediction of " + cols + " columns, got " + targetCols);
        }
    }

    @Override
    public double evaluate(double[] prediction, double[] target, int rows, int cols, int targetCols,
                           double[] gradient) {
        LossOperands.check(this, prediction, target, rows, cols, targetCols, gradient);
        for (int i = 0; i < rows; i++) {
            LossOperands.classIndex(this, target[i], i, cols);
        }
        boolean mean = reduction() == Reduction.MEAN;
        double atTarget = mean ? -1.0 / rows : -1.0;
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            int y = (int) target[i];
            sum -= prediction[i * cols + y];
            if (gradient != null) {
                for (int j = 0; j < cols; j++) {
                    gradient[i * cols + j] = j == y ? atTarget : 0.0;
                }
            }
        }
        return mean ? sum / rows : sum;
    }
}
