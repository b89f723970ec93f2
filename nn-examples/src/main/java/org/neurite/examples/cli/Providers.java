package org.neurite.examples.cli;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.neurite.api.Activations;
import org.neurite.api.Losses;
import org.neurite.api.NeuriteException;
import org.neurite.api.spi.ActivationProvider;
import org.neurite.api.spi.LossProvider;

/**
 * Checks, before a command runs, that every activation and loss provider that {@code ServiceLoader} finds
 * can be created and lists its factories, so that a broken one on the class path is reported as one line
 * that names the provider, the cause and the fix (rather than as a stack trace from deep inside a command).
 */
final class Providers {

    private Providers() {
    }

    /**
     * @throws NeuriteException naming the first broken provider (exit status 1)
     */
    static void check() {
        check(ActivationProvider.class, Activations.class.getClassLoader(), "activation",
                ActivationProvider::activations);
        check(LossProvider.class, Losses.class.getClassLoader(), "loss", LossProvider::losses);
    }

    private static <P> void check(Class<P> type, ClassLoader loader, String what, Consumer<P> use) {
        String fix = "; fix it, or remove the jar that lists it in META-INF/services/" + type.getName()
                + " from the class path";
        Iterator<P> it = ServiceLoader.load(type, loader).iterator();
        while (true) {
            P provider;
            try {
                if (!it.hasNext()) {
                    return;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                String message = String.valueOf(e.getMessage()).replace(type.getName() + ": ", "");
                throw new NeuriteException(what + " provider: " + message + cause(e.getCause()) + fix, e);
            }
            try {
                use.accept(provider);
            } catch (RuntimeException | LinkageError e) {
                throw new NeuriteException(what + " provider " + provider.getClass().getName()
                        + " failed to list its " + what + "s" + cause(e) + fix, e);
            }
        }
    }

    private static String cause(Throwable e) {
        return e == null ? "" : " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + e.getMessage()) + ")";
    }
}
