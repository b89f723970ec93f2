package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EluTest {

    @Test
    void isExpm1BelowZeroAndIdentityAbove() {
        Elu elu = (Elu) Eval.REGISTRY.get("elu(alpha=2)");
        for (double z : Eval.points()) {
            assertEquals(z > 0 ? z : 2 * Math.expm1(z), elu.apply(z));
        }
        assertEquals(1000.0, elu.apply(1000), "no e^1000 is formed");
        assertEquals(-2.0, elu.apply(-1000));
        double z = -1e-8;
        Eval.assertRelative(z + z * z / 2, Eval.elementwise("elu").apply(z), 1e-15, "small inputs keep their digits");
    }

    @Test
    void derivativeAtZeroIsAlphaAsInPyTorch() {
        assertEquals(2.0, Eval.elementwise("elu(alpha=2)").derivative(0.0));
        assertEquals(1.0, Eval.elementwise("elu").derivative(0.0));
        assertEquals(1.0, Eval.elementwise("elu(alpha=2)").derivative(1e-300));
    }

    @Test
    void rejectsANegativeAlpha() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Eval.REGISTRY.get("elu(alpha=-1)"));
        assertTrue(e.getMessage().contains("'alpha'") && e.getMessage().contains(">= 0"), e.getMessage());
    }
}
