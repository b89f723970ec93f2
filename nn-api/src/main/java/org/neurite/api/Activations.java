package org.neurite.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;

/**
 * The activations known by name: a registry built from {@link ActivationProvider}s, built-in and user
 * ones alike.
 *
 * <p>Names are looked up ignoring case, with parameters in the text: {@code relu},
 * {@code leaky_relu(alpha=0.1)}, {@code hardtanh(min=-2, max=2)}. Parameters left out take their
 * defaults. An unknown name or parameter is an {@link UnknownActivationException} that lists the known
 * ones; a name that two providers register is a {@link DuplicateActivationException} naming both.
 * A registry is immutable and thread-safe.
 */
@Stability(Stability.Status.STABLE)
public final class Activations {

    private static final SpecParser PARSER = new SpecParser("activation",
            "'relu' or 'leaky_relu(alpha=0.1)'", UnknownActivationException::new);

    private static volatile Activations discovered;

    private final NameTable<ActivationFactory> table =
            new NameTable<>(PARSER, DuplicateActivationException::new);

    private Activations(List<? extends ActivationProvider> providers) {
        for (ActivationProvider provider : providers) {
            for (ActivationFactory factory : provider.activations()) {
                table.add(factory.name(), factory.aliases(), factory, provider.source());
            }
        }
    }

    /** The registry of every {@link ActivationProvider} on the class path, discovered once and shared. */
    public static Activations discover() {
        Activations result = discovered;
        if (result == null) {
            synchronized (Activations.class) {
                result = discovered;
                if (result == null) {
                    result = new Activations(loadProviders());
                    discovered = result;
                }
            }
        }
        return result;
    }

    /**
     * A registry of exactly these providers, for example the discovered ones plus an application's own.
     *
     * @throws DuplicateActivationException if two of them register the same name or alias
     */
    public static Activations of(List<? extends ActivationProvider> providers) {
        return new Activations(providers);
    }

    /** The providers that {@link ServiceLoader} finds on the class path (a broken one is an error). */
    public static List<ActivationProvider> loadProviders() {
        return NameTable.loadProviders(ActivationProvider.class, Activations.class.getClassLoader(), "activation");
    }

    /**
     * The activation that {@code spec} names, for example {@code relu} or {@code leaky_relu(alpha=0.1)}.
     *
     * @throws UnknownActivationException if the name or a parameter is unknown; lists the known ones
     * @throws IllegalArgumentException if the text is malformed or a value out of range
     * @throws NeuriteException if the factory makes nothing
     */
    public Activation get(String spec) {
        SpecParser.Parsed parsed = PARSER.parse(spec);
        NameTable.Registration<ActivationFactory> reg = table.find(parsed.name());
        ActivationFactory factory = reg.factory();
        return PARSER.created(factory.create(parameters(factory, parsed)), factory.name(), reg.source());
    }

    /** The activation {@code name} with the given parameters (others take their defaults). */
    public Activation get(String name, Map<String, Double> parameters) {
        StringBuilder spec = new StringBuilder(name);
        if (!parameters.isEmpty()) {
            spec.append('(');
            parameters.forEach((k, v) -> spec.append(k).append('=').append(v).append(','));
            spec.setCharAt(spec.length() - 1, ')');
        }
        return get(spec.toString());
    }

    /** True when {@code name} (without parameters) is registered, ignoring case. */
    public boolean contains(String name) {
        return table.contains(name);
    }

    /** The canonical names, sorted; aliases not included. */
    public List<String> names() {
        return List.copyOf(table.canonical().keySet());
    }

    /** The factory of each canonical name, sorted by name. */
    public Map<String, ActivationFactory> factories() {
        return table.canonical();
    }

    /** Who registered {@code name} (a canonical name or alias). */
    public String sourceOf(String name) {
        return table.find(name).source();
    }

    private static Map<String, Double> parameters(ActivationFactory factory, SpecParser.Parsed parsed) {
        Map<String, Double> defaults = factory.defaults();
        Map<String, Double> values = new LinkedHashMap<>(defaults);
        PARSER.forEachParameter(parsed, factory.name(), defaults.keySet(),
                (key, text) -> values.put(key, PARSER.number(factory.name(), key, text)));
        return values;
    }
}
