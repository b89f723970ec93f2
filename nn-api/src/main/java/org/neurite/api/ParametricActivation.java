package org.neurite.api;

import java.util.List;
import java.util.Map;

/**
 * An activation with parameters that training learns, such as PReLU's slope {@code alpha}: besides the
 * gradient with respect to its input it gives the gradient with respect to those parameters.
 *
 * <p>Like every {@link Activation} it is immutable. In a layer, the learnable values live in parameter
 * tensors of shape {@code (1, 1)} that the layer owns (a dense layer names them after
 * {@link #learnableParameters()}, for example {@code alpha}), so that an optimizer updates them in place like
 * weights; the layer then calls the methods below that take those tensors, instead of this instance's own
 * values. The learnable parameters are scalars shared by every element (PyTorch's {@code PReLU()} with its
 * default {@code num_parameters=1}); their names are a subset of {@link #parameters()}, so
 * {@link #withParameters} with the learnt values gives an activation whose {@link #spec()} records them.
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

    /**
     * {@link #forward(Tensor, Tensor)} with the learnable values read from {@code values} rather than from
     * this instance.
     *
     * @param values one {@code (1, 1)} tensor per name of {@link #learnableParameters()}, in that order; not
     *     modified
     */
    void forward(Tensor z, List<Tensor> values, Tensor out);

    /**
     * {@link #backward(Tensor, Tensor, Tensor, Tensor)} with the learnable values read from {@code values}.
     *
     * @param values as for {@link #forward(Tensor, List, Tensor)}; not modified
     */
    void backward(Tensor z, Tensor a, List<Tensor> values, Tensor gradA, Tensor gradZ);

    /**
     * Adds {@code dL/dθ_k}, summed over the batch, to {@code gradients.get(k)} for every learnable
     * parameter {@code k}.
     *
     * @param values as for {@link #forward(Tensor, List, Tensor)}; not modified
     * @param gradients one {@code (1, 1)} tensor per learnable parameter, in order; modified
     */
    void accumulateParameterGradients(Tensor z, Tensor a, List<Tensor> values, Tensor gradA,
                                      List<Tensor> gradients);
}
