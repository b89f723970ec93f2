package org.neurite.core.optim;

import java.util.List;
import java.util.Map;
import org.neurite.api.Stability;

/**
 * A stateful optimizer for one training run, made by an {@link OptimizerFactory}; not thread-safe.
 *
 * <p>It updates flat {@code double[]} master copies of the parameter tensors in place, the way the matching
 * {@code torch.optim} class updates its parameters (PyTorch 1.13, single-tensor code path). The list of
 * parameters and the length of each array are fixed at the first step.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface Optimizer {

    /**
     * One update, in place: each {@code parameters.get(i)} changes, no {@code gradients.get(i)} is modified.
     * Both lists have the same size and {@code gradients.get(i)} the length of {@code parameters.get(i)}, the
     * same sizes and lengths at every call.
     *
     * @throws IllegalArgumentException naming the index, when a size or length differs from the first step's
     *         or between the two lists, or an array is null; nothing is changed then
     */
    void step(List<double[]> parameters, List<double[]> gradients);

    /** The learning rate the next {@link #step} uses. */
    double learningRate();

    /**
     * Sets the learning rate of the next steps; what {@link Schedule}s call.
     *
     * @throws IllegalArgumentException unless {@code lr} is finite and {@code >= 0}
     */
    void setLearningRate(double lr);

    /** The {@link OptimizerFactory#spec()} of the factory that made this optimizer. */
    String spec();

    /** The number of completed steps. */
    long steps();

    /**
     * A copy of the state, for a checkpoint: {@code "lr"} and {@code "step"} (one element each), and after
     * the first step the buffers of parameter {@code i} by their torch names, e.g. {@code "0.exp_avg"},
     * {@code "0.exp_avg_sq"}, {@code "1.momentum_buffer"}, {@code "0.sum"}.
     */
    Map<String, double[]> state();

    /**
     * Puts back a {@link #state()}, copying the arrays; the next step continues exactly as the saved
     * optimizer would have.
     *
     * @throws IllegalArgumentException naming the entry, when a name is unknown or missing, or a length is
     *         wrong; nothing is changed then
     */
    void restoreState(Map<String, double[]> state);
}
