package org.neurite.core.train;

import org.neurite.api.NeuriteException;
import org.neurite.api.Stability;

/**
 * Training stopped because a loss or a gradient stopped being finite (NaN or infinite): usually a
 * learning rate too large, or inputs that are not standardized. Names where it happened.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public class TrainingDivergedException extends NeuriteException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final String quantity;

    TrainingDivergedException(int epoch, int batch, String quantity, double value) {
        super("training diverged: " + (epoch > 0 ? "epoch " + epoch + ", batch " + batch : "step " + batch) + ": "
                + quantity + " is " + value + "; try a smaller learning rate, gradient clipping, or standardized inputs");
        this.epoch = epoch;
        this.batch = batch;
        this.quantity = quantity;
    }

    /** The 1-based epoch; 0 for a {@link TrainingSession#step} outside {@link Trainer#fit}. */
    public int epoch() {
        return epoch;
    }

    /** The 1-based batch within the epoch, or outside {@link Trainer#fit} the session's 1-based step. */
    public int batch() {
        return batch;
    }

    /** {@code loss}, or {@code gradient of <parameter name>}. */
    public String quantity() {
        return quantity;
    }
}
