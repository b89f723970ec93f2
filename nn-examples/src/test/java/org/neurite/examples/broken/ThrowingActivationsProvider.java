package org.neurite.examples.broken;

import java.util.Collection;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;

/** An activation provider whose list throws, for the child JVMs of {@code BrokenProvidersTest}. */
public final class ThrowingActivationsProvider implements ActivationProvider {
    @Override
    public Collection<ActivationFactory> activations() {
        throw new IllegalStateException("no activations today");
    }
}
