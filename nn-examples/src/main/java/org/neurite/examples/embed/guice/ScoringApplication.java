package org.neurite.examples.embed.guice;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import java.nio.file.Path;
import java.util.Properties;
import org.neurite.api.NeuriteException;
import org.neurite.api.Stability;
import org.neurite.core.inject.NeuriteModule;
import org.neurite.examples.embed.ScoringService;

/** Starts the scoring application: one injector, made of Neurite's module and the application's. */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ScoringApplication {

    private ScoringApplication() {
    }

    /**
     * The application's injector. {@link Stage#PRODUCTION} builds its singletons (the backend, the model,
     * the service) at once, so that a misconfigured service fails when it starts, not at its first request.
     *
     * @param modelFile the model file to score with, or {@code null} for the bundled trained model
     * @throws RuntimeException the first error that stopped the injector (an unknown backend, a duplicate
     *     activation name, a bad model file), unwrapped from Guice's exception so that its message is the one
     *     shown
     */
    public static Injector injector(Properties configuration, Path modelFile) {
        try {
            return Guice.createInjector(Stage.PRODUCTION,
                    new NeuriteModule(), new ScoringModule(modelFile), new ConfigurationModule(configuration));
        } catch (CreationException e) {
            throw unwrap(e, e.getErrorMessages().stream().map(Message::getCause).toList());
        } catch (ProvisionException e) {
            throw unwrap(e, e.getErrorMessages().stream().map(Message::getCause).toList());
        }
    }

    /** The application's injector with the bundled trained model; see {@link #injector(Properties, Path)}. */
    public static Injector injector(Properties configuration) {
        return injector(configuration, null);
    }

    /** The scoring service of a new injector; see {@link #injector(Properties, Path)}. */
    public static ScoringService start(Properties configuration, Path modelFile) {
        return injector(configuration, modelFile).getInstance(ScoringService.class);
    }

    /** The scoring service with the bundled trained model. */
    public static ScoringService start(Properties configuration) {
        return start(configuration, null);
    }

    /** The first Neurite error among the causes, else the first of the application's own, else Guice's. */
    private static RuntimeException unwrap(RuntimeException guiceError, Iterable<Throwable> causes) {
        RuntimeException own = null;
        for (Throwable cause : causes) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof NeuriteException neurite) {
                    return neurite;
                }
            }
            if (own == null && cause instanceof RuntimeException r) {
                own = r;
            }
        }
        return own != null ? own : guiceError;
    }
}
