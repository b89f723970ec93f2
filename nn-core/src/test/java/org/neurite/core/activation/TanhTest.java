package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TanhTest {

    private final Tanh tanh = new Tanh();

    @Test
    void isOddAndSaturates() {
        for (double z : Eval.points()) {
            assertEquals(-tanh.apply(z), tanh.apply(-z));
        }
        assertEquals(1.0, tanh.apply(1000));
        assertEquals(1.0, tanh.derivative(0));
    }

    @Test
    void derivativeIsSechSquaredAndKeepsItsDigitsInTheTail() {
        for (double z : Eval.points()) {
            double cosh = Math.cosh(z);
            double expected = 1.0 / (cosh * cosh);
            Eval.assertRelative(expected, tanh.derivative(z), 1e-14, "tanh' at " + z);
        }
        assertEquals(0.0, 1.0 - Math.pow(Math.tanh(20), 2), "1 - tanh² has lost everything at 20");
        assertTrue(tanh.derivative(20) > 0);
    }
}
