package org.neurite.spark;

import org.neurite.api.Stability;
import org.neurite.core.Mlp;

/**
 * What {@link SparkTrainer#fit} returns.
 *
 * @param model the trained model, a copy: the input model is unchanged
 * @param losses the loss of each step's global batch, as the loss reduces it
 * @param nanos the wall time of the steps (not of reading the data), in nanoseconds
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record SparkTrainingResult(Mlp model, double[] losses, long nanos) {

    /** The mean wall time of one step, in milliseconds (NaN after no step). */
    public double millisPerStep() {
        return losses.length == 0 ? Double.NaN : nanos / 1e6 / losses.length;
    }
}
