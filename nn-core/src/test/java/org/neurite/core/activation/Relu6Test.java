package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Relu6Test {

    @Test
    void isHardtanhFromZeroToSixIncludingItsKinks() {
        Relu6 relu6 = new Relu6();
        Hardtanh clamp = (Hardtanh) Eval.REGISTRY.get("hardtanh(min=0, max=6)");
        double[] zs = {-1000, -1, -0.0, 0, 1e-8, 3, 6, 7, 1000};
        for (double z : zs) {
            assertEquals(clamp.apply(z), relu6.apply(z), 0.0, "at " + z);
            assertEquals(clamp.derivative(z), relu6.derivative(z), "derivative at " + z);
        }
        assertEquals(0.0, relu6.derivative(0.0), "0 at the lower kink (PyTorch)");
        assertEquals(0.0, relu6.derivative(6.0), "0 at the upper kink (PyTorch)");
        assertEquals(1.0, relu6.derivative(Math.nextDown(6.0)));
    }
}
