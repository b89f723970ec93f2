package org.neurite.core.activation;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.neurite.api.Activation;
import org.neurite.api.spi.ActivationFactory;

/** An {@link ActivationFactory} from a name, aliases, defaults and a constructor. */
record SimpleFactory(String name, Set<String> aliases, Map<String, Double> defaults, boolean elementwise,
                     Function<Map<String, Double>, Activation> constructor) implements ActivationFactory {

    /** An element-wise activation without parameters. */
    static SimpleFactory of(String name, java.util.function.Supplier<Activation> constructor, String... aliases) {
        return new SimpleFactory(name, Set.of(aliases), Map.of(), true, p -> constructor.get());
    }

    @Override
    public Activation create(Map<String, Double> parameters) {
        return constructor.apply(parameters);
    }
}
