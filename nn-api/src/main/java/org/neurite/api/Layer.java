package org.neurite.api;

import java.util.Map;

/**
 * One step of a network: maps a batch {@code (batch, inputSize)} to {@code (batch, outputSize)}.
 *
 * <p>A layer is immutable in structure and thread-safe: {@link #forward} keeps nothing between calls.
 * Whatever training needs from a forward pass (the tutorial caches {@code last_input} in the layer, which
 * breaks under threads) lives in the buffers the caller passes in. Its parameter tensors are the only
 * mutable state, changed only by whoever owns the model (an optimizer, a loader).
 *
 * <p>Training will add a {@code backward} taking the same buffers plus the output gradient, as a default
 * method, so that layers written against this interface keep compiling.
 */
@Stability(Stability.Status.STABLE)
public interface Layer {

    /** The number of input features. */
    int inputSize();

    /** The number of output features. */
    int outputSize();

    /** A short description for summaries, for example {@code Dense}. */
    String kind();

    /** The activation applied last, whose name summaries print. */
    Activation activation();

    /**
     * The learnable parameters by name, in a stable order, as live tensors of this layer's backend: a dense
     * layer has {@code weight} {@code (out, in)} and {@code bias} {@code (1, out)}, named as in PyTorch's
     * {@code state_dict} so that saved weights map one to one.
     */
    Map<String, Tensor> parameters();

    /** The number of scalar parameters, the sum of the sizes of {@link #parameters()}. */
    default long parameterCount() {
        return parameters().values().stream().mapToLong(t -> t.shape().size()).sum();
    }

    /**
     * Runs the layer on a batch.
     *
     * @param input shape {@code (batch, inputSize)}; not modified
     * @param preActivation modified: the value before the activation ({@code z}), shape {@code (batch, outputSize)}
     * @param output modified: the layer's output ({@code a}), shape {@code (batch, outputSize)}
     * @throws ShapeMismatchException naming the layer, the expected and the actual shape
     */
    void forward(Tensor input, Tensor preActivation, Tensor output);
}
