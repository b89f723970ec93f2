package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Loss;
import org.neurite.api.Losses;
import org.neurite.api.Tensor;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.Parameter;
import org.neurite.core.TrainingWorkspace;

/**
 * Backpropagation against {@code torch.autograd}: for networks that use every activation of the catalogue,
 * and for every loss and reduction, the loss and its gradient with respect to every parameter equal
 * PyTorch's (fixtures from {@code training/generate_gradients.py}), on every backend, in float64 to a
 * relative 1e-10 and in float32 (against PyTorch's float32) to 1e-4.
 *
 * <p>Relative to what: each element to {@code tol · max(|expected|, 1e-3 · max|expected of the tensor|)},
 * so that an element that cancels to almost nothing is held to the accuracy of its tensor, not of itself.
 */
class GradientFixtureTest {

    private static final List<GradientFixtures.Case> CASES =
            GradientFixtures.read("/org/neurite/integration/training/gradients.tsv");

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (String backend : List.of("ejml", "nd4j")) {
            for (GradientFixtures.Case c : CASES) {
                args.add(Arguments.of(backend, c));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void lossAndEveryParameterGradientEqualPytorch(String backendName, GradientFixtures.Case c) {
        Backend backend = Backends.get(backendName);
        Mlp model = build(backend, c);
        double tol = c.dtype() == DType.FLOAT64 ? 1e-10 : 1e-4;
        int rows = c.x().rows();
        TrainingWorkspace tw = model.trainingWorkspace(rows);
        tw.input().assign(c.x().values());
        model.forward(tw.forward());
        int cols = model.outputSize();
        double[] prediction = new double[rows * cols];
        tw.output().copyTo(prediction);
        double[] gradient = new double[rows * cols];
        Loss loss = Losses.discover().get(c.loss());
        double value = loss.evaluate(prediction, c.target().values(), rows, cols, c.target().cols(), gradient);
        assertClose(c + " loss", new double[] {c.value()}, new double[] {value}, tol);
        tw.outputGradient().assign(gradient);
        tw.zeroGradients();
        model.backward(tw);
        List<Parameter> params = model.parameters();
        assertEquals(List.copyOf(c.gradients().keySet()), params.stream().map(Parameter::name).toList(),
                "parameter names and order");
        for (int i = 0; i < params.size(); i++) {
            double[] actual = new double[(int) params.get(i).size()];
            tw.gradient(i).copyTo(actual);
            assertClose(c + " d loss / d " + params.get(i).name(), c.gradients().get(params.get(i).name()), actual,
                    tol);
        }
    }

    static Mlp build(Backend backend, GradientFixtures.Case c) {
        MlpBuilder builder = Mlp.builder().backend(backend).dtype(c.dtype()).input(c.sizes()[0]);
        for (int i = 0; i < c.activations().size(); i++) {
            GradientFixtures.Matrix w = c.parameters().get("layers." + i + ".weight");
            double[][] weights = new double[w.rows()][];
            for (int r = 0; r < w.rows(); r++) {
                weights[r] = java.util.Arrays.copyOfRange(w.values(), r * w.cols(), (r + 1) * w.cols());
            }
            builder.dense(c.activations().get(i), weights, c.parameters().get("layers." + i + ".bias").values());
        }
        Mlp model = builder.build();
        for (Parameter p : model.parameters()) {
            GradientFixtures.Matrix expected = c.parameters().get(p.name());
            assertTrue(expected != null, c + ": the model has a parameter the fixture lacks: " + p.name());
            p.tensor().assign(expected.values()); // PReLU's alpha too, the same value as its spec
        }
        return model;
    }

    static void assertClose(String what, double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length, what + ": length");
        double max = 0;
        for (double e : expected) {
            max = Math.max(max, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double bound = tol * Math.max(Math.abs(expected[i]), 1e-3 * max);
            double error = Math.abs(actual[i] - expected[i]);
            assertTrue(Double.isFinite(actual[i]) && error <= bound, what + "[" + i + "]: expected "
                    + expected[i] + ", got " + actual[i] + " (error " + error + ", bound " + bound + ")");
        }
    }

    static double[] values(Tensor t) {
        double[] out = new double[t.rows() * t.cols()];
        t.copyTo(out);
        return out;
    }
}
