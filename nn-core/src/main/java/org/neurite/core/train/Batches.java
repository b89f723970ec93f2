package org.neurite.core.train;

import org.neurite.api.Loss;
import org.neurite.api.Reduction;
import org.neurite.core.Mlp;
import org.neurite.core.TrainingWorkspace;
import org.neurite.core.data.Dataset;

/**
 * The buffers for batches of one size (a run has one for full batches and one for the smaller last
 * batch), so that a training step allocates nothing: the model's training workspace and flat arrays for
 * the inputs, the targets, the prediction and its gradient.
 */
final class Batches {

    final int rows;
    final TrainingWorkspace workspace;
    private final double[] inputs;
    private final double[] targets;
    private final double[] prediction;
    private final double[] gradient;
    private final int cols;

    Batches(Mlp model, int rows, int targetWidth) {
        this.rows = rows;
        this.workspace = model.trainingWorkspace(rows);
        this.cols = model.outputSize();
        this.inputs = new double[rows * model.inputSize()];
        this.targets = new double[rows * targetWidth];
        this.prediction = new double[rows * cols];
        this.gradient = new double[rows * cols];
    }

    /** The target buffer that {@link #load} fills. */
    double[] targets() {
        return targets;
    }

    /** Fills the input and target buffers with samples {@code order[from .. from + rows)}. */
    void load(Dataset data, Targets encoding, int[] order, int from) {
        int n = data.featureCount();
        for (int r = 0; r < rows; r++) {
            data.copyFeatures(order[from + r], inputs, r * n);
            encoding.copy(order[from + r], targets, r * encoding.width());
        }
        workspace.input().assign(inputs);
    }

    /**
     * Runs the forward pass on the input tensor and the loss against {@code batchTargets}; with
     * {@code train}, also writes {@code dL/d output} and runs the backward pass into zeroed gradients.
     *
     * @return the batch's loss, as the loss reduces it; NaN if an output is NaN
     */
    double run(Mlp model, Loss loss, double[] batchTargets, int targetWidth, boolean train) {
        model.forward(workspace.forward());
        workspace.output().copyTo(prediction);
        for (double v : prediction) {
            if (Double.isNaN(v)) {
                // NaN propagates through every activation; its loss is NaN (the probability losses would
                // reject it as out of range), which the session reports as a divergence.
                return Double.NaN;
            }
        }
        double value = loss.evaluate(prediction, batchTargets, rows, cols, targetWidth, train ? gradient : null);
        if (train && Double.isFinite(value)) {
            workspace.outputGradient().assign(gradient);
            workspace.zeroGradients();
            model.backward(workspace);
        }
        return value;
    }

    /** The loss summed over the batch's samples, from the reduced value (a mean is per sample, or per element). */
    double perSampleTotal(Loss loss, double value) {
        return loss.reduction() == Reduction.SUM ? value : value * rows;
    }

    /** Adds this batch's correct classifications to a count. */
    int correct(Dataset data, Targets encoding, int[] order, int from) {
        int right = 0;
        for (int r = 0; r < rows; r++) {
            if (encoding.predictedClass(prediction, r * cols, cols) == data.label(order[from + r])) {
                right++;
            }
        }
        return right;
    }

    /** Adds the batch's squared and absolute errors against regression targets to {@code sums[0]}, {@code sums[1]}. */
    void errors(double[] sums) {
        for (int i = 0; i < prediction.length; i++) {
            double d = prediction[i] - targets[i];
            sums[0] += d * d;
            sums[1] += Math.abs(d);
        }
    }
}
