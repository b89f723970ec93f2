package org.neurite.core.inject;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.neurite.api.Backends;

/**
 * The default {@link Backends} registry: every backend that {@code ServiceLoader} finds. A Guice provider
 * (not a value bound in {@code configure()}) so that discovery runs on first injection, never while the
 * injector is being configured.
 */
final class DiscoveredBackends implements Provider<Backends> {

    @Inject
    DiscoveredBackends() {
    }

    @Override
    public Backends get() {
        return Backends.discover();
    }
}
