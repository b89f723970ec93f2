package org.neurite.core.train;

import org.neurite.api.Stability;

/**
 * Stops training when the monitored loss (the validation loss when there is a validation set, else the
 * training loss) has not improved by more than {@code minDelta} for {@code patience} epochs in a row, as
 * Keras's {@code EarlyStopping}.
 *
 * @param patience epochs without improvement to tolerate, at least 1
 * @param minDelta the least decrease that counts as an improvement, {@code >= 0}
 * @param restoreBest whether the returned model gets the weights of the best epoch rather than the last
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record EarlyStopping(int patience, double minDelta, boolean restoreBest) {

    /** Checks the arguments. */
    public EarlyStopping {
        if (patience < 1) {
            throw new IllegalArgumentException("earlyStopping: patience: expected >= 1, got " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("earlyStopping: minDelta: expected a finite value >= 0, got "
                    + minDelta);
        }
    }

    /** {@code patience} epochs, any improvement counts, the best weights restored. */
    public static EarlyStopping of(int patience) {
        return new EarlyStopping(patience, 0, true);
    }
}
