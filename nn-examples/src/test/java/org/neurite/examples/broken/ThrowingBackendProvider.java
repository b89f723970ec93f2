package org.neurite.examples.broken;

/** A backend provider that cannot be created, for the child JVMs of {@code BrokenProvidersTest}. */
public final class ThrowingBackendProvider extends StubBackendProvider {
    /** Always throws. */
    public ThrowingBackendProvider() {
        super("broken");
        throw new IllegalStateException("broken backend on purpose");
    }
}
