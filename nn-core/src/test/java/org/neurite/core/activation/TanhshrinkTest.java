package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TanhshrinkTest {

    private final Tanhshrink tanhshrink = new Tanhshrink();

    @Test
    void seriesAndDirectFormAgreeWhereTheySwitch() {
        for (double b : new double[] {0.25, -0.25}) {
            double series = tanhshrink.apply(b > 0 ? Math.nextDown(b) : Math.nextUp(b));
            double direct = tanhshrink.apply(b);
            Eval.assertRelative(direct, series, 1e-13, "across " + b);
        }
    }

    @Test
    void smallInputsKeepTheirDigits() {
        double z = 1e-8;
        Eval.assertRelative(z * z * z / 3, tanhshrink.apply(z), 1e-15, "z³/3 at 1e-8");
        assertEquals(-tanhshrink.apply(z), tanhshrink.apply(-z));
        assertEquals(0.0, tanhshrink.apply(0));
    }

    @Test
    void isZMinusTanhWithTanhSquaredDerivative() {
        for (double z : Eval.points()) {
            if (Math.abs(z) >= 0.25) {
                assertEquals(z - Math.tanh(z), tanhshrink.apply(z));
            }
            assertEquals(Math.tanh(z) * Math.tanh(z), tanhshrink.derivative(z));
        }
    }
}
