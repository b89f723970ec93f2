package org.neurite.core.train;

import java.util.ArrayList;
import java.util.List;
import org.neurite.api.Loss;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.optim.GradientClipping;
import org.neurite.core.optim.Optimizer;

/**
 * Training one step at a time, for a loop of your own (or a benchmark): each {@link #step} runs the forward
 * pass, the loss, the backward pass, the gradient checks, clipping and the optimizer's update on a private
 * copy of the model, exactly as {@link Trainer#fit} does for each batch (it uses a session itself).
 *
 * <pre>{@code
 * TrainingSession session = trainer.session(model);
 * for (...) {
 *     double loss = session.step(inputs, targets, rows);   // row-major batches
 * }
 * Mlp trained = session.snapshot();
 * }</pre>
 *
 * <p>A step allocates nothing once a batch size has been seen (the buffers for each size are made on its
 * first step). The optimizer keeps float64 master copies of the parameters and writes them back to the
 * model's tensors after every update. One thread at a time.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class TrainingSession {

    private final Mlp model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final GradientClipping clipping;
    private final List<Parameter> parameters;
    private final List<double[]> masters = new ArrayList<>();
    private final List<double[]> gradients = new ArrayList<>();
    private final List<Batches> buffers = new ArrayList<>();
    private long steps;

    TrainingSession(Mlp model, Loss loss, Optimizer optimizer, GradientClipping clipping) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.clipping = clipping;
        this.parameters = model.parameters();
        for (Parameter p : parameters) {
            double[] values = new double[(int) p.size()];
            p.tensor().copyTo(values);
            masters.add(values);
            gradients.add(new double[values.length]);
        }
    }

    /**
     * One training step on a batch.
     *
     * @param inputs {@code rows × inputSize} values, row-major (standardized, if the model expects it); not modified
     * @param targets {@code rows × w} values as the loss takes them: class indices ({@code w = 1}) for
     *     cross-entropy and NLL, else one row per sample of the output's width (one-hot for classes)
     * @return the batch's loss, as the loss reduces it
     * @throws IllegalArgumentException if the lengths do not fit the model and the loss
     * @throws TrainingDivergedException if the loss or a gradient is NaN or infinite (the model is then
     *     as it was before the step)
     */
    public double step(double[] inputs, double[] targets, int rows) {
        if (rows < 1 || inputs.length != rows * model.inputSize()) {
            throw new IllegalArgumentException("inputs: expected " + rows + " rows of " + model.inputSize()
                    + " values (" + (long) rows * model.inputSize() + "), got " + inputs.length + " values");
        }
        if (targets.length % rows != 0) {
            throw new IllegalArgumentException("targets: expected whole rows (a multiple of " + rows + " values), got "
                    + targets.length);
        }
        int width = targets.length / rows;
        loss.checkTarget(model.outputSize(), width);
        Batches batch = buffers(rows, width);
        batch.workspace.input().assign(inputs);
        return step(batch, targets, width, 0, (int) steps + 1);
    }

    /** The model being trained: live, changed by every step; use {@link #snapshot()} to publish it. */
    public Mlp model() {
        return model;
    }

    /** An independent copy of the model as trained so far, safe to serve while training goes on. */
    public Mlp snapshot() {
        return model.copy();
    }

    /** The optimizer, with its state (for checkpoints) and learning rate (for schedules). */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** Steps completed. */
    public long steps() {
        return steps;
    }

    /** The buffers for batches of {@code rows} rows, made on first use. */
    Batches buffers(int rows, int targetWidth) {
        for (int i = 0; i < buffers.size(); i++) {
            Batches b = buffers.get(i);
            if (b.rows == rows && b.targets().length == rows * targetWidth) {
                return b;
            }
        }
        Batches made = new Batches(model, rows, targetWidth);
        buffers.add(made);
        return made;
    }

    /** Forward, loss, backward, checks, clipping, update; the where-abouts name a divergence. */
    double step(Batches batch, double[] targets, int targetWidth, int epoch, int index) {
        double value = batch.run(model, loss, targets, targetWidth, true);
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(epoch, index, "loss", value);
        }
        for (int i = 0; i < parameters.size(); i++) {
            double[] g = gradients.get(i);
            batch.workspace.gradient(i).copyTo(g);
            for (double v : g) {
                if (!Double.isFinite(v)) {
                    throw new TrainingDivergedException(epoch, index, "gradient of " + parameters.get(i).name(), v);
                }
            }
        }
        clipping.apply(gradients);
        optimizer.step(masters, gradients);
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).tensor().assign(masters.get(i));
        }
        steps++;
        return value;
    }

    /** The parameters' float64 master copies, in {@link Mlp#parameters()} order (live). */
    List<double[]> masters() {
        return masters;
    }

    /** Writes {@code values} (one array per parameter) into the masters and the model's tensors. */
    void restore(List<double[]> values) {
        if (values.size() != parameters.size()) {
            throw new IllegalArgumentException("weights: expected " + parameters.size()
                    + " arrays (one per parameter), got " + values.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (values.get(i).length != masters.get(i).length) {
                throw new IllegalArgumentException("weights of " + parameters.get(i).name() + ": expected "
                        + masters.get(i).length + " values, got " + values.get(i).length);
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            System.arraycopy(values.get(i), 0, masters.get(i), 0, masters.get(i).length);
            parameters.get(i).tensor().assign(masters.get(i));
        }
    }
}
