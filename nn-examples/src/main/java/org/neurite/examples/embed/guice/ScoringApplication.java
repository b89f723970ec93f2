package org.neurite.examples.embed.guice;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
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
     * @throws NeuriteException the first Neurite error that stopped the injector (an unknown backend, a
     *     duplicate activation name), unwrapped from Guice's exception so that its message is the one shown
     */
    public static Injector injector(Properties configuration) {
        try {
            return Guice.createInjector(Stage.PRODUCTION,
                    new NeuriteModule(), new ScoringModule(), new ConfigurationModule(configuration));
        } catch (CreationException e) {
            throw unwrap(e, e.getErrorMessages().stream().map(Message::getCause).toList());
        } catch (ProvisionException e) {
            throw unwrap(e, e.getErrorMessages().stream().map(Message::getCause).toList());
        }
    }

    /** The scoring service of a new injector; see {@link #injector(Properties)}. */
    public static ScoringService start(Properties configuration) {
        return injector(configuration).getInstance(ScoringService.class);
    }

    private static RuntimeException unwrap(RuntimeException guiceError, Iterable<Throwable> causes) {
        for (Throwable cause : causes) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof NeuriteException neurite) {
                    return neurite;
                }
            }
        }
        return guiceError;
    }
}
