package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorFunctionTest {

    private static final double[] XS = {0, 1e-300, 1e-8, 0.1, 0.46875, 0.5, 1, 2, 3.9, 4, 4.1, 6, 10, 26, 27, 30};

    @Test
    void erfIsOddAndComplementsErfc() {
        for (double x : XS) {
            assertEquals(-ErrorFunction.erf(x), ErrorFunction.erf(-x), "odd at " + x);
            assertEquals(1.0, ErrorFunction.erf(x) + ErrorFunction.erfc(x), 2 * Math.ulp(1.0), "erf + erfc at " + x);
            assertEquals(2.0, ErrorFunction.erfc(x) + ErrorFunction.erfc(-x), 4 * Math.ulp(1.0), "reflection at " + x);
        }
        assertEquals(0.0, ErrorFunction.erfc(28));
        assertEquals(1.0, ErrorFunction.erf(28));
    }

    @Test
    void isContinuousAcrossCodysIntervalBoundaries() {
        for (double b : new double[] {0.46875, 4.0}) {
            double xb = Math.nextDown(b);
            double xa = Math.nextUp(b);
            // Over two ulps erfc itself changes by the factor e^-(xa² - xb²), which is not negligible at 4.
            double expected = ErrorFunction.erfc(xb) * Math.exp(-(xa * xa - xb * xb));
            Eval.assertRelative(expected, ErrorFunction.erfc(xa), 1e-15, "erfc across " + b);
        }
    }

    @Test
    void erfNearZeroIsTwoXOverRootPi() {
        double x = 1e-300;
        Eval.assertRelative(2 / Math.sqrt(Math.PI) * x, ErrorFunction.erf(x), 1e-15, "erf(1e-300)");
    }

    @Test
    void gaussianCdfIsSymmetricAndHasThePdfAsDerivative() {
        assertEquals(0.5, ErrorFunction.cdf(0));
        for (double z : Eval.points()) {
            if (Math.abs(z) <= 8) {
                assertEquals(1.0, ErrorFunction.cdf(z) + ErrorFunction.cdf(-z), 2 * Math.ulp(1.0), "at " + z);
            }
            if (z < 0 && z >= -5) { // the lower tail, where cdf has all its digits
                double h = 1e-5;
                double fd = (ErrorFunction.cdf(z + h) - ErrorFunction.cdf(z - h)) / (2 * h);
                Eval.assertRelative(ErrorFunction.pdf(z), fd, 1e-8, "cdf' at " + z);
            }
        }
    }

    @Test
    void lowerTailKeepsItsRelativeAccuracy() {
        // Mills' ratio: Φ(-z)·z/φ(z) = 1 - 1/z² + 3/z⁴ - 15/z⁶ + ..., an asymptotic series that is accurate
        // to double precision after 15 terms for z >= 20.
        for (double z : new double[] {20, 25, 30, 37}) {
            double series = 0;
            double term = 1;
            for (int k = 1; k <= 16; k++) {
                series += term;
                term *= -(2 * k - 1) / (z * z);
            }
            Eval.assertRelative(series, ErrorFunction.cdf(-z) * z / ErrorFunction.pdf(z), 1e-14, "Φ(-" + z + ")");
        }
        assertTrue(ErrorFunction.cdf(-37) > 0);
        assertEquals(0.0, ErrorFunction.cdf(-41));
        assertEquals(0.0, ErrorFunction.pdf(1e300));
    }
}
