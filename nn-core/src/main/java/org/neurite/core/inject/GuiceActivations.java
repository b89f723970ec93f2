package org.neurite.core.inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurite.api.Activations;
import org.neurite.api.NeuriteException;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;

/**
 * Builds the registry from the {@code ServiceLoader} providers and the factories bound through
 * {@link NeuriteModule#activationBinder}. Each Guice binding becomes a provider of its own, so that the
 * registry's duplicate-name error names it precisely, next to the jar's provider class it clashes with.
 */
final class GuiceActivations {

    private GuiceActivations() {
    }

    /**
     * The registry of {@code discovered} providers followed by every {@code bound} factory.
     *
     * @param bound the MapBinder's entries: activation name to factory
     * @throws org.neurite.api.DuplicateActivationException if a name is registered twice; names both sources
     * @throws NeuriteException if a binding's key is not its factory's name
     */
    static Activations merge(List<? extends ActivationProvider> discovered, Map<String, ActivationFactory> bound) {
        List<ActivationProvider> all = new ArrayList<>(discovered);
        bound.forEach((key, factory) -> all.add(new GuiceBinding(checkedKey(key, factory), factory)));
        return Activations.of(all);
    }

    /** The key must be the factory's name: otherwise the registry would answer to a name nobody bound. */
    private static String checkedKey(String key, ActivationFactory factory) {
        if (!key.toLowerCase(Locale.ROOT).equals(factory.name().toLowerCase(Locale.ROOT))) {
            throw new NeuriteException("activation: the Guice binding '" + key + "' holds a factory named '"
                    + factory.name() + "' (" + factory.getClass().getName() + "); bind it under its own name: "
                    + "NeuriteModule.activationBinder(binder()).addBinding(\"" + factory.name() + "\")");
        }
        return key;
    }

    /** One MapBinder entry seen as a provider; never instantiated by {@code ServiceLoader}. */
    private record GuiceBinding(String key, ActivationFactory factory) implements ActivationProvider {

        @Override
        public Collection<ActivationFactory> activations() {
            return List.of(factory);
        }

        @Override
        public String source() {
            return "Guice binding '" + key + "' (" + factory.getClass().getName() + ")";
        }
    }
}
