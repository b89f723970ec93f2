package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.api.Activations;
import org.neurite.api.Backends;
import org.neurite.api.Layer;
import org.neurite.api.Losses;
import org.neurite.api.Tensor;
import org.neurite.core.Mlp;
import org.neurite.tck.GradientChecker;
import org.neurite.tck.GradientReport;

/**
 * Every built-in activation, loss and a dense layer pass {@link GradientChecker} in float64, on both
 * backends: their analytic gradients agree with central differences of their own forward passes.
 */
class BuiltinGradientCheckTest {

    private static final List<String> BACKENDS = List.of("ejml", "nd4j");
    private static final int ROWS = 4;
    private static final int COLS = 5;

    static Stream<Arguments> activations() {
        List<Arguments> args = new ArrayList<>();
        for (String backend : BACKENDS) {
            for (String name : Activations.discover().names()) {
                args.add(Arguments.of(backend, name));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("activations")
    void everyActivationPasses(String backend, String name) {
        GradientReport report = GradientChecker.on(Backends.get(backend))
                .checkActivation(Activations.discover().get(name), ROWS, COLS);

        report.assertPassed();
        int learnable = name.equals("prelu") ? 1 : 0;
        assertEquals(ROWS * COLS + learnable, report.checked(), "every element of z, and PReLU's alpha");
    }

    /** A loss, the prediction and target drawn for it, and the target's width. */
    record LossCase(String spec, int targetCols, BiFunction<Random, Integer, double[]> prediction,
                    BiFunction<Random, Integer, double[]> target) {
        @Override
        public String toString() {
            return spec;
        }
    }

    static List<LossCase> lossCases() {
        List<LossCase> cases = new ArrayList<>();
        for (String reduction : List.of("mean", "sum")) {
            String r = "(reduction=" + reduction + ")";
            for (String name : List.of("mse", "l1", "huber", "smooth_l1")) {
                cases.add(new LossCase(name + r, COLS, BuiltinGradientCheckTest::uniform2, BuiltinGradientCheckTest::uniform2));
            }
            cases.add(new LossCase("bce" + r, COLS, (g, n) -> uniform(g, n, 0.05, 0.95), (g, n) -> uniform(g, n, 0, 1)));
            cases.add(new LossCase("bce_with_logits" + r, COLS, BuiltinGradientCheckTest::uniform2,
                    (g, n) -> uniform(g, n, 0, 1)));
            cases.add(new LossCase("cross_entropy" + r, 1, BuiltinGradientCheckTest::uniform2,
                    BuiltinGradientCheckTest::classes));
            cases.add(new LossCase("cross_entropy" + r, COLS, BuiltinGradientCheckTest::uniform2,
                    BuiltinGradientCheckTest::probabilities));
            cases.add(new LossCase("cross_entropy(label_smoothing=0.1, reduction=" + reduction + ")", 1,
                    BuiltinGradientCheckTest::uniform2, BuiltinGradientCheckTest::classes));
            cases.add(new LossCase("nll" + r, 1, BuiltinGradientCheckTest::logProbabilities,
                    BuiltinGradientCheckTest::classes));
            cases.add(new LossCase("kl_div" + r, COLS, BuiltinGradientCheckTest::logProbabilities,
                    BuiltinGradientCheckTest::probabilities));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lossCases")
    void everyLossAndReductionPasses(LossCase c) {
        Random random = new Random(7);
        double[] prediction = c.prediction().apply(random, ROWS * COLS);
        double[] target = c.target().apply(random, ROWS * c.targetCols());

        GradientChecker.on(Backends.get("ejml"))
                .checkLoss(Losses.discover().get(c.spec()), prediction, target, ROWS, COLS, c.targetCols())
                .assertPassed();
    }

    @Test
    void theLossCasesCoverEveryBuiltinLoss() {
        Set<String> covered = new TreeSet<>();
        for (LossCase c : lossCases()) {
            covered.add(Losses.discover().get(c.spec()).name());
        }
        assertEquals(new TreeSet<>(Losses.discover().names()), covered);
    }

    static Stream<Arguments> layers() {
        List<Arguments> args = new ArrayList<>();
        for (String backend : BACKENDS) {
            for (String activation : List.of("relu", "tanh", "prelu")) {
                args.add(Arguments.of(backend, activation));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("layers")
    void aDenseLayerPassesAndIsLeftUnchanged(String backend, String activation) {
        Layer layer = Mlp.builder().backend(Backends.get(backend)).seed(3).input(3).dense(4, activation).build()
                .layers().get(0);
        List<double[][]> before = layer.parameters().values().stream().map(Tensor::toDoubleArray).toList();

        GradientReport report = GradientChecker.on(Backends.get(backend)).checkLayer(layer, 5);

        report.assertPassed();
        int parameters = (int) layer.parameterCount();
        assertEquals(5 * 3 + parameters, report.checked(), "every input and parameter element");
        List<Tensor> after = List.copyOf(layer.parameters().values());
        for (int k = 0; k < after.size(); k++) {
            assertArrayEquals(before.get(k), after.get(k).toDoubleArray(), "the checker works on a copy");
        }
    }

    private static double[] uniform(Random random, int n, double low, double high) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = low + (high - low) * random.nextDouble();
        }
        return values;
    }

    private static double[] uniform2(Random random, int n) {
        return uniform(random, n, -2, 2);
    }

    /** One class index per row. */
    private static double[] classes(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(COLS);
        }
        return values;
    }

    /** Rows of positive values that sum to 1. */
    private static double[] probabilities(Random random, int n) {
        double[] values = uniform(random, n, 0.1, 1);
        for (int r = 0; r < n / COLS; r++) {
            double sum = 0;
            for (int c = 0; c < COLS; c++) {
                sum += values[r * COLS + c];
            }
            for (int c = 0; c < COLS; c++) {
                values[r * COLS + c] /= sum;
            }
        }
        return values;
    }

    private static double[] logProbabilities(Random random, int n) {
        double[] values = probabilities(random, n);
        for (int i = 0; i < n; i++) {
            values[i] = Math.log(values[i]);
        }
        return values;
    }
}
