package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SigmoidTest {

    private final Sigmoid sigmoid = new Sigmoid();

    @Test
    void saturatesWithoutOverflow() {
        assertEquals(0.0, sigmoid.apply(-1000));
        assertEquals(1.0, sigmoid.apply(1000));
        assertEquals(0.5, sigmoid.apply(0));
        assertEquals(0.0, sigmoid.derivative(-1000));
        assertEquals(0.0, sigmoid.derivative(1000));
    }

    @Test
    void isSymmetricAboutOneHalf() {
        for (double z : Eval.points()) {
            if (Math.abs(z) <= 20) {
                assertEquals(1.0, sigmoid.apply(z) + sigmoid.apply(-z), 2 * Math.ulp(1.0), "at " + z);
            }
            assertEquals(sigmoid.derivative(z), sigmoid.derivative(-z), "derivative is even, at " + z);
        }
    }

    @Test
    void derivativeIsSigmaTimesSigmaOfMinusZEvenInTheTail() {
        for (double z : Eval.points()) {
            double expected = sigmoid.apply(z) * sigmoid.apply(-z);
            Eval.assertRelative(expected, sigmoid.derivative(z), 1e-14, "sigmoid' at " + z);
        }
        // The tutorial's s·(1 - s) is off by far more at z = 20: the reason for the stable form.
        double s = sigmoid.apply(20);
        assertTrue(Math.abs(s * (1 - s) - sigmoid.derivative(20)) > 1e-10 * sigmoid.derivative(20));
    }
}
