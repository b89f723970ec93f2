package org.neurite.examples.broken;

/** A second backend provider named ejml, for the child JVMs of {@code BrokenProvidersTest}. */
public final class DuplicateEjmlProvider extends StubBackendProvider {
    /** Named ejml, like the real one. */
    public DuplicateEjmlProvider() {
        super("ejml");
    }
}
