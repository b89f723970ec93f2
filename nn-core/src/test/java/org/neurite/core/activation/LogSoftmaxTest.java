package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurite.api.Activation;
import org.neurite.api.DType;
import org.neurite.api.Tensor;

class LogSoftmaxTest {

    private final Activation logSoftmax = Eval.REGISTRY.get("log_softmax");

    private static double[] forward(Activation f, double... z) {
        Tensor t = Eval.BACKEND.fromRows(DType.FLOAT64, new double[][] {z});
        f.forward(t, t);
        return t.toDoubleArray()[0];
    }

    @Test
    void isRegisteredAsRowWise() {
        assertFalse(Eval.REGISTRY.factories().get("log_softmax").elementwise());
    }

    @Test
    void keepsTheDigitsOfATinyLogSum() {
        // log_softmax([0, -30])[0] = -log(1 + e^-30); log of the rounded sum 1 + 9.4e-14 loses three digits.
        double[] out = forward(logSoftmax, 0, -30);
        Eval.assertRelative(-Math.log1p(Math.exp(-30)), out[0], 1e-15, "log_softmax([0, -30])[0]");
        assertTrue(Math.abs(Math.log(1 + Math.exp(-30)) - out[0]) > 1e-4 * Math.abs(out[0]),
                "log(softmax) would be wrong here");
        assertEquals(-1000.0, forward(logSoftmax, 0, -1000)[1], "no log(0) = -infinity");
    }

    @Test
    void exponentiatesToSoftmax() {
        double[] z = {1000, 1000, 999, -3};
        double[] log = forward(logSoftmax, z);
        double[] soft = forward(Eval.REGISTRY.get("softmax"), z);
        for (int j = 0; j < z.length; j++) {
            Eval.assertRelative(soft[j], Math.exp(log[j]), 1e-14, "element " + j);
        }
    }

    @Test
    void backwardIsTheJacobianTransposedTimesTheGradient() {
        double[] z = {0.5, -1.25, 2, 0};
        double[] g = {1, -2, 0.5, 3};
        double[] s = forward(Eval.REGISTRY.get("softmax"), z);
        // J = I - 1·sᵀ (J_ij = δ_ij - s_j), so (Jᵀg)_i = g_i - s_i Σ_j g_j.
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                expected[i] += ((i == j ? 1 : 0) - s[i]) * g[j];
            }
        }
        Tensor tz = Eval.BACKEND.fromRows(DType.FLOAT64, new double[][] {z});
        Tensor ta = Eval.BACKEND.zeros(DType.FLOAT64, 1, 4);
        logSoftmax.forward(tz, ta);
        Tensor tg = Eval.BACKEND.fromRows(DType.FLOAT64, new double[][] {g});
        Tensor out = Eval.BACKEND.zeros(DType.FLOAT64, 1, 4);
        logSoftmax.backward(tz, ta, tg, out);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], out.get(0, i), 1e-14);
        }
    }

    @Test
    void emptyRowsAndEmptyBatchesAreFine() {
        Tensor empty = Eval.BACKEND.zeros(DType.FLOAT64, 2, 0);
        logSoftmax.forward(empty, empty);
        logSoftmax.backward(empty, empty, empty, empty);
        Tensor none = Eval.BACKEND.zeros(DType.FLOAT64, 0, 3);
        logSoftmax.forward(none, none);
        assertEquals(0, none.rows());
    }
}
