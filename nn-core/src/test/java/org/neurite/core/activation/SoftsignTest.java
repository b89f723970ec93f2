package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftsignTest {

    private final Softsign softsign = new Softsign();

    @Test
    void isOddBoundedAndHasAnEvenDerivative() {
        for (double z : Eval.points()) {
            assertEquals(-softsign.apply(z), softsign.apply(-z));
            assertEquals(softsign.derivative(z), softsign.derivative(-z));
            assertEquals(z / (1 + Math.abs(z)), softsign.apply(z));
        }
        assertEquals(1.0, softsign.apply(Double.MAX_VALUE));
        assertEquals(0.0, softsign.derivative(Double.MAX_VALUE));
        Eval.assertRelative(1e-200, softsign.derivative(1e100), 1e-15, "no overflow of (1+|z|)² at 1e100");
    }
}
