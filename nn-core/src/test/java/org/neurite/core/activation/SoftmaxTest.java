package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.neurite.api.Activation;
import org.neurite.api.DType;
import org.neurite.api.Tensor;

class SoftmaxTest {

    private final Activation softmax = Eval.REGISTRY.get("softmax");

    private static double[][] forward(Activation f, double[][] rows) {
        Tensor z = Eval.BACKEND.fromRows(DType.FLOAT64, rows);
        f.forward(z, z);
        return z.toDoubleArray();
    }

    @Test
    void isRegisteredAsRowWise() {
        assertFalse(Eval.REGISTRY.factories().get("softmax").elementwise());
    }

    @Test
    void rowsSumToOneAndAreShiftInvariant() {
        double[][] out = forward(softmax, new double[][] {{1000, 1000, 999}, {0, 0, -1}, {-1000, -1000, -1001}});
        for (double[] row : out) {
            assertEquals(1.0, row[0] + row[1] + row[2], 2 * Math.ulp(1.0));
            for (int j = 0; j < 3; j++) {
                assertEquals(out[1][j], row[j], "softmax(z + c) = softmax(z)");
            }
        }
        double e = Math.exp(-1);
        assertEquals(1 / (2 + e), out[0][0], Math.ulp(0.5));
    }

    @Test
    void backwardIsTheJacobianTransposedTimesTheGradient() {
        double[] z = {0.5, -1.25, 2, 0};
        double[] g = {1, -2, 0.5, 3};
        double[] a = forward(softmax, new double[][] {z})[0];
        // J = diag(a) - a·aᵀ, symmetric, so Jᵀg = a ⊙ g - a (aᵀg).
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double jij = (i == j ? a[i] : 0) - a[i] * a[j];
                expected[i] += jij * g[j];
            }
        }
        Tensor tz = Eval.BACKEND.fromRows(DType.FLOAT64, new double[][] {z});
        Tensor ta = Eval.BACKEND.fromRows(DType.FLOAT64, new double[][] {a});
        Tensor tg = Eval.BACKEND.fromRows(DType.FLOAT64, new double[][] {g});
        softmax.backward(tz, ta, tg, tg);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], tg.get(0, i), 1e-15);
        }
    }

    @Test
    void equalsOnlyItself() {
        assertEquals(softmax, Eval.REGISTRY.get("SOFTMAX"));
        assertEquals("softmax", softmax.spec());
        assertFalse(softmax.equals(Eval.REGISTRY.get("log_softmax")));
    }
}
