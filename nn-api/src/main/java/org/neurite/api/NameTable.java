package org.neurite.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The name table shared by the registries ({@link Activations}, {@link Losses}): canonical names and
 * aliases, lower case, to the factory and the source that registered them, built once and then read-only.
 * A name registered twice is an error naming both sources.
 *
 * @param <F> the factory type
 */
final class NameTable<F> {

    /** One factory and who registered it. */
    record Registration<F>(F factory, String source) { }

    private final Map<String, Registration<F>> byName = new TreeMap<>();
    private final Map<String, F> canonical = new TreeMap<>();
    private final Map<String, Registration<F>> byNameView = Collections.unmodifiableMap(byName);
    private final Map<String, F> canonicalView = Collections.unmodifiableMap(canonical);
    private final SpecParser parser;
    private final Function<String, ? extends NeuriteException> duplicate;

    /** @param duplicate makes the exception for a name registered twice, from its message */
    NameTable(SpecParser parser, Function<String, ? extends NeuriteException> duplicate) {
        this.parser = parser;
        this.duplicate = duplicate;
    }

    /**
     * Registers {@code name} and its aliases for {@code factory}.
     *
     * @throws NeuriteException naming {@code source}, if a name is not of the grammar (and so could never be
     *         looked up); nothing is registered then
     */
    void add(String name, Collection<String> aliases, F factory, String source) {
        parser.checkRegistered(name, source);
        for (String alias : aliases) {
            parser.checkRegistered(alias, source);
        }
        String canon = name.toLowerCase(Locale.ROOT);
        register(canon, factory, source);
        canonical.put(canon, factory);
        for (String alias : aliases) {
            register(alias.toLowerCase(Locale.ROOT), factory, source);
        }
    }

    private void register(String name, F factory, String source) {
        Registration<F> previous = byName.putIfAbsent(name, new Registration<>(factory, source));
        if (previous != null) {
            throw duplicate.apply(parser.duplicate(name, previous.source(), source));
        }
    }

    /** The registration of a name or alias, ignoring case, or the parser's unknown-name error. */
    Registration<F> find(String name) {
        Registration<F> reg = byName.get(name.toLowerCase(Locale.ROOT));
        if (reg == null) {
            throw parser.unknownName(name, byName.keySet());
        }
        return reg;
    }

    /** True when {@code name} is registered, ignoring case. */
    boolean contains(String name) {
        return byName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Every name and alias, sorted. */
    Set<String> allNames() {
        return byNameView.keySet();
    }

    /** The factory of each canonical name, sorted by name. */
    Map<String, F> canonical() {
        return canonicalView;
    }

    /**
     * The providers of {@code type} that {@link ServiceLoader} finds through {@code loader} (a broken one
     * is an error naming {@code what}).
     */
    static <P> List<P> loadProviders(Class<P> type, ClassLoader loader, String what) {
        List<P> providers = new ArrayList<>();
        Iterator<P> it = ServiceLoader.load(type, loader).iterator();
        try {
            while (it.hasNext()) {
                providers.add(it.next());
            }
        } catch (ServiceConfigurationError e) {
            throw new NeuriteException(what + " provider: failed to load: " + e.getMessage(), e);
        }
        return providers;
    }
}
