package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeluTest {

    private final Gelu gelu = new Gelu();

    @Test
    void differenceOfMirrorImagesIsZ() {
        // Φ(z) + Φ(-z) = 1 gives gelu(z) - gelu(-z) = z and gelu'(z) + gelu'(-z) = 1.
        for (double z : Eval.points()) {
            assertEquals(z, gelu.apply(z) - gelu.apply(-z), 4 * Math.ulp(z), "at " + z);
            assertEquals(1.0, gelu.derivative(z) + gelu.derivative(-z), 4 * Math.ulp(1.0), "derivative at " + z);
        }
    }

    @Test
    void veryNegativeInputsGiveTinyValuesOrZeroNeverNan() {
        assertTrue(gelu.apply(-37) < 0 && gelu.apply(-37) > -1e-290, "gelu(-37) is a tiny negative number");
        assertEquals(0.0, gelu.apply(-40), 0.0);
        assertEquals(0.0, gelu.derivative(-40), 0.0);
        assertEquals(0.0, gelu.apply(-1e300), 0.0);
        assertEquals(1e300, gelu.apply(1e300));
        assertEquals(1.0, gelu.derivative(1e300));
    }

    @Test
    void isZTimesTheNormalCdf() {
        for (double z : Eval.points()) {
            assertEquals(z * ErrorFunction.cdf(z), gelu.apply(z));
        }
    }
}
