package org.neurite.examples.embed.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.inject.ModelFactory;
import org.neurite.core.inject.NeuriteModule;
import org.neurite.examples.embed.ScaledTanhFactory;
import org.neurite.examples.embed.ScoringModel;
import org.neurite.examples.embed.ScoringService;

/**
 * The application's own bindings: its activation {@code scaled_tanh}, contributed to Neurite's registry
 * through Guice; its model, built by Neurite's {@link ModelFactory} on the configured backend; and the
 * {@link ScoringService} that receives that model. Install it next to {@link NeuriteModule}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ScoringModule extends AbstractModule {

    /** The module; its bindings take no settings. */
    public ScoringModule() {
    }

    @Override
    protected void configure() {
        NeuriteModule.activationBinder(binder()).addBinding(ScaledTanhFactory.NAME).toInstance(new ScaledTanhFactory());
    }

    @Provides
    @Singleton
    Mlp scoringModel(ModelFactory models) {
        return ScoringModel.build(models.builder());
    }

    @Provides
    @Singleton
    ScoringService scoringService(Mlp model) {
        return new ScoringService(model);
    }
}
