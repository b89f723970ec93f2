package org.neurite.api.spi;

import java.util.Map;
import java.util.Set;
import org.neurite.api.Loss;
import org.neurite.api.Reduction;
import org.neurite.api.Stability;

/**
 * Makes one kind of {@link Loss} by name, with its parameters and reduction. Contributed by a
 * {@link LossProvider}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface LossFactory {

    /** The canonical name: lower case with underscores, for example {@code cross_entropy}. */
    String name();

    /** Other names that find this loss, lower case, for example {@code mse_loss} for {@code mse}. */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * The numeric parameters this loss takes with their default values, in the order they are printed (an
     * ordered map such as {@link java.util.LinkedHashMap}); empty for none. {@code reduction} is not one
     * of them: every loss takes it, and {@link #create} receives it separately.
     */
    default Map<String, Double> defaults() {
        return Map.of();
    }

    /**
     * Makes the loss.
     *
     * @param parameters every parameter of {@link #defaults()}, with the user's values in place of the
     *     defaults they gave; never {@code null}, never with unknown names (the registry checks them)
     * @param reduction the reduction the user gave, {@link Reduction#MEAN} if none; never {@code null}
     * @throws IllegalArgumentException if a value is out of range, naming the loss, the parameter, the
     *     range and the value
     */
    Loss create(Map<String, Double> parameters, Reduction reduction);
}
