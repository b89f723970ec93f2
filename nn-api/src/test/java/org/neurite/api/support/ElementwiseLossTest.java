package org.neurite.api.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.api.Loss;
import org.neurite.api.Reduction;

/** {@link ElementwiseLoss} and {@link LossOperands} through a small custom loss. */
class ElementwiseLossTest {

    /** {@code w·(p - t)⁴}, with an arbitrary weight parameter; derivative {@code 4w·(p - t)³}. */
    static final class Quartic extends ElementwiseLoss {
        private final double w;

        Quartic(double w, Reduction reduction) {
            super("quartic", Map.of("w", w), reduction);
            this.w = w;
        }

        @Override
        public double value(double p, double t) {
            double d = p - t;
            return w * d * d * d * d;
        }

        @Override
        public double derivative(double p, double t) {
            double d = p - t;
            return 4 * w * d * d * d;
        }
    }

    private static final double[] P = {1, 2, 3, 0, -1, 0.5};
    private static final double[] T = {0, 0, 1, 0, 1, 0};

    @Test
    void sumAddsEveryElementAndGivesEachDerivative() {
        Loss loss = new Quartic(2, Reduction.SUM);
        double[] gradient = new double[6];
        double value = loss.evaluate(P, T, 2, 3, 3, gradient);
        assertEquals(2 * (1 + 16 + 16 + 0 + 16 + 0.0625), value);
        assertArrayEquals(new double[] {8, 64, 64, 0, -64, 1}, gradient);
        assertEquals(value, loss.evaluate(P, T, 2, 3, 3, null));
    }

    @Test
    void meanDividesTheSumAndTheGradientByEveryElement() {
        Loss loss = new Quartic(2, Reduction.MEAN);
        double[] gradient = new double[6];
        assertEquals(2 * (1 + 16 + 16 + 0 + 16 + 0.0625) / 6, loss.evaluate(P, T, 3, 2, 2, gradient));
        assertArrayEquals(new double[] {8 / 6.0, 64 / 6.0, 64 / 6.0, 0, -64 / 6.0, 1 / 6.0}, gradient);
    }

    @Test
    void specEqualityAndTargetWidth() {
        Loss loss = new Quartic(2, Reduction.SUM);
        assertEquals("quartic(w=2.0, reduction=sum)", loss.spec());
        assertEquals("quartic(w=2.0)", new Quartic(2, Reduction.MEAN).toString());
        assertEquals(loss, new Quartic(2, Reduction.SUM));
        assertEquals(loss.hashCode(), new Quartic(2, Reduction.SUM).hashCode());
        assertNotEquals(loss, new Quartic(2, Reduction.MEAN));
        assertNotEquals(loss, new Quartic(3, Reduction.SUM));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.checkTarget(3, 1));
        assertEquals("loss 'quartic': target expected 3 columns (the prediction's), got 1", e.getMessage());
    }

    @Test
    void shapesAreCheckedBeforeAnythingIsWritten() {
        Loss loss = new Quartic(1, Reduction.MEAN);
        double[] gradient = new double[6];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.evaluate(P, new double[5], 2, 3, 3, gradient));
        assertEquals("loss 'quartic': target expected length 2*3 = 6, got 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loss.evaluate(P, T, 2, 2, 2, gradient));
        assertTrue(e.getMessage().contains("prediction expected length 2*2 = 4, got 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loss.evaluate(P, T, 2, 3, 3, T));
        assertTrue(e.getMessage().contains("same array as the target"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loss.evaluate(P, T, 2, 3, 3, new double[7]));
        assertTrue(e.getMessage().contains("gradient expected length 2*3 = 6, got 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loss.evaluate(P, T, -1, -6, -6, null));
        assertTrue(e.getMessage().contains("rows=-1, cols=-6"), e.getMessage());
        assertArrayEquals(new double[6], gradient);
    }

    @Test
    void classIndicesAreIntegersInRange() {
        Loss loss = new Quartic(1, Reduction.MEAN);
        assertEquals(2, LossOperands.classIndex(loss, 2.0, 0, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossOperands.classIndex(loss, 2.5, 4, 3));
        assertEquals("loss 'quartic': target row 4 expected a class index, an integer in [0, 3), got 2.5",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LossOperands.classIndex(loss, -0.0 - 1, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> LossOperands.classIndex(loss, Double.NaN, 0, 3));
    }
}
