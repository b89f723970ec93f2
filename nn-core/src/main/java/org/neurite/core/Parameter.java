package org.neurite.core;

import java.util.Objects;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;

/**
 * One learnable parameter of a model under its stable name: {@code layers.<i>.<name>} with {@code i} the
 * 0-based layer index and {@code name} the layer's own ({@code weight}, {@code bias}, {@code alpha}), for
 * example {@code layers.0.weight}. These are the names that optimizer state, checkpoints and model files
 * use.
 *
 * @param name the model-wide name
 * @param tensor the live tensor of the model
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record Parameter(String name, Tensor tensor) {

    /** Checks that neither part is null. */
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tensor, "tensor");
    }

    /** The number of scalars. */
    public long size() {
        return tensor.shape().size();
    }

    /** The name of parameter {@code name} of layer {@code layer} (0-based): {@code layers.0.weight}. */
    public static String nameOf(int layer, String name) {
        return "layers." + layer + "." + name;
    }
}
