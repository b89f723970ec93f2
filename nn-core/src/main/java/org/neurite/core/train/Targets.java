package org.neurite.core.train;

import org.neurite.api.Loss;
import org.neurite.core.data.Dataset;

/**
 * How a data set's targets reach the loss, decided once per run: regression targets as they are; class
 * labels as class indices for losses that take them (cross-entropy, NLL), as one-hot rows for losses that
 * take a row per sample (MSE, BCE, ...), and as the 0/1 label itself for a single-output binary classifier.
 */
final class Targets {

    private final Dataset data;
    private final boolean oneHot;
    private final int width;
    /** For a single output, the decision threshold: 0 for logits ({@code bce_with_logits}), else 0.5. */
    private final double threshold;

    private Targets(Dataset data, boolean oneHot, int width, double threshold) {
        this.data = data;
        this.oneHot = oneHot;
        this.width = width;
        this.threshold = threshold;
    }

    /**
     * The encoding of {@code data}'s targets for a model with {@code outputs} outputs and {@code loss}.
     *
     * @throws IllegalArgumentException naming the mismatch
     */
    static Targets of(Dataset data, int outputs, Loss loss) {
        double threshold = loss.name().equals("bce_with_logits") ? 0.0 : 0.5;
        if (!data.isClassification()) {
            loss.checkTarget(outputs, data.targetWidth());
            return new Targets(data, false, data.targetWidth(), threshold);
        }
        if (outputs == 1) {
            if (data.classCount() > 2) {
                throw new IllegalArgumentException("model: expected one output per class (" + data.classCount()
                        + " classes), got 1 output; a single output can only tell 2 classes apart");
            }
            loss.checkTarget(1, 1);
            return new Targets(data, false, 1, threshold);
        }
        if (data.classCount() > outputs) {
            throw new IllegalArgumentException("model: expected at least one output per class ("
                    + data.classCount() + " classes), got " + outputs + " outputs");
        }
        try {
            loss.checkTarget(outputs, 1);
            return new Targets(data, false, 1, threshold);
        } catch (IllegalArgumentException notIndices) {
            loss.checkTarget(outputs, outputs); // a loss that takes neither form fails here, with its message
            return new Targets(data, true, outputs, threshold);
        }
    }

    /** The target width the loss sees. */
    int width() {
        return width;
    }

    /** Writes sample {@code row}'s target at {@code dst[offset ..]}; allocates nothing. */
    void copy(int row, double[] dst, int offset) {
        if (oneHot) {
            java.util.Arrays.fill(dst, offset, offset + width, 0.0);
            dst[offset + data.label(row)] = 1.0;
        } else {
            data.copyTarget(row, dst, offset);
        }
    }

    /** The class a prediction row says: argmax of several outputs, the threshold of one. */
    int predictedClass(double[] prediction, int offset, int cols) {
        if (cols == 1) {
            return prediction[offset] > threshold ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < cols; j++) {
            if (prediction[offset + j] > prediction[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
