package org.neurite.examples.embed;

import java.util.ArrayList;
import java.util.List;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.Stability;
import org.neurite.api.spi.ActivationProvider;
import org.neurite.core.Mlp;

/**
 * The scoring service wired by hand, through the plain API, with no dependency-injection container: what
 * {@code org.neurite.examples.embed.guice} does with Guice, in a few lines.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class PlainScoring {

    private PlainScoring() {
    }

    /**
     * A scoring service on the named backend.
     *
     * @param backendName a backend name, or {@code null} for the default selection ({@code -Dneurite.backend},
     *     {@code NEURITE_BACKEND}, else the best available backend)
     * @throws org.neurite.api.BackendNotFoundException if the backend is unknown or unavailable
     */
    public static ScoringService create(String backendName) {
        Backend backend = Backends.discover().select(backendName);
        List<ActivationProvider> providers = new ArrayList<>(Activations.loadProviders());
        providers.add(new ScaledTanhProvider());
        Activations activations = Activations.of(providers);
        Mlp model = ScoringModel.build(Mlp.builder().backend(backend).activations(activations));
        return new ScoringService(model);
    }
}
