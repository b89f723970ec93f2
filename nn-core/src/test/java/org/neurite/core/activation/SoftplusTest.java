package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftplusTest {

    @Test
    void isExactAtLargeInputsWithoutAThreshold() {
        Softplus softplus = (Softplus) Eval.REGISTRY.get("softplus");
        assertEquals(1000.0, softplus.apply(1000));
        assertEquals(0.0, softplus.apply(-1000));
        assertEquals(Math.exp(-40), softplus.apply(-40), 1e-16 * Math.exp(-40));
        assertEquals(1.0, softplus.derivative(1000));
    }

    @Test
    void differenceOfMirrorImagesIsZ() {
        Softplus softplus = (Softplus) Eval.REGISTRY.get("softplus");
        for (double z : Eval.points()) {
            assertEquals(z, softplus.apply(z) - softplus.apply(-z), 2 * Math.ulp(Math.abs(z) + 1), "at " + z);
        }
    }

    @Test
    void betaScalesTheInputAndTheOutput() {
        Softplus one = (Softplus) Eval.REGISTRY.get("softplus");
        Softplus two = (Softplus) Eval.REGISTRY.get("softplus(beta=2)");
        Sigmoid sigmoid = new Sigmoid();
        for (double z : Eval.points()) {
            Eval.assertRelative(one.apply(2 * z) / 2, two.apply(z), 1e-15, "at " + z);
            assertEquals(sigmoid.apply(2 * z), two.derivative(z));
        }
    }

    @Test
    void rejectsBetaThatIsNotPositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Eval.REGISTRY.get("softplus(beta=0)"));
        assertTrue(e.getMessage().contains("'beta'") && e.getMessage().contains("> 0"), e.getMessage());
    }
}
