package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogSigmoidTest {

    private final LogSigmoid logSigmoid = new LogSigmoid();

    @Test
    void isMinusSoftplusOfMinusZ() {
        for (double z : Eval.points()) {
            assertEquals(-Sigmoid.softplus(-z), logSigmoid.apply(z), 0.0, "at " + z);
            assertEquals(new Sigmoid().apply(-z), logSigmoid.derivative(z), "derivative at " + z);
        }
    }

    @Test
    void neverTakesTheLogOfARoundedSigmoid() {
        assertEquals(-1000.0, logSigmoid.apply(-1000));
        assertTrue(logSigmoid.apply(40) < 0, "log σ(40) is -4.2e-18, not 0");
        Eval.assertRelative(-Math.exp(-40), logSigmoid.apply(40), 1e-15, "log σ(40)");
    }
}
