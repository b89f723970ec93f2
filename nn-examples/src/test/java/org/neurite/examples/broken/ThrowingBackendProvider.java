package org.neurite.examples.broken;

import org.neurite.api.Backend;
import org.neurite.api.spi.BackendProvider;

/** A backend provider that cannot be created, for the child JVMs of {@code BrokenProvidersTest}. */
public final class ThrowingBackendProvider implements BackendProvider {
    /** Always throws. */
    public ThrowingBackendProvider() {
        throw new IllegalStateException("broken backend on purpose");
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public String libraryVersion() {
        return "none";
    }

    @Override
    public Backend create() {
        throw new IllegalStateException("never created");
    }
}
