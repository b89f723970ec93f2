package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinearTest {

    @Test
    void isTheIdentityWithDerivativeOneAndAnAlias() {
        for (double z : Eval.points()) {
            assertEquals(z, Eval.value("linear", z));
            assertEquals(1.0, Eval.derivative("linear", z));
            assertEquals(z, Eval.value("identity", z));
        }
        assertEquals(Eval.REGISTRY.get("linear"), Eval.REGISTRY.get("IDENTITY"));
    }
}
