package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HardSigmoidTest {

    private final HardSigmoid hardSigmoid = new HardSigmoid();

    @Test
    void isRelu6OfZPlusThreeOverSix() {
        Relu6 relu6 = new Relu6();
        for (double z : Eval.points()) {
            assertEquals(relu6.apply(z + 3) / 6, hardSigmoid.apply(z), "at " + z);
        }
        double z = -2.9999;
        assertEquals((z + 3) / 6, hardSigmoid.apply(z), "no cancellation near -3");
    }

    @Test
    void derivativeIsOneSixthStrictlyInsideAndZeroAtTheKinks() {
        assertEquals(1.0 / 6, hardSigmoid.derivative(0));
        assertEquals(0.0, hardSigmoid.derivative(-3.0));
        assertEquals(0.0, hardSigmoid.derivative(3.0));
        assertEquals(1.0 / 6, hardSigmoid.derivative(Math.nextUp(-3.0)));
    }
}
