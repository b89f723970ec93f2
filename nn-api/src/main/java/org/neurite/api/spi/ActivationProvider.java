package org.neurite.api.spi;

import java.util.Collection;
import org.neurite.api.Stability;

/**
 * What a jar registers in {@code META-INF/services/org.neurite.api.spi.ActivationProvider} to add
 * activations that users find by name. Neurite's built-in activations use this same interface.
 *
 * <p>An implementation is public with a public no-argument constructor. A name (or alias) that two
 * providers both register is an error naming both, never a silent override.
 */
@Stability(Stability.Status.STABLE)
public interface ActivationProvider {

    /** The activations this provider contributes; called once when a registry is built. */
    Collection<ActivationFactory> activations();

    /** Who contributes them, as named in error messages; the class name unless overridden. */
    default String source() {
        return getClass().getName();
    }
}
