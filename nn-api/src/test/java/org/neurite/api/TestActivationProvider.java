package org.neurite.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;
import org.neurite.api.support.ElementwiseActivation;

/**
 * A user's provider as it would sit in its own jar: registered in this module's test
 * {@code META-INF/services}, adding {@code bent_identity} and a parameterised {@code scaled(factor=2.0)}.
 */
public final class TestActivationProvider implements ActivationProvider {

    /** The bent identity, {@code (√(z²+1) - 1)/2 + z}. */
    static final class BentIdentity extends ElementwiseActivation {
        BentIdentity() {
            super("bent_identity");
        }

        @Override
        public double apply(double z) {
            return (Math.sqrt(z * z + 1) - 1) / 2 + z;
        }

        @Override
        public double derivative(double z) {
            return z / (2 * Math.sqrt(z * z + 1)) + 1;
        }
    }

    /** {@code factor·z}. */
    static final class Scaled extends ElementwiseActivation {
        private final double factor;

        Scaled(Map<String, Double> parameters) {
            super("scaled", parameters);
            this.factor = parameters.get("factor");
            if (!(factor > 0)) {
                throw new IllegalArgumentException("activation 'scaled': parameter 'factor' expected > 0, got "
                        + factor);
            }
        }

        @Override
        public double apply(double z) {
            return factor * z;
        }

        @Override
        public double derivative(double z) {
            return factor;
        }
    }

    /** A factory from lambdas, for tests. */
    static ActivationFactory factory(String name, Set<String> aliases, Map<String, Double> defaults,
                                     java.util.function.Function<Map<String, Double>, Activation> make) {
        return new ActivationFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> aliases() {
                return aliases;
            }

            @Override
            public Map<String, Double> defaults() {
                return defaults;
            }

            @Override
            public Activation create(Map<String, Double> parameters) {
                return make.apply(parameters);
            }
        };
    }

    @Override
    public Collection<ActivationFactory> activations() {
        Map<String, Double> scaledDefaults = new LinkedHashMap<>();
        scaledDefaults.put("factor", 2.0);
        return List.of(
                factory("bent_identity", Set.of("bent"), Map.of(), p -> new BentIdentity()),
                factory("scaled", Set.of(), scaledDefaults, Scaled::new));
    }
}
