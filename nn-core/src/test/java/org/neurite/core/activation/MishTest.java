package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MishTest {

    private final Mish mish = new Mish();

    @Test
    void isZTimesTanhOfSoftplus() {
        for (double z : Eval.points()) {
            double expected = z * Math.tanh(Sigmoid.softplus(z));
            Eval.assertRelative(expected, mish.apply(z), 1e-14, "at " + z);
        }
    }

    @Test
    void derivativeMatchesTheDefinitionWhereThatIsAccurate() {
        for (double z = -5; z <= 5; z += 0.25) {
            double t = Math.tanh(Sigmoid.softplus(z));
            double expected = t + z * (1 - t * t) * new Sigmoid().apply(z);
            assertEquals(expected, mish.derivative(z), 1e-14, "at " + z);
        }
    }

    @Test
    void tailsNeitherOverflowNorCancel() {
        assertEquals(1000.0, mish.apply(1000));
        assertEquals(1.0, mish.derivative(1000));
        assertEquals(0.0, mish.apply(-1000), 0.0);
        assertEquals(0.0, mish.derivative(-1000), 0.0);
        Eval.assertRelative(-20 * Math.exp(-20), mish.apply(-20), 1e-8, "mish(-20) ≈ z·e^z");
    }
}
