package org.neurite.core.train;

import org.neurite.api.Stability;

/**
 * What one epoch measured. A metric that does not apply is {@code NaN}: accuracies for regression, MSE and
 * MAE for classification, every {@code validation*} value without a validation set.
 *
 * @param epoch 1-based
 * @param trainLoss the mean loss per sample over the epoch's batches, as they were trained (running)
 * @param trainAccuracy the share of training samples classified right during the epoch (running)
 * @param validationLoss the mean loss per sample on the validation set after the epoch
 * @param validationAccuracy the share of validation samples classified right
 * @param validationMse the validation mean squared error per output (regression)
 * @param validationMae the validation mean absolute error per output (regression)
 * @param learningRate the learning rate the epoch trained with
 * @param millis the epoch's wall time, validation included
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double validationMse, double validationMae,
                           double learningRate, long millis) {

    /** True if the epoch was validated. */
    public boolean validated() {
        return !Double.isNaN(validationLoss);
    }

    /** One line, for example {@code epoch 3: train_loss=0.1234 train_accuracy=0.9500 val_loss=0.2000 ...}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("epoch ").append(epoch).append(':');
        append(sb, "train_loss", trainLoss);
        append(sb, "train_accuracy", trainAccuracy);
        append(sb, "val_loss", validationLoss);
        append(sb, "val_accuracy", validationAccuracy);
        append(sb, "val_mse", validationMse);
        append(sb, "val_mae", validationMae);
        return sb.append(String.format(" lr=%.6g (%d ms)", learningRate, millis)).toString();
    }

    private static void append(StringBuilder sb, String name, double value) {
        if (!Double.isNaN(value)) {
            sb.append(' ').append(name).append('=').append(String.format("%.6f", value));
        }
    }
}
