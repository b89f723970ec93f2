package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeakyReluTest {

    @Test
    void defaultsToPyTorchsSlopeAndTakesOneInTheName() {
        assertEquals(Map.of("alpha", 0.01), Eval.REGISTRY.get("leaky_relu").parameters());
        assertEquals("leaky_relu(alpha=0.1)", Eval.REGISTRY.get("Leaky_ReLU( alpha = 0.1 )").spec());
    }

    @Test
    void slopesNegativeInputsAndTakesAlphaAtTheKink() {
        LeakyRelu f = (LeakyRelu) Eval.REGISTRY.get("leaky_relu(alpha=0.2)");
        for (double z : Eval.points()) {
            assertEquals(z > 0 ? z : 0.2 * z, f.apply(z));
            assertEquals(z > 0 ? 1.0 : 0.2, f.derivative(z));
        }
        assertEquals(0.2, f.derivative(0.0), "derivative at 0 is alpha (PyTorch)");
    }

    @Test
    void rejectsANonFiniteAlphaNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Eval.REGISTRY.get("leaky_relu(alpha=NaN)"));
        assertTrue(e.getMessage().contains("'alpha'") && e.getMessage().contains("finite"), e.getMessage());
    }
}
