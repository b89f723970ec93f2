package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReluTest {

    private final Relu relu = new Relu();

    @Test
    void isMaxOfZeroAndZ() {
        for (double z : Eval.points()) {
            assertEquals(Math.max(0.0, z), relu.apply(z), "at " + z);
            assertEquals(z > 0 ? 1.0 : 0.0, relu.derivative(z), "derivative at " + z);
        }
    }

    @Test
    void derivativeAtTheKinkIsZero() {
        assertEquals(0.0, relu.derivative(0.0));
        assertEquals(0.0, relu.derivative(-0.0));
        assertEquals(0.0, Eval.derivative("relu", 0.0));
    }
}
