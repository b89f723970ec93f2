package org.neurite.core.train;

import java.util.List;
import org.neurite.api.Stability;

/**
 * The metrics of every epoch of one training run, in order, and which epoch was best.
 *
 * @param epochs one entry per epoch trained
 * @param bestEpoch the 1-based epoch with the best monitored loss (validation loss when validated, else
 *     training loss); with early stopping's {@code restoreBest}, the returned weights are that epoch's
 * @param stoppedEarly true if early stopping ended the run before the last epoch
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record History(List<EpochMetrics> epochs, int bestEpoch, boolean stoppedEarly) {

    /** Copies the list. */
    public History {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's metrics. */
    public EpochMetrics last() {
        return epochs.get(epochs.size() - 1);
    }

    /** The best epoch's metrics. */
    public EpochMetrics best() {
        return epochs.get(bestEpoch - 1);
    }

    /** One line per epoch, then which was best. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (EpochMetrics e : epochs) {
            sb.append(e).append('\n');
        }
        return sb.append("best epoch: ").append(bestEpoch).append(stoppedEarly ? " (stopped early)" : "")
                .append('\n').toString();
    }
}
