package org.neurite.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.ShapeMismatchException;
import org.neurite.api.UnknownActivationException;
import org.neurite.core.init.Initializers;

class MlpTest {

    private static final double[][] XOR_INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    /** The tutorial's hand-made XOR network: W1 = [[1,1],[1,1]], b1 = [0,-1], W2 = [[1,-2]], b2 = [0]. */
    static Mlp xor(DType dtype) {
        return Mlp.builder().dtype(dtype).input(2)
                .dense("relu", new double[][] {{1, 1}, {1, 1}}, new double[] {0, -1})
                .dense("linear", new double[][] {{1, -2}}, new double[] {0})
                .build();
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void handMadeXorNetworkSolvesXor(DType dtype) {
        double[][] out = xor(dtype).predict(XOR_INPUTS);
        assertArrayEquals(new double[] {0}, out[0]);
        assertArrayEquals(new double[] {1}, out[1]);
        assertArrayEquals(new double[] {1}, out[2]);
        assertArrayEquals(new double[] {0}, out[3]);
        float[][] f = xor(dtype).predict(new float[][] {{1, 0}, {1, 1}});
        assertEquals(1f, f[0][0]);
        assertEquals(0f, f[1][0]);
    }

    @Test
    void tutorialNetworkHas31ParametersAndASummary() {
        Mlp mlp = Mlp.of(new int[] {2, 4, 3, 1}, List.of("relu", "relu", "sigmoid"), 42);
        assertEquals(31, mlp.parameterCount());
        String summary = mlp.summary();
        assertTrue(summary.contains("2 -> 4") && summary.contains("4 -> 3") && summary.contains("3 -> 1"), summary);
        assertTrue(summary.contains("Total parameters: 31"), summary);
        assertTrue(summary.lines().anyMatch(l -> l.matches("1\\s+Dense\\s+2 -> 4\\s+relu\\s+12")), summary);
        assertTrue(summary.lines().anyMatch(l -> l.matches("3\\s+Dense\\s+3 -> 1\\s+sigmoid\\s+4")), summary);
    }

    @Test
    void tutorialExerciseParameterCountsAreTheTrueOnes() {
        // The tutorial says 66, ~60 and ~89; (in + 1) * out per layer gives these.
        assertEquals(2 * 32 + 32 + 32 + 1, Mlp.of(new int[] {2, 32, 1}, List.of("relu", "sigmoid"), 1)
                .parameterCount());
        assertEquals(12 + 20 + 20 + 20 + 5, Mlp.of(new int[] {2, 4, 4, 4, 4, 1},
                List.of("relu", "relu", "relu", "relu", "sigmoid"), 1).parameterCount());
        assertEquals(24 + 72 + 9, Mlp.of(new int[] {2, 8, 8, 1}, List.of("relu", "relu", "sigmoid"), 1)
                .parameterCount());
    }

    @Test
    void traceGivesEveryLayersZAndA() {
        Mlp mlp = Mlp.builder().input(2)
                .dense("relu", new double[][] {{1, 1}, {1, 1}}, new double[] {0, -1})
                .dense("sigmoid", new double[][] {{1, -2}}, new double[] {0.5})
                .build();
        ForwardTrace trace = mlp.trace(new double[] {1, 1});
        assertEquals(2, trace.steps().size());
        assertArrayEquals(new double[] {2, 1}, trace.steps().get(0).z()[0]);
        assertArrayEquals(new double[] {2, 1}, trace.steps().get(0).a()[0]);
        assertEquals(0.5, trace.steps().get(1).z()[0][0]);
        assertEquals(1 / (1 + Math.exp(-0.5)), trace.output()[0][0], 1e-15);
        assertEquals("sigmoid", trace.steps().get(1).activation());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sameSeedBuildsTheSameNetwork(DType dtype) {
        Mlp a = Mlp.builder().dtype(dtype).input(3).dense(5, "tanh").dense(2, "sigmoid").seed(9).build();
        Mlp b = Mlp.builder().dtype(dtype).input(3).dense(5, "tanh").dense(2, "sigmoid").seed(9).build();
        Mlp c = Mlp.builder().dtype(dtype).input(3).dense(5, "tanh").dense(2, "sigmoid").seed(10).build();
        double[][] x = {{0.1, -2, 3}};
        assertArrayEquals(a.predict(x)[0], b.predict(x)[0]);
        assertTrue(a.predict(x)[0][0] != c.predict(x)[0][0]);
    }

    @Test
    void defaultInitializerFollowsTheActivation() {
        // He normal for relu: the weights' variance is close to 2 / fanIn over a large layer.
        Mlp relu = Mlp.builder().input(400).dense(400, "relu").seed(3).build();
        Mlp tanh = Mlp.builder().input(400).dense(400, "tanh").seed(3).build();
        assertEquals(2.0 / 400, variance(((DenseLayer) relu.layers().get(0)).weight().toDoubleArray()), 2e-4);
        assertEquals(2.0 / 800, variance(((DenseLayer) tanh.layers().get(0)).weight().toDoubleArray()), 1e-4);
        Mlp zeros = Mlp.builder().input(3).dense(2, "relu", Initializers.zeros()).build();
        assertEquals(0, variance(((DenseLayer) zeros.layers().get(0)).weight().toDoubleArray()));
    }

    private static double variance(double[][] w) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (double[] row : w) {
            for (double v : row) {
                sum += v;
                sq += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    @Test
    void wrongInputWidthNamesTheLayerAndBothShapes() {
        Mlp mlp = Mlp.builder().input(2).dense(4, "relu").dense(1, "sigmoid").seed(1).build();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> mlp.predict(new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("(1, 2)")
                && e.getMessage().contains("(1, 3)"), e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> mlp.predict(new double[] {1}));
    }

    @Test
    void builderRejectsBadSizesAndNamesAndStaysUsable() {
        MlpBuilder b = Mlp.builder();
        assertThrows(IllegalArgumentException.class, () -> b.input(0));
        b.input(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.dense(-3, "relu"));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
        UnknownActivationException u = assertThrows(UnknownActivationException.class, () -> b.dense(3, "rleu"));
        assertTrue(u.getMessage().contains("rleu") && u.getMessage().contains("relu"), u.getMessage());
        assertThrows(IllegalStateException.class, b::build);
        Mlp ok = b.dense(3, "relu").seed(1).build();
        assertEquals(1, ok.layers().size(), "failed calls added nothing");
        assertThrows(IllegalStateException.class, () -> Mlp.builder().input(3)
                .dense("relu", new double[][] {{1, 2}}, new double[] {0}).build());
    }

    @Test
    void predictsIdenticallyFromEightThreads() throws Exception {
        Mlp mlp = Mlp.builder().input(16).dense(64, "relu").dense(32, "tanh").dense(3, "sigmoid").seed(5).build();
        Random r = new Random(1);
        double[][][] batches = new double[64][][];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = new double[1 + r.nextInt(20)][16];
            for (double[] row : batches[i]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextGaussian();
                }
            }
        }
        double[][][] serial = new double[batches.length][][];
        double[][] serialSingle = new double[batches.length][];
        for (int i = 0; i < batches.length; i++) {
            serial[i] = mlp.predict(batches[i]);
            serialSingle[i] = mlp.predict(batches[i][0]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int rep = 0; rep < 20; rep++) {
                        for (int i = 0; i < batches.length; i++) {
                            double[][] got = mlp.predict(batches[i]);
                            double[] single = mlp.predict(batches[i][0]);
                            if (!java.util.Arrays.deepEquals(got, serial[i])
                                    || !java.util.Arrays.equals(single, serialSingle[i])) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get(60, TimeUnit.SECONDS), "a thread saw a result differing from the serial run");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void workspacePassesReuseBuffers() {
        Mlp mlp = xor(DType.FLOAT64);
        Workspace ws = mlp.workspace(4);
        ws.input().assign(new double[] {0, 0, 0, 1, 1, 0, 1, 1});
        assertEquals(ws.output(), mlp.forward(ws));
        assertArrayEquals(new double[] {0, 1, 1, 0}, new double[] {ws.output().get(0, 0), ws.output().get(1, 0),
                ws.output().get(2, 0), ws.output().get(3, 0)});
        Workspace other = xor(DType.FLOAT64).workspace(4);
        assertThrows(IllegalArgumentException.class, () -> mlp.forward(other));
        assertEquals("ejml", mlp.backend().name());
        assertEquals(Backends.get().name(), mlp.backend().name());
    }

    @Test
    void neuronComputesTheWeightedSumAndActivation() {
        Neuron n = Neuron.of(new double[] {2, -1}, 0.5, "sigmoid");
        assertEquals(2 * 0.5 - 1 * -0.3 + 0.5, n.weightedSum(new double[] {0.5, -0.3}), 1e-15);
        assertEquals(1 / (1 + Math.exp(-1.8)), n.forward(new double[] {0.5, -0.3}), 1e-15);
        assertArrayEquals(new double[] {0.5, 1 / (1 + Math.exp(-2.5))},
                n.forward(new double[][] {{0, 0.5}, {1, 0}}), 1e-15);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aNanInputGivesANanOutputNotANumber(DType dtype) {
        Mlp mlp = Mlp.builder().input(2).dense(4, "relu").dense(3, "relu6").dense(1, "sigmoid")
                .dtype(dtype).seed(42).build();
        assertTrue(Double.isNaN(mlp.predict(new double[] {Double.NaN, 0})[0]), "predict({NaN, 0})");
        assertTrue(Double.isNaN(mlp.predict(new double[][] {{Double.NaN, 0}})[0][0]), "predict({{NaN, 0}})");
    }

    @Test
    void aLayerWithMoreWeightsThanATensorHoldsFailsAtBuildNamingLayerShapeAndLimit() {
        for (int n : new int[] {46341, 65536}) {
            MlpBuilder builder = Mlp.builder().input(4).dense(n, "relu").dense(n, "relu").seed(1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
            assertTrue(e.getMessage().startsWith("layer 2: weights: ") && e.getMessage().contains("(" + n + ", " + n
                    + ")") && e.getMessage().contains(String.valueOf(org.neurite.api.Shape.MAX_ELEMENTS)), e.getMessage());
        }
    }
}
