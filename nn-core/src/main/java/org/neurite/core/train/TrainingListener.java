package org.neurite.core.train;

import org.neurite.api.Stability;

/**
 * Called by {@link Trainer#fit} on the training thread as training goes; every method does nothing by
 * default. The per-batch call takes primitives so that it allocates nothing; keep it cheap.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface TrainingListener {

    /** Before the first batch of epoch {@code epoch} (1-based) of {@code epochs}, made of {@code batches}. */
    default void onEpochStart(int epoch, int epochs, int batches) {
    }

    /** After batch {@code batch} (1-based) of {@code batches} trained, with that batch's loss. */
    default void onBatchEnd(int epoch, int batch, int batches, double loss) {
    }

    /** After an epoch and its validation. */
    default void onEpochEnd(EpochMetrics metrics) {
    }

    /** After the last epoch (or the early stop). */
    default void onTrainingEnd(History history) {
    }
}
