package org.neurite.examples.embed.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.inject.NeuriteModule;
import org.neurite.examples.embed.ScaledTanhFactory;
import org.neurite.examples.embed.ScoringModel;
import org.neurite.examples.embed.ScoringService;

/**
 * The application's own bindings: its activation {@code scaled_tanh}, contributed to Neurite's registry
 * through Guice; its model, loaded from a model file on the backend and with the activations Neurite's
 * module provides; and the {@link ScoringService} that receives that model. Install it next to
 * {@link NeuriteModule}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ScoringModule extends AbstractModule {

    private final Path modelFile;

    /** The module, with the bundled trained model. */
    public ScoringModule() {
        this(null);
    }

    /** The module, with the model of {@code modelFile} ({@code null}: the bundled one). */
    public ScoringModule(Path modelFile) {
        this.modelFile = modelFile;
    }

    @Override
    protected void configure() {
        NeuriteModule.activationBinder(binder()).addBinding(ScaledTanhFactory.NAME).toInstance(new ScaledTanhFactory());
    }

    @Provides
    @Singleton
    Mlp scoringModel(Backend backend, Activations activations) {
        return ScoringModel.load(modelFile, backend, activations);
    }

    @Provides
    @Singleton
    ScoringService scoringService(Mlp model) {
        return new ScoringService(model);
    }
}
