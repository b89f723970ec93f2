package org.neurite.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.neurite.api.spi.LossFactory;
import org.neurite.api.spi.LossProvider;
import org.neurite.api.support.ElementwiseLoss;

/**
 * A user's loss provider as it would sit in its own jar: registered in this module's test
 * {@code META-INF/services}, adding {@code log_cosh} (alias {@code logcosh}) and a parameterised
 * {@code quantile(q=0.5)}, both written with {@link ElementwiseLoss}.
 */
public final class TestLossProvider implements LossProvider {

    /** {@code log(cosh(p - t))}, computed as {@code |d| + log1p(exp(-2|d|)) - log 2}; derivative {@code tanh(p - t)}. */
    static final class LogCosh extends ElementwiseLoss {
        LogCosh(Reduction reduction) {
            super("log_cosh", Map.of(), reduction);
        }

        @Override
        public double value(double p, double t) {
            double d = Math.abs(p - t);
            return d + Math.log1p(Math.exp(-2 * d)) - Math.log(2);
        }

        @Override
        public double derivative(double p, double t) {
            return Math.tanh(p - t);
        }
    }

    /** The pinball loss {@code max(q·(t - p), (q - 1)·(t - p))}, {@code q} in {@code (0, 1)}. */
    static final class Quantile extends ElementwiseLoss {
        private final double q;

        Quantile(Map<String, Double> parameters, Reduction reduction) {
            super("quantile", parameters, reduction);
            this.q = parameters.get("q");
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException("loss 'quantile': parameter 'q' expected a number in (0, 1), got "
                        + q);
            }
        }

        @Override
        public double value(double p, double t) {
            double e = t - p;
            return Math.max(q * e, (q - 1) * e);
        }

        @Override
        public double derivative(double p, double t) {
            return t - p > 0 ? -q : 1 - q;
        }
    }

    /** A factory from lambdas, for tests. */
    static LossFactory factory(String name, Set<String> aliases, Map<String, Double> defaults,
                               BiFunction<Map<String, Double>, Reduction, Loss> make) {
        return new LossFactory() {
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
            public Loss create(Map<String, Double> parameters, Reduction reduction) {
                return make.apply(parameters, reduction);
            }
        };
    }

    @Override
    public Collection<LossFactory> losses() {
        Map<String, Double> quantileDefaults = new LinkedHashMap<>();
        quantileDefaults.put("q", 0.5);
        return List.of(
                factory("log_cosh", Set.of("logcosh"), Map.of(), (p, r) -> new LogCosh(r)),
                factory("quantile", Set.of(), quantileDefaults, Quantile::new));
    }
}
