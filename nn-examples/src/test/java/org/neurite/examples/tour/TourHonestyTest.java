package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Backends;
import org.neurite.api.DType;

/** The figures' legends and notes state true values, not artefacts of the plotted samples. */
class TourHonestyTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    private double[] max(String spec, double lo, double hi) {
        TourContext ctx = new TourContext(Backends.get(), DType.FLOAT64, TourContext.TUTORIAL_SEED, dir,
                new PrintWriter(new StringWriter(), true));
        Activation a = Activations.discover().get(spec);
        double[] z = Grid.linspace(lo, hi, 300);
        return ActivationPlots.derivativeMax(ctx, a, z, ActivationPlots.derivative(ctx, a, z));
    }

    @Test
    void derivativeMaximaAreTheTrueOnesNotTheSampledOnes() {
        // 300 samples over [-4, 4] miss 0: the sampled maxima were tanh' 0.9998 and selu' 1.7347.
        assertEquals(1.0, max("tanh", -4, 4)[1], 1e-12);
        assertEquals(0.0, max("tanh", -4, 4)[0], 1e-12);
        assertEquals(0.25, max("sigmoid", -6, 6)[1], 1e-12);
        // SELU's derivative is λα·e^z up to its kink, where autograd takes that branch: λα = 1.7581.
        assertEquals(1.0507009873554805 * 1.6732632423543772, max("selu", -4, 4)[1], 1e-9);
        // softplus' = sigmoid(z) rises towards 1 without reaching it: on [-4, 4] its maximum is sigmoid(4).
        double[] softplus = max("softplus", -4, 4);
        assertEquals(4.0, softplus[0]);
        assertEquals(1 / (1 + Math.exp(-4)), softplus[1], 1e-12);
        assertTrue(max("gelu", -4, 4)[1] > 1.1288, "gelu' peaks at 1.1289 near z = 1.4");
    }

    @Test
    void coincidentPointsAreNamedForTheLegend() {
        // XOR's class-1 inputs (0, 1) and (1, 0) both map to h = (1, 0) in the hidden space.
        assertEquals(" (2 points at (1, 0))", XorSection.coincident(new double[] {1, 1}, new double[] {0, 0}));
        assertEquals("", XorSection.coincident(new double[] {0, 2}, new double[] {0, 1}));
    }
}
