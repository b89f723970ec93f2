package org.neurite.core.inject;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;

/**
 * Makes models on the injected backend with the injected activation registry, so that an application's
 * Guice-contributed activations are found by name.
 *
 * <pre>{@code
 * class Scorer {
 *     private final Mlp model;
 *     @Inject Scorer(ModelFactory models) {
 *         model = models.builder().input(3).dense(8, "my_activation").dense(1, "sigmoid").seed(7).build();
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe; every {@link #builder()} is a new, independent builder. Bound by {@link NeuriteModule}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ModelFactory {

    // Providers rather than values, so that injecting the factory loads no backend: the backend (possibly
    // native) is loaded when the first model is built, not when an object that might build one is created.
    private final Provider<Backend> backend;
    private final Provider<Activations> activations;

    @Inject
    ModelFactory(Provider<Backend> backend, Provider<Activations> activations) {
        this.backend = backend;
        this.activations = activations;
    }

    /**
     * A new builder on the configured backend and the injected registry; everything else (dtype, seed,
     * layers) is the caller's, and may also override the backend or registry.
     *
     * @throws org.neurite.api.BackendNotFoundException if the configured backend is unknown or fails to load
     *     (wrapped by Guice in a {@code ProvisionException})
     */
    public MlpBuilder builder() {
        return Mlp.builder().backend(backend()).activations(activations());
    }

    /** The configured backend, loaded on first use. */
    public Backend backend() {
        return backend.get();
    }

    /** The activation registry: {@code ServiceLoader} providers and Guice contributions. */
    public Activations activations() {
        return activations.get();
    }
}
