package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeluTanhTest {

    private final GeluTanh geluTanh = new GeluTanh();

    @Test
    void approximatesExactGelu() {
        Gelu gelu = new Gelu();
        for (double z : Eval.points()) {
            // The approximation's own error is below 5e-4 everywhere (Hendrycks and Gimpel).
            assertEquals(gelu.apply(z), geluTanh.apply(z), 5e-4, "at " + z);
        }
    }

    @Test
    void differenceOfMirrorImagesIsZ() {
        for (double z : Eval.points()) {
            assertEquals(z, geluTanh.apply(z) - geluTanh.apply(-z), 4 * Math.ulp(z), "at " + z);
            assertEquals(1.0, geluTanh.derivative(z) + geluTanh.derivative(-z), 8 * Math.ulp(1.0), "at " + z);
        }
    }

    @Test
    void matchesTheTanhFormWhereThatFormIsAccurate() {
        for (double z = -3; z <= 3; z += 0.25) {
            double u = Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z);
            assertEquals(0.5 * z * (1 + Math.tanh(u)), geluTanh.apply(z), 1e-15, "at " + z);
        }
    }

    @Test
    void stayFiniteWhereZCubedOverflows() {
        for (double z : new double[] {-1e300, -1e200, 1e200, 1e300, -Double.MAX_VALUE, Double.MAX_VALUE}) {
            assertTrue(Double.isFinite(geluTanh.apply(z)), "at " + z);
            assertTrue(Double.isFinite(geluTanh.derivative(z)), "derivative at " + z);
        }
        assertTrue(geluTanh.apply(-10) < 0, "the negative tail does not cancel to 0");
    }
}
