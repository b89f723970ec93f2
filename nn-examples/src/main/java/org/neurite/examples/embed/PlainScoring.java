package org.neurite.examples.embed;

import java.nio.file.Path;
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
     * @param modelFile a model file of 3 inputs, or {@code null} for the bundled trained model
     * @throws org.neurite.api.BackendNotFoundException if the backend is unknown or unavailable
     */
    public static ScoringService create(String backendName, Path modelFile) {
        Backend backend = Backends.discover().select(backendName);
        Mlp model = ScoringModel.load(modelFile, backend, activations());
        return new ScoringService(model);
    }

    /** The activations found by {@code ServiceLoader} and the application's own {@code scaled_tanh}. */
    public static Activations activations() {
        List<ActivationProvider> providers = new ArrayList<>(Activations.loadProviders());
        providers.add(new ScaledTanhProvider());
        return Activations.of(providers);
    }
}
