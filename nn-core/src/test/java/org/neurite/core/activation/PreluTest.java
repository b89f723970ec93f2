package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neurite.api.DType;
import org.neurite.api.ParametricActivation;
import org.neurite.api.Tensor;

class PreluTest {

    @Test
    void isAParametricActivationWithAlphaLearnable() {
        ParametricActivation prelu = (ParametricActivation) Eval.REGISTRY.get("prelu");
        assertEquals(List.of("alpha"), prelu.learnableParameters());
        assertEquals(Map.of("alpha", 0.25), prelu.parameters());
        assertEquals(0.25, ((Prelu) prelu).derivative(0.0), "derivative at 0 is alpha (PyTorch)");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void alphaGradientIsTheSumOfGradTimesZWhereZIsNotPositive(DType dtype) {
        Random r = new Random(3);
        double[][] z = new double[4][5];
        double[][] g = new double[4][5];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                z[i][j] = (float) (r.nextGaussian() * 3);
                g[i][j] = (float) r.nextGaussian();
            }
        }
        z[0][0] = 0.0;
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                expected += z[i][j] <= 0 ? g[i][j] * z[i][j] : 0.0;
            }
        }
        ParametricActivation prelu = (ParametricActivation) Eval.REGISTRY.get("prelu(alpha=0.3)");
        Tensor tz = Eval.BACKEND.fromRows(dtype, z);
        Tensor tg = Eval.BACKEND.fromRows(dtype, g);
        Tensor a = Eval.BACKEND.zeros(dtype, tz.shape());
        prelu.forward(tz, a);
        double[] gradient = prelu.parameterGradient(tz, a, tg);
        assertEquals(1, gradient.length);
        assertEquals(expected, gradient[0], (dtype == DType.FLOAT64 ? 1e-13 : 1e-5) * Math.abs(expected) + 1e-300);
    }

    @Test
    void withParametersMakesANewActivationThatParsesBack() {
        ParametricActivation prelu = (ParametricActivation) Eval.REGISTRY.get("prelu");
        ParametricActivation stepped = prelu.withParameters(Map.of("alpha", 0.125));
        assertEquals(0.125, stepped.parameters().get("alpha"));
        assertEquals(0.25, prelu.parameters().get("alpha"), "the original is unchanged");
        assertNotEquals(prelu, stepped);
        assertEquals(stepped, Eval.REGISTRY.get(stepped.spec()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prelu.withParameters(Map.of("beta", 1.0)));
        assertTrue(e.getMessage().contains("'beta'") && e.getMessage().contains("alpha"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> prelu.withParameters(Map.of("alpha", Double.POSITIVE_INFINITY)));
    }

    @Test
    void forwardAndBackwardAreLeakyReluWithTheSameSlope() {
        Prelu prelu = (Prelu) Eval.REGISTRY.get("prelu(alpha=0.3)");
        LeakyRelu leaky = (LeakyRelu) Eval.REGISTRY.get("leaky_relu(alpha=0.3)");
        double[] zs = Eval.points();
        double[] p = new double[zs.length];
        double[] l = new double[zs.length];
        for (int i = 0; i < zs.length; i++) {
            p[i] = prelu.apply(zs[i]) + 7 * prelu.derivative(zs[i]);
            l[i] = leaky.apply(zs[i]) + 7 * leaky.derivative(zs[i]);
        }
        assertArrayEquals(l, p);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void theLayersPassWithAlphaFromItsTensorPropagatesNan(DType dtype) {
        Prelu prelu = (Prelu) Eval.REGISTRY.get("prelu");
        Tensor z = Eval.BACKEND.fromRows(dtype, new double[][] {{Double.NaN, -2, 2}});
        Tensor alpha = Eval.BACKEND.fromRows(dtype, new double[][] {{0.5}});
        Tensor a = Eval.BACKEND.zeros(dtype, z.shape());
        Tensor gradZ = Eval.BACKEND.zeros(dtype, z.shape());
        prelu.forward(z, List.of(alpha), a);
        prelu.backward(z, a, List.of(alpha), Eval.BACKEND.fromRows(dtype, new double[][] {{1, 1, 1}}), gradZ);
        assertArrayEquals(new double[][] {{Double.NaN, -1, 2}}, a.toDoubleArray());
        assertArrayEquals(new double[][] {{Double.NaN, 0.5, 1}}, gradZ.toDoubleArray());
    }
}
