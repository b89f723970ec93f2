package org.neurite.core.loss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.neurite.api.Loss;
import org.neurite.api.Reduction;
import org.neurite.api.spi.LossFactory;

/** A {@link LossFactory} from a name, aliases, defaults and a constructor. */
record SimpleLossFactory(String name, Set<String> aliases, Map<String, Double> defaults,
                         BiFunction<Map<String, Double>, Reduction, Loss> constructor) implements LossFactory {

    /** A loss without parameters besides its reduction. */
    static SimpleLossFactory of(String name, Function<Reduction, Loss> constructor, String... aliases) {
        return new SimpleLossFactory(name, Set.of(aliases), Map.of(), (p, r) -> constructor.apply(r));
    }

    /** A loss with one numeric parameter. */
    static SimpleLossFactory withParameter(String name, BiFunction<Map<String, Double>, Reduction, Loss> constructor,
                                           String parameter, double defaultValue, String... aliases) {
        Map<String, Double> defaults = new LinkedHashMap<>();
        defaults.put(parameter, defaultValue);
        return new SimpleLossFactory(name, Set.of(aliases), Collections.unmodifiableMap(defaults), constructor);
    }

    @Override
    public Loss create(Map<String, Double> parameters, Reduction reduction) {
        return constructor.apply(parameters, reduction);
    }
}
