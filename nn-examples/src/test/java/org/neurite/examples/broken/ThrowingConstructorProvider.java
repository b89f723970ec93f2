package org.neurite.examples.broken;

import java.util.Collection;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;

/** An activation provider that cannot be created, for the child JVMs of {@code BrokenProvidersTest}. */
public final class ThrowingConstructorProvider implements ActivationProvider {
    /** Always throws. */
    public ThrowingConstructorProvider() {
        throw new IllegalStateException("broken on purpose");
    }

    @Override
    public Collection<ActivationFactory> activations() {
        return java.util.List.of();
    }
}
