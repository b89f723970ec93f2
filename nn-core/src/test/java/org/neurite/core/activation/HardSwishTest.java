package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HardSwishTest {

    private final HardSwish hardSwish = new HardSwish();

    @Test
    void isZTimesHardSigmoid() {
        HardSigmoid hardSigmoid = new HardSigmoid();
        for (double z : Eval.points()) {
            Eval.assertRelative(z * hardSigmoid.apply(z), hardSwish.apply(z), 1e-15, "at " + z);
        }
    }

    @Test
    void derivativeAtTheKinksIsPyTorchs() {
        assertEquals(-0.5, hardSwish.derivative(-3.0), "PyTorch takes the right-hand slope at -3");
        assertEquals(1.5, hardSwish.derivative(3.0), "PyTorch takes the left-hand slope at 3");
        assertEquals(0.0, hardSwish.derivative(Math.nextDown(-3.0)));
        assertEquals(1.0, hardSwish.derivative(Math.nextUp(3.0)));
        assertEquals(0.0, hardSwish.derivative(-1.5), "the minimum");
    }
}
