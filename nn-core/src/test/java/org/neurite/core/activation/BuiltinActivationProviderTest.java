package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.spi.ActivationFactory;

class BuiltinActivationProviderTest {

    private static final List<String> CATALOGUE = List.of("linear", "sigmoid", "tanh", "relu", "leaky_relu", "prelu",
            "elu", "selu", "celu", "gelu", "gelu_tanh", "silu", "swish", "mish", "softplus", "softsign", "log_sigmoid",
            "relu6", "hardtanh", "hard_sigmoid", "hard_swish", "tanhshrink", "softmax", "log_softmax");

    private final Activations builtins = Activations.of(List.of(new BuiltinActivationProvider()));

    @Test
    void registersTheWholeCatalogueAndNothingElse() {
        assertEquals(Set.copyOf(CATALOGUE), Set.copyOf(builtins.names()));
        assertTrue(builtins.contains("identity"));
        assertTrue(Eval.REGISTRY.names().containsAll(CATALOGUE), "found through ServiceLoader too");
    }

    @Test
    void parametersHavePyTorchsDefaults() {
        Map<String, ActivationFactory> f = builtins.factories();
        assertEquals(Map.of("alpha", 0.01), f.get("leaky_relu").defaults());
        assertEquals(Map.of("alpha", 0.25), f.get("prelu").defaults());
        assertEquals(Map.of("alpha", 1.0), f.get("elu").defaults());
        assertEquals(Map.of("alpha", 1.0), f.get("celu").defaults());
        assertEquals(Map.of("beta", 1.0), f.get("swish").defaults());
        assertEquals(Map.of("beta", 1.0), f.get("softplus").defaults());
        assertEquals(List.of("min", "max"), List.copyOf(f.get("hardtanh").defaults().keySet()));
        assertEquals(List.of(-1.0, 1.0), List.copyOf(f.get("hardtanh").defaults().values()));
    }

    @Test
    void namesAreLowerCaseAndLookupIgnoresCase() {
        for (String name : builtins.names()) {
            assertEquals(name.toLowerCase(Locale.ROOT), name);
            Activation a = builtins.get(name.toUpperCase(Locale.ROOT));
            assertEquals(name, a.name());
            assertEquals(a, builtins.get(a.spec()), name + ": spec() parses back to an equal activation");
        }
        assertEquals(builtins.get("leaky_relu(alpha=0.1)"), builtins.get("LEAKY_RELU(ALPHA=0.1)"));
    }

    @Test
    void onlySoftmaxAndLogSoftmaxAreRowWise() {
        for (Map.Entry<String, ActivationFactory> e : builtins.factories().entrySet()) {
            boolean rowwise = e.getKey().equals("softmax") || e.getKey().equals("log_softmax");
            assertEquals(!rowwise, e.getValue().elementwise(), e.getKey());
        }
    }

    @Test
    void namesItsSourceInErrors() {
        assertTrue(builtins.sourceOf("relu").contains("Neurite built-ins"));
    }
}
