package org.neurite.core.train;

import org.neurite.api.Stability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ready-made {@link TrainingListener}s. */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private Progress() {
    }

    /**
     * Logs through SLF4J (logger {@code org.neurite.core.train.Trainer}): each epoch's metrics at INFO,
     * each batch's loss at DEBUG, and the best epoch at the end.
     */
    public static TrainingListener toLog() {
        return new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, int batches, double loss) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("epoch {} batch {}/{}: loss={}", epoch, batch, batches, loss);
                }
            }

            @Override
            public void onEpochEnd(EpochMetrics metrics) {
                LOG.info("{}", metrics);
            }

            @Override
            public void onTrainingEnd(History history) {
                LOG.info("best epoch: {}{}", history.bestEpoch(), history.stoppedEarly() ? " (stopped early)" : "");
            }
        };
    }
}
