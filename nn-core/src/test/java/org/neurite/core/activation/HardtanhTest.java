package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HardtanhTest {

    @Test
    void clampsToItsBoundsWithZeroDerivativeAtThem() {
        Hardtanh h = (Hardtanh) Eval.REGISTRY.get("hardtanh(min=-2, max=3)");
        for (double z : Eval.points()) {
            assertEquals(Math.max(-2, Math.min(3, z)), h.apply(z));
            assertEquals(z > -2 && z < 3 ? 1.0 : 0.0, h.derivative(z));
        }
        assertEquals(0.0, h.derivative(-2.0));
        assertEquals(0.0, h.derivative(3.0));
        assertEquals("hardtanh(min=-1.0, max=1.0)", Eval.REGISTRY.get("hardtanh").spec());
    }

    @Test
    void rejectsBoundsOutOfOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Eval.REGISTRY.get("hardtanh(min=1, max=1)"));
        assertTrue(e.getMessage().contains("min < max") && e.getMessage().contains("min=1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Eval.REGISTRY.get("hardtanh(max=-5)"));
        assertTrue(e.getMessage().contains("max=-5.0"), e.getMessage());
        for (String spec : List.of("hardtanh(min=-Infinity)", "hardtanh(max=NaN)")) {
            assertThrows(IllegalArgumentException.class, () -> Eval.REGISTRY.get(spec), spec);
        }
    }
}
