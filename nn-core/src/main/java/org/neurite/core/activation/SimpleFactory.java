package org.neurite.core.activation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neurite.api.Activation;
import org.neurite.api.spi.ActivationFactory;

/** An {@link ActivationFactory} from a name, aliases, defaults and a constructor. */
record SimpleFactory(String name, Set<String> aliases, Map<String, Double> defaults, boolean elementwise,
                     Function<Map<String, Double>, Activation> constructor) implements ActivationFactory {

    /** An element-wise activation without parameters. */
    static SimpleFactory of(String name, Supplier<Activation> constructor, String... aliases) {
        return new SimpleFactory(name, Set.of(aliases), Map.of(), true, p -> constructor.get());
    }

    /**
     * An element-wise activation with parameters.
     *
     * @param namesAndDefaults alternating parameter names and default values, in print order
     */
    static SimpleFactory withParameters(String name, Function<Map<String, Double>, Activation> constructor,
                                        Object... namesAndDefaults) {
        Map<String, Double> defaults = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDefaults.length; i += 2) {
            defaults.put((String) namesAndDefaults[i], ((Number) namesAndDefaults[i + 1]).doubleValue());
        }
        return new SimpleFactory(name, Set.of(), Collections.unmodifiableMap(defaults), true, constructor);
    }

    /** An activation of whole rows (softmax-like), without parameters. */
    static SimpleFactory rowwise(String name, Supplier<Activation> constructor) {
        return new SimpleFactory(name, Set.of(), Map.of(), false, p -> constructor.get());
    }

    @Override
    public Activation create(Map<String, Double> parameters) {
        return constructor.apply(parameters);
    }
}
