package org.neurite.examples.embed;

import java.util.Collection;
import java.util.List;
import org.neurite.api.Stability;
import org.neurite.api.spi.ActivationProvider;
import org.neurite.api.spi.ActivationFactory;

/**
 * Contributes {@code scaled_tanh} to a registry built by hand, {@code Activations.of(...)}, on the plain
 * path. Deliberately not listed in {@code META-INF/services}: the Guice path binds the same factory, and a
 * name that both {@code ServiceLoader} and Guice contribute is a duplicate-name error.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ScaledTanhProvider implements ActivationProvider {

    /** A provider; it has no state. */
    public ScaledTanhProvider() {
    }

    @Override
    public Collection<ActivationFactory> activations() {
        return List.of(new ScaledTanhFactory());
    }
}
