package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SwishTest {

    @Test
    void siluIsSwishAtBetaOneWithoutAParameter() {
        Swish silu = (Swish) Eval.REGISTRY.get("silu");
        Swish swish = (Swish) Eval.REGISTRY.get("swish");
        assertEquals(Map.of(), silu.parameters());
        assertEquals(Map.of("beta", 1.0), swish.parameters());
        assertNotEquals(silu, swish);
        for (double z : Eval.points()) {
            assertEquals(silu.apply(z), swish.apply(z));
            assertEquals(silu.derivative(z), swish.derivative(z));
        }
    }

    @Test
    void isZTimesSigmoidOfBetaZ() {
        Swish swish = (Swish) Eval.REGISTRY.get("swish(beta=2)");
        Sigmoid sigmoid = new Sigmoid();
        for (double z : Eval.points()) {
            assertEquals(z * sigmoid.apply(2 * z), swish.apply(z));
        }
        assertEquals(1000.0, swish.apply(1000));
        assertEquals(0.0, swish.apply(-1000), 0.0);
    }

    @Test
    void siluDifferenceOfMirrorImagesIsZ() {
        Swish silu = (Swish) Eval.REGISTRY.get("silu");
        for (double z : Eval.points()) {
            assertEquals(z, silu.apply(z) - silu.apply(-z), 2 * Math.ulp(z), "at " + z);
            assertEquals(1.0, silu.derivative(z) + silu.derivative(-z), 4 * Math.ulp(1.0), "at " + z);
        }
    }

    @Test
    void derivativeStaysFiniteWhenBetaZOverflows() {
        Swish swish = (Swish) Eval.REGISTRY.get("swish(beta=1e10)");
        for (double z : new double[] {-1e300, 1e300}) {
            assertTrue(Double.isFinite(swish.apply(z)) && Double.isFinite(swish.derivative(z)), "at " + z);
        }
    }
}
