package org.neurite.api;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A loss function with its gradient, computed over a whole batch exactly as PyTorch 1.13 computes it.
 *
 * <p>Implementations are immutable and thread-safe; two losses are equal when they have the same name,
 * parameters and reduction. Obtain one by name from {@link Losses}; write one by extending
 * {@link org.neurite.api.support.ElementwiseLoss} (element-wise losses need only the loss of one element
 * and its derivative) and registering an {@link org.neurite.api.spi.LossProvider}.
 *
 * <p>Batches are plain row-major arrays, so that a training step can reuse its buffers: the prediction has
 * {@code rows × cols} elements and the target {@code rows × targetCols}, where {@code targetCols} is
 * either {@code cols} (a target of the prediction's shape) or, for class losses, 1 (one class index per
 * row, stored as a double).
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface Loss {

    /** The canonical name, lower case with underscores, for example {@code cross_entropy}. */
    String name();

    /**
     * The numeric parameter values this instance was made with (defaults included), in print order, for
     * example {@code delta}, {@code beta} or {@code label_smoothing}; empty for none. The reduction is not
     * among them: see {@link #reduction()}.
     */
    default Map<String, Double> parameters() {
        return Map.of();
    }

    /** How the batch is reduced to one number. */
    Reduction reduction();

    /**
     * The text that {@link Losses#get(String)} parses back into an equal loss: the name, then every
     * parameter, then {@code reduction=sum} when the reduction is {@link Reduction#SUM}; the default
     * {@link Reduction#MEAN} is left out. For example {@code mse}, {@code mse(reduction=sum)},
     * {@code huber(delta=1.0)}, {@code huber(delta=1.0, reduction=sum)}.
     */
    default String spec() {
        Map<String, Double> params = parameters();
        String text = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        if (reduction() != Reduction.MEAN) {
            text = text.isEmpty() ? "reduction=" + reduction().spec() : text + ", reduction=" + reduction().spec();
        }
        return text.isEmpty() ? name() : name() + "(" + text + ")";
    }

    /**
     * Checks that a target of {@code targetCols} columns fits a prediction of {@code cols} columns: the
     * same width for element-wise losses; 1 (class indices) for class losses, and either for
     * {@code cross_entropy} (1 only when {@code cols >= 2}).
     *
     * @throws IllegalArgumentException if it does not (or a width is below 1), naming the loss and both widths
     */
    void checkTarget(int cols, int targetCols);

    /**
     * The reduced loss of a batch and, when {@code gradient != null}, its gradient with respect to the
     * prediction: what PyTorch's autograd gives for {@code loss.backward()}.
     *
     * <p>Allocates nothing. The result and every gradient element are finite for every finite input in
     * the loss's domain (inputs outside it, such as a probability above 1, are rejected) whose exact loss
     * is within the range of a double (a squared error of 1e200 is not); in particular for logits of
     * ±1000 and for probabilities exactly 0 and 1.
     *
     * @param prediction {@code rows × cols}, row-major: what the loss documents, for example logits for
     *     {@code bce_with_logits} and {@code cross_entropy}, log-probabilities for {@code nll} and
     *     {@code kl_div}, probabilities for {@code bce}; not modified
     * @param target {@code rows × targetCols}, row-major: values of the prediction's shape, or one class
     *     index per row stored as a double ({@code targetCols == 1}, for class losses); not modified
     * @param gradient {@code null}, or {@code rows × cols} elements overwritten with the gradient (same
     *     layout as {@code prediction}); must not be {@code prediction} or {@code target}
     * @return the loss, reduced as {@link #reduction()} says
     * @throws IllegalArgumentException if a length does not match its shape, the widths do not fit
     *     ({@link #checkTarget}), a class index is not an integer in {@code [0, cols)} (naming its row and
     *     value), or a value is outside the loss's domain
     */
    double evaluate(double[] prediction, double[] target, int rows, int cols, int targetCols, double[] gradient);
}
