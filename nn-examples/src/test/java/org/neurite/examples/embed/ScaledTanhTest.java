package org.neurite.examples.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurite.api.Activations;
import org.neurite.api.support.ElementwiseActivation;

class ScaledTanhTest {

    private final Activations registry = Activations.of(List.of(new ScaledTanhProvider()));

    @Test
    void valueAndDerivativeFollowLeCunsFormula() {
        ElementwiseActivation f = (ElementwiseActivation) registry.get("scaled_tanh");
        assertEquals(0.0, f.apply(0.0));
        assertEquals(1.7159 * Math.tanh(2.0 / 3.0), f.apply(1.0), 1e-15);
        assertEquals(1.0, f.apply(1.0), 1e-4, "LeCun's choice: f(1) is about 1");
        assertEquals(-1.7159, f.apply(-1000), 1e-15, "saturates without overflow");
        for (double z : new double[] {-3, -0.5, 0, 0.25, 2}) {
            double h = 1e-6;
            assertEquals((f.apply(z + h) - f.apply(z - h)) / (2 * h), f.derivative(z), 1e-8, "f'(" + z + ")");
        }
    }

    @Test
    void parametersRoundTripAndAreChecked() {
        ElementwiseActivation f = (ElementwiseActivation) registry.get("scaled_tanh(a=2, b=0.5)");
        assertEquals(2 * Math.tanh(0.5), f.apply(1.0), 1e-15);
        assertEquals(f, registry.get(f.spec()));
        assertThrows(IllegalArgumentException.class, () -> registry.get("scaled_tanh(a=Infinity)"));
    }
}
