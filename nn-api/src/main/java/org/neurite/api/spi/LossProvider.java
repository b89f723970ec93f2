package org.neurite.api.spi;

import java.util.Collection;
import org.neurite.api.Stability;

/**
 * What a jar registers in {@code META-INF/services/org.neurite.api.spi.LossProvider} (and, as a named
 * module, with {@code provides}) to add losses that users find by name through
 * {@link org.neurite.api.Losses}. Neurite's built-in losses use this same interface.
 *
 * <p>An implementation is public with a public no-argument constructor. A name (or alias) that two
 * providers both register is an error naming both, never a silent override.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface LossProvider {

    /** The losses this provider contributes; called once when a registry is built. */
    Collection<LossFactory> losses();

    /** Who contributes them, as named in error messages; the class name unless overridden. */
    default String source() {
        return getClass().getName();
    }
}
