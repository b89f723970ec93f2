package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CeluTest {

    @Test
    void equalsEluAtAlphaOne() {
        Celu celu = (Celu) Eval.REGISTRY.get("celu");
        Elu elu = (Elu) Eval.REGISTRY.get("elu");
        for (double z : Eval.points()) {
            assertEquals(elu.apply(z), celu.apply(z));
            assertEquals(elu.derivative(z), celu.derivative(z));
        }
    }

    @Test
    void isContinuouslyDifferentiableAtZeroForAnyAlpha() {
        Celu celu = (Celu) Eval.REGISTRY.get("celu(alpha=3)");
        assertEquals(1.0, celu.derivative(0.0));
        assertEquals(1.0, celu.derivative(-1e-12), 1e-12);
        assertEquals(-3.0, celu.apply(-1000));
        assertEquals(1000.0, celu.apply(1000));
    }

    @Test
    void rejectsAlphaThatIsNotPositive() {
        for (String spec : new String[] {"celu(alpha=0)", "celu(alpha=-1)"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Eval.REGISTRY.get(spec));
            assertTrue(e.getMessage().contains("'alpha'") && e.getMessage().contains("> 0"), e.getMessage());
        }
    }
}
