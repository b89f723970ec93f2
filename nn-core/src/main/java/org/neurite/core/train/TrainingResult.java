package org.neurite.core.train;

import org.neurite.api.Stability;
import org.neurite.core.Mlp;

/**
 * What {@link Trainer#fit} returns.
 *
 * @param model the trained model: a new {@link Mlp} (the one passed to {@code fit} is not changed),
 *     immutable and thread-safe like any other, carrying the training data's standardization if it had one,
 *     and a classifier its class names
 * @param history the metrics of every epoch
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record TrainingResult(Mlp model, History history) {
}
