package org.neurite.core.activation;

import java.util.Collection;
import java.util.List;
import org.neurite.api.Stability;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;

/**
 * Neurite's own activations, registered through the same {@link ActivationProvider} SPI as a user's
 * (listed in nn-core's {@code META-INF/services}). Names, parameters and defaults follow PyTorch's
 * {@code torch.nn} modules.
 *
 * <p>{@code swish(beta=1.0)} and {@code silu} are two entries rather than an alias: an alias finds the
 * same factory, so {@code silu} would then carry a {@code beta} parameter that PyTorch's {@code SiLU} does
 * not have. {@code swish} with its default beta computes exactly what {@code silu} does.
 */
@Stability(Stability.Status.INTERNAL)
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
                SimpleFactory.of("relu", Relu::new),
                SimpleFactory.withParameters(LeakyRelu.NAME, LeakyRelu::new, "alpha", 0.01),
                SimpleFactory.withParameters(Prelu.NAME, Prelu::new, "alpha", 0.25),
                SimpleFactory.withParameters(Elu.NAME, Elu::new, "alpha", 1.0),
                SimpleFactory.of("selu", Selu::new),
                SimpleFactory.withParameters(Celu.NAME, Celu::new, "alpha", 1.0),
                SimpleFactory.of("gelu", Gelu::new),
                SimpleFactory.of("gelu_tanh", GeluTanh::new),
                SimpleFactory.of(Swish.SILU, Swish::new),
                SimpleFactory.withParameters(Swish.NAME, Swish::new, "beta", 1.0),
                SimpleFactory.of("mish", Mish::new),
                SimpleFactory.withParameters(Softplus.NAME, Softplus::new, "beta", 1.0),
                SimpleFactory.of("softsign", Softsign::new),
                SimpleFactory.of("log_sigmoid", LogSigmoid::new),
                SimpleFactory.of("relu6", Relu6::new),
                SimpleFactory.withParameters(Hardtanh.NAME, Hardtanh::new, "min", -1.0, "max", 1.0),
                SimpleFactory.of("hard_sigmoid", HardSigmoid::new),
                SimpleFactory.of("hard_swish", HardSwish::new),
                SimpleFactory.of("tanhshrink", Tanhshrink::new),
                SimpleFactory.rowwise("softmax", Softmax::new),
                SimpleFactory.rowwise("log_softmax", LogSoftmax::new));
    }

    @Override
    public String source() {
        return "Neurite built-ins (" + getClass().getName() + ")";
    }
}
