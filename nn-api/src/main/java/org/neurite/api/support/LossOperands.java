package org.neurite.api.support;

import org.neurite.api.Loss;
import org.neurite.api.Stability;

/**
 * The argument checks of {@link Loss#evaluate}, for implementers of losses (as {@link Operands} is for
 * backends): every failure is an {@link IllegalArgumentException} naming the loss, the argument, what
 * was expected and what was given. Allocates nothing unless it throws.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class LossOperands {

    private LossOperands() {
    }

    /**
     * Checks the shapes given to {@link Loss#evaluate}: {@code rows >= 1}, {@code cols >= 1},
     * {@link Loss#checkTarget}, {@code prediction.length == rows·cols}, {@code target.length ==
     * rows·targetCols}, and a {@code gradient} that is {@code null} or of {@code rows·cols} elements and
     * neither of the inputs.
     */
    public static void check(Loss loss, double[] prediction, double[] target, int rows, int cols, int targetCols,
                             double[] gradient) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("loss '" + loss.name() + "': expected rows >= 1 and cols >= 1, got rows="
                    + rows + ", cols=" + cols);
        }
        loss.checkTarget(cols, targetCols);
        if (prediction == null || target == null) {
            throw new IllegalArgumentException("loss '" + loss.name() + "': expected a prediction and a target, got "
                    + (prediction == null ? "prediction null" : "target null"));
        }
        long size = (long) rows * cols;
        length(loss, "prediction", prediction, size, rows, cols);
        length(loss, "target", target, (long) rows * targetCols, rows, targetCols);
        if (gradient != null) {
            length(loss, "gradient", gradient, size, rows, cols);
            if (gradient == prediction || gradient == target) {
                throw new IllegalArgumentException("loss '" + loss.name()
                        + "': gradient expected an array of its own, got the same array as the "
                        + (gradient == prediction ? "prediction" : "target"));
            }
        }
    }

    /**
     * The class index that {@code value} (target row {@code row}) stores: an integer in {@code [0, cols)}.
     *
     * @throws IllegalArgumentException naming the loss, the row and the value otherwise
     */
    public static int classIndex(Loss loss, double value, int row, int cols) {
        if (!(value >= 0 && value < cols && value == Math.rint(value))) {
            throw new IllegalArgumentException("loss '" + loss.name() + "': target row " + row
                    + " expected a class index, an integer in [0, " + cols + "), got " + value);
        }
        return (int) value;
    }

    private static void length(Loss loss, String what, double[] array, long expected, int rows, int cols) {
        if (array.length != expected) {
            throw new IllegalArgumentException("loss '" + loss.name() + "': " + what + " expected length "
                    + rows + "*" + cols + " = " + expected + ", got " + array.length);
        }
    }
}
