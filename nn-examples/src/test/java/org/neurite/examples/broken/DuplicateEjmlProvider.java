package org.neurite.examples.broken;

import org.neurite.api.Backend;
import org.neurite.api.spi.BackendProvider;

/** A second backend provider named ejml, for the child JVMs of {@code BrokenProvidersTest}. */
public final class DuplicateEjmlProvider implements BackendProvider {
    @Override
    public String name() {
        return "ejml";
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
