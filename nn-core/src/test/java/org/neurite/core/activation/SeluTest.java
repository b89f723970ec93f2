package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeluTest {

    private final Selu selu = new Selu();

    @Test
    void isScaledEluWithPyTorchsConstants() {
        Elu elu = (Elu) Eval.REGISTRY.get("elu(alpha=" + Selu.ALPHA + ")");
        for (double z : Eval.points()) {
            Eval.assertRelative(Selu.SCALE * elu.apply(z), selu.apply(z), 1e-15, "selu at " + z);
        }
        assertEquals(Selu.SCALE * 1000, selu.apply(1000));
        assertEquals(-Selu.SCALE * Selu.ALPHA, selu.apply(-1000), 1e-15);
    }

    @Test
    void derivativeIsScaleAboveAndScaleAlphaAtZero() {
        assertEquals(Selu.SCALE, selu.derivative(1));
        assertEquals(Selu.SCALE * Selu.ALPHA, selu.derivative(0.0));
        assertEquals(0.0, selu.derivative(-1000));
    }
}
