package org.neurite.core.activation;

import java.util.Collection;
import java.util.List;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;

/**
 * Neurite's own activations, registered through the same {@link ActivationProvider} SPI as a user's
 * (listed in nn-core's {@code META-INF/services}).
 */
@org.neurite.api.Stability(org.neurite.api.Stability.Status.INTERNAL)
public final class BuiltinActivationProvider implements ActivationProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public BuiltinActivationProvider() {
    }

    @Override
    public Collection<ActivationFactory> activations() {
        return List.of(
                SimpleFactory.of("linear", Linear::new, "identity"),
                SimpleFactory.of("sigmoid", Sigmoid::new),
                SimpleFactory.of("tanh", Tanh::new),
                SimpleFactory.of("relu", Relu::new));
    }

    @Override
    public String source() {
        return "Neurite built-ins (" + getClass().getName() + ")";
    }
}
