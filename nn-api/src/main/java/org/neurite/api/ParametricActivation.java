package org.neurite.api;

import java.util.List;
import java.util.Map;

/**
 * An activation with parameters that training learns, such as PReLU's slope {@code alpha}: besides the
 * gradient with respect to its input it gives the gradient with respect to those parameters.
 *
 * <p>Like every {@link Activation} it is immutable: an optimizer reads {@link #parameterGradient}, computes
 * new values and makes the updated activation with {@link #withParameters}. The learnable parameters are
 * scalars shared by every element (PyTorch's {@code PReLU()} with its default {@code num_parameters=1});
 * their names are a subset of {@link #parameters()}, so the activation's {@link #spec()} records the learnt
 * values and parses back through {@link Activations}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface ParametricActivation extends Activation {

    /** The names of the learnable parameters, in the order of {@link #parameterGradient}'s result. */
    List<String> learnableParameters();

    /**
     * The gradient of the loss with respect to each learnable parameter, summed over every element of the
     * batch: {@code dL/dθ_k = Σ_ij gradA[i][j] · ∂f(z[i][j]; θ)/∂θ_k}.
     *
     * @param z the input of {@link #forward}; not modified
     * @param a the output of {@link #forward} for {@code z}; not modified
     * @param gradA the gradient of the loss with respect to {@code a}; not modified
     * @return a new array, one entry per name of {@link #learnableParameters()}, in that order
     */
    double[] parameterGradient(Tensor z, Tensor a, Tensor gradA);

    /**
     * This activation with some parameters changed (for example after an optimizer step); parameters not
     * named keep their values.
     *
     * @throws IllegalArgumentException if a name is not a parameter or a value is out of range
     */
    ParametricActivation withParameters(Map<String, Double> values);
}
