package org.neurite.examples.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neurite.api.Activation;
import org.neurite.api.Stability;
import org.neurite.api.spi.ActivationFactory;

/**
 * Makes {@code scaled_tanh(a=1.7159, b=0.6666666666666666)}, the application's own activation: LeCun's
 * {@code a · tanh(b · z)}. The Guice wiring binds this factory by name; the plain wiring registers it
 * through {@link ScaledTanhProvider}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ScaledTanhFactory implements ActivationFactory {

    /** The name models use: {@value}. */
    public static final String NAME = "scaled_tanh";

    private static final Map<String, Double> DEFAULTS = defaultParameters();

    /** A factory; it has no state. */
    public ScaledTanhFactory() {
    }

    private static Map<String, Double> defaultParameters() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("a", 1.7159);
        d.put("b", 2.0 / 3.0);
        return d;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Double> defaults() {
        return DEFAULTS;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code a} or {@code b} is not finite
     */
    @Override
    public Activation create(Map<String, Double> parameters) {
        double a = parameters.get("a");
        double b = parameters.get("b");
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException(NAME + ": expected finite a and b, got a=" + a + ", b=" + b);
        }
        return new ScaledTanh(a, b);
    }
}
