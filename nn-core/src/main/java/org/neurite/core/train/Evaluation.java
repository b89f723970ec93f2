package org.neurite.core.train;

import org.neurite.api.Stability;

/**
 * A model's scores on a data set ({@link Trainer#evaluate}); a metric that does not apply is {@code NaN}.
 *
 * @param loss the mean loss per sample
 * @param accuracy the share of samples classified right (classification)
 * @param mse the mean squared error per output (regression)
 * @param mae the mean absolute error per output (regression)
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record Evaluation(double loss, double accuracy, double mse, double mae) {
}
