package org.neurite.api.spi;

import java.util.Map;
import java.util.Set;
import org.neurite.api.Activation;
import org.neurite.api.Stability;

/**
 * Makes one kind of {@link Activation} by name, with its parameters. Contributed by an
 * {@link ActivationProvider}.
 */
@Stability(Stability.Status.STABLE)
public interface ActivationFactory {

    /** The canonical name: lower case with underscores, for example {@code leaky_relu}. */
    String name();

    /** Other names that find this activation, lower case, for example {@code identity} for {@code linear}. */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * The parameters this activation takes with their default values, in the order they are printed (an
     * ordered map such as {@link java.util.LinkedHashMap}); empty for none.
     */
    default Map<String, Double> defaults() {
        return Map.of();
    }

    /**
     * Makes the activation.
     *
     * @param parameters every parameter of {@link #defaults()}, with the user's values in place of the
     *     defaults they gave; never {@code null}, never with unknown names (the registry checks them)
     * @throws IllegalArgumentException if a value is out of range, naming the parameter and the range
     */
    Activation create(Map<String, Double> parameters);

    /** True for an activation that maps each element on its own (everything but softmax-like ones). */
    default boolean elementwise() {
        return true;
    }
}
