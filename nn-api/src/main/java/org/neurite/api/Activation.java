package org.neurite.api;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An activation function with the derivative that training needs, applied to every row of a batch.
 *
 * <p>Implementations are immutable and thread-safe. Obtain one by name from {@link Activations}; write one
 * by extending {@link org.neurite.api.support.ElementwiseActivation} (element-wise functions need only
 * their scalar function and derivative) and registering an {@link org.neurite.api.spi.ActivationProvider}.
 */
@Stability(Stability.Status.STABLE)
public interface Activation {

    /** The canonical name, lower case with underscores, for example {@code leaky_relu}. */
    String name();

    /** The parameter values this instance was made with, in order; empty for none. */
    default Map<String, Double> parameters() {
        return Map.of();
    }

    /**
     * The text that {@link Activations#get(String)} parses back into an equal activation, for example
     * {@code leaky_relu(alpha=0.1)} or {@code relu}.
     */
    default String spec() {
        Map<String, Double> params = parameters();
        if (params.isEmpty()) {
            return name();
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", name() + "(", ")"));
    }

    /**
     * The built-in element-wise function this activation computes exactly, which a backend's fused dense
     * kernel may then run as its own loop; empty (the default) for every other activation, which then runs
     * through {@link #forward} and {@link #backward}.
     *
     * <p><b>Experimental</b> (added for the fused fast path). Return a kernel only if {@link #forward} and
     * {@link #backward} compute what it computes, to the bit: a backend may use either.
     */
    default Optional<ElementwiseKernel> kernel() {
        return Optional.empty();
    }

    /**
     * Computes {@code out = f(z)} for a batch {@code z} of shape {@code (batch, n)}.
     *
     * @param out modified; same shape, backend and dtype as {@code z}; may be {@code z}
     */
    void forward(Tensor z, Tensor out);

    /**
     * The vector-Jacobian product that backpropagation needs: {@code gradZ = J_f(z)ᵀ · gradA}, row by row.
     * For an element-wise function this is {@code gradA ⊙ f'(z)}.
     *
     * @param z the input of {@link #forward}; not modified
     * @param a the output of {@link #forward} for {@code z}; not modified
     * @param gradA the gradient of the loss with respect to {@code a}; not modified unless it is {@code gradZ}
     * @param gradZ modified; same shape as {@code z}; may be {@code gradA}
     */
    void backward(Tensor z, Tensor a, Tensor gradA, Tensor gradZ);
}
