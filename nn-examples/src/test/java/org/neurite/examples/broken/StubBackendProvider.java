package org.neurite.examples.broken;

import org.neurite.api.Backend;
import org.neurite.api.spi.BackendProvider;

/** A backend provider of a given name that never makes a backend, for {@code BrokenProvidersTest}. */
abstract class StubBackendProvider implements BackendProvider {
    private final String name;

    StubBackendProvider(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
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
