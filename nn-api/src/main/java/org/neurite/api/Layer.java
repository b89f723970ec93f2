package org.neurite.api;

import java.util.List;
import java.util.Map;

/**
 * One step of a network: maps a batch {@code (batch, inputSize)} to {@code (batch, outputSize)}.
 *
 * <p>A layer is immutable in structure and thread-safe: {@link #forward} keeps nothing between calls.
 * Whatever training needs from a forward pass (the tutorial caches {@code last_input} in the layer, which
 * breaks under threads) lives in the buffers the caller passes in. Its parameter tensors are the only
 * mutable state, changed only by whoever owns the model (an optimizer, a loader).
 *
 * <p>Training goes through {@link #backward} and {@link #copy}, default methods added for it: layers written
 * before them keep compiling and run forward; only training them fails, with a clear message. Those two
 * methods are <b>experimental</b>: their signatures may still change while training settles.
 */
@Stability(Stability.Status.EXPERIMENTAL)
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

    /**
     * Backpropagates a batch through the layer (<b>experimental</b>): from the gradient of the loss with
     * respect to this layer's output, writes the gradient with respect to its input and <em>adds</em> the
     * gradient with respect to each parameter to the caller's buffers. Reads the buffers of the forward pass
     * of the same batch; keeps nothing, so a layer may train on many threads at once, each with its own
     * buffers.
     *
     * @param input the input of {@link #forward}; not modified
     * @param preActivation the {@code z} that {@link #forward} wrote for {@code input}; not modified
     * @param output the {@code a} that {@link #forward} wrote for {@code input}; not modified
     * @param gradOutput {@code dL/da}, shape {@code (batch, outputSize)}; modified: the layer may use it as
     *     scratch (a dense layer leaves {@code dL/dz} in it)
     * @param gradInput modified: overwritten with {@code dL/dinput}, shape {@code (batch, inputSize)}; or
     *     {@code null} when no one needs it (the first layer), which saves a product
     * @param parameterGradients one buffer per entry of {@link #parameters()}, in that order and of the same
     *     shapes; modified: {@code dL/dθ} of this batch is added to each
     * @throws ShapeMismatchException naming the layer and the buffer whose shape is wrong
     * @throws UnsupportedOperationException if the layer cannot be trained (the default)
     */
    default void backward(Tensor input, Tensor preActivation, Tensor output, Tensor gradOutput, Tensor gradInput,
                          List<Tensor> parameterGradients) {
        throw new UnsupportedOperationException(this + ": backward: expected a trainable layer, got "
                + getClass().getName() + ", which does not implement Layer.backward");
    }

    /**
     * A layer equal to this one with its own copies of every parameter tensor, on the same backend
     * (<b>experimental</b>): a trainer updates the copy while the original keeps serving.
     *
     * @throws UnsupportedOperationException if the layer cannot be copied (the default)
     */
    default Layer copy() {
        throw new UnsupportedOperationException(this + ": copy: expected a trainable layer, got "
                + getClass().getName() + ", which does not implement Layer.copy");
    }
}
