package org.neurite.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.neurite.api.spi.LossFactory;
import org.neurite.api.spi.LossProvider;

/**
 * The losses known by name: a registry built from {@link LossProvider}s, built-in and user ones alike.
 *
 * <p>Specs follow the grammar of {@link Activations}, names ignoring case with numeric parameters in the
 * text, plus the one non-numeric parameter every loss takes, {@code reduction} ({@code mean}, the
 * default, or {@code sum}): {@code mse}, {@code mse(reduction=sum)},
 * {@code huber(delta=2.0, reduction=mean)}, {@code cross_entropy(label_smoothing=0.1)}. Parameters left
 * out take their defaults. An unknown name or parameter is an {@link UnknownLossException} that lists the
 * known ones; a name that two providers register is a {@link DuplicateLossException} naming both. A
 * registry is immutable and thread-safe.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Losses {

    /** The parameter every loss takes besides its own numeric ones. */
    static final String REDUCTION = "reduction";

    private static final SpecParser PARSER = new SpecParser("loss",
            "'mse' or 'huber(delta=2.0, reduction=sum)'", UnknownLossException::new);

    private static volatile Losses discovered;

    private final NameTable<LossFactory> table = new NameTable<>(PARSER, DuplicateLossException::new);

    private Losses(List<? extends LossProvider> providers) {
        for (LossProvider provider : providers) {
            for (LossFactory factory : provider.losses()) {
                if (factory.defaults().containsKey(REDUCTION)) {
                    throw new IllegalArgumentException("loss '" + factory.name().toLowerCase(Locale.ROOT) + "' of "
                            + provider.source() + ": expected numeric parameters other than '" + REDUCTION
                            + "', which every loss takes already, got " + factory.defaults().keySet());
                }
                table.add(factory.name(), factory.aliases(), factory, provider.source());
            }
        }
    }

    /** The registry of every {@link LossProvider} on the class path, discovered once and shared. */
    public static Losses discover() {
        Losses result = discovered;
        if (result == null) {
            synchronized (Losses.class) {
                result = discovered;
                if (result == null) {
                    result = new Losses(loadProviders());
                    discovered = result;
                }
            }
        }
        return result;
    }

    /**
     * A registry of exactly these providers, for example the discovered ones plus an application's own.
     *
     * @throws DuplicateLossException if two of them register the same name or alias
     */
    public static Losses of(List<? extends LossProvider> providers) {
        return new Losses(providers);
    }

    /** The providers that {@link ServiceLoader} finds on the class path (a broken one is an error). */
    public static List<LossProvider> loadProviders() {
        return NameTable.loadProviders(LossProvider.class, Losses.class.getClassLoader(), "loss");
    }

    /**
     * The loss that {@code spec} names, for example {@code mse} or {@code huber(delta=2.0, reduction=sum)}.
     *
     * @throws UnknownLossException if the name or a parameter is unknown; lists the known ones
     * @throws IllegalArgumentException if the text is malformed or a value out of range (naming the loss,
     *     the parameter, what it expects and what it got)
     * @throws NeuriteException if the factory makes nothing
     */
    public Loss get(String spec) {
        SpecParser.Parsed parsed = PARSER.parse(spec);
        NameTable.Registration<LossFactory> reg = table.find(parsed.name());
        LossFactory factory = reg.factory();
        Map<String, Double> defaults = factory.defaults();
        List<String> known = new ArrayList<>(defaults.keySet());
        known.add(REDUCTION);
        Map<String, Double> values = new LinkedHashMap<>(defaults);
        Reduction[] reduction = {Reduction.MEAN};
        PARSER.forEachParameter(parsed, factory.name(), known, (key, text) -> {
            if (key.equals(REDUCTION)) {
                reduction[0] = reduction(factory.name(), text);
            } else {
                values.put(key, PARSER.number(factory.name(), key, text));
            }
        });
        return PARSER.created(factory.create(values, reduction[0]), factory.name(), reg.source());
    }

    /** True when {@code name} (without parameters) is registered, ignoring case. */
    public boolean contains(String name) {
        return table.contains(name);
    }

    /** The canonical names, sorted; aliases not included. */
    public List<String> names() {
        return List.copyOf(table.canonical().keySet());
    }

    /**
     * Who registered {@code name} (a canonical name or alias).
     *
     * @throws UnknownLossException if no provider registers it; lists the known ones
     */
    public String sourceOf(String name) {
        return table.find(name).source();
    }

    private static Reduction reduction(String loss, String text) {
        try {
            return Reduction.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loss '" + loss + "': parameter '" + REDUCTION
                    + "' expected mean or sum, got '" + SpecParser.clip(text) + "'", e);
        }
    }
}
