package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Loss;
import org.neurite.api.Losses;
import org.neurite.api.ParametricActivation;
import org.neurite.api.Reduction;
import org.neurite.api.Tensor;
import org.neurite.api.support.ElementwiseActivation;
import org.neurite.core.Mlp;
import org.neurite.tck.GradientChecker;
import org.neurite.tck.GradientReport;

/** {@link GradientChecker} fails on wrong gradients, naming the tensor and index, and rejects bad arguments. */
class GradientCheckerTest {

    private static final Backend EJML = Backends.get("ejml");
    private static final GradientChecker CHECKER = GradientChecker.on(EJML);

    /** tanh with a derivative 10% too large. */
    static final class WrongTanh extends ElementwiseActivation {
        WrongTanh() {
            super("wrong_tanh");
        }

        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1.1 * (1 - t * t);
        }
    }

    @Test
    void aWrongActivationDerivativeFailsAtEveryElement() {
        GradientReport report = CHECKER.checkActivation(new WrongTanh(), 4, 5);

        assertFalse(report.passed());
        assertEquals(20, report.failures().size());
        GradientReport.Failure first = report.failures().get(0);
        assertEquals(List.of("z", 0, 0), List.of(first.tensor(), first.row(), first.col()));
        assertEquals(1.1, first.analytic() / first.numeric(), 1e-6);
        assertTrue(report.worstRelativeError() > 0.04, report.toString());
        AssertionError error = assertThrows(AssertionError.class, report::assertPassed);
        assertTrue(error.getMessage().startsWith("wrong_tanh: gradient check failed: 20 of 20 elements"),
                error.getMessage());
        assertTrue(error.getMessage().contains("dL/dz[0, 0]: analytic "), error.getMessage());
        assertTrue(error.getMessage().contains("... and 10 more"), error.getMessage());
    }

    @Test
    void aWrongLearnableParameterGradientFailsUnderItsName() {
        ParametricActivation prelu = (ParametricActivation) Activations.discover().get("prelu");

        GradientReport report = CHECKER.checkActivation(new DoubledParameterGradient(prelu), 4, 5);

        assertEquals(1, report.failures().size(), report.toString());
        assertEquals("alpha", report.failures().get(0).tensor());
    }

    /** mse whose gradient is off by 0.01 at one element. */
    @Test
    void aWrongLossGradientFailsAtThatElement() {
        Loss mse = Losses.discover().get("mse");
        Loss wrong = new Loss() {
            public String name() {
                return "wrong_mse";
            }

            public Reduction reduction() {
                return mse.reduction();
            }

            public void checkTarget(int cols, int targetCols) {
                mse.checkTarget(cols, targetCols);
            }

            public double evaluate(double[] p, double[] t, int rows, int cols, int targetCols, double[] gradient) {
                double value = mse.evaluate(p, t, rows, cols, targetCols, gradient);
                if (gradient != null) {
                    gradient[7] += 0.01;
                }
                return value;
            }
        };
        double[] prediction = {0.1, -0.5, 1.2, 0.3, 2.0, -1.0, 0.7, 0.4, -0.2, 0.9};
        double[] target = {0.0, 0.5, 1.0, -0.3, 1.5, -1.5, 0.2, 0.1, 0.3, 0.6};

        assertTrue(CHECKER.checkLoss(mse, prediction, target, 2, 5, 5).passed());
        GradientReport report = CHECKER.checkLoss(wrong, prediction, target, 2, 5, 5);

        assertEquals(1, report.failures().size(), report.toString());
        GradientReport.Failure failure = report.failures().get(0);
        assertEquals(List.of("prediction", 1, 2), List.of(failure.tensor(), failure.row(), failure.col()));
        assertEquals(0.01, failure.analytic() - failure.numeric(), 1e-8);
    }

    @Test
    void aLayerThatForgetsTheBiasGradientFailsAtEveryBiasElement() {
        Layer dense = Mlp.builder().backend(EJML).seed(1).input(3).dense(4, "tanh").build().layers().get(0);

        GradientReport report = CHECKER.checkLayer(new ForgetsBias(dense), 5);

        assertEquals(4, report.failures().size(), report.toString());
        for (int c = 0; c < 4; c++) {
            GradientReport.Failure failure = report.failures().get(c);
            assertEquals(List.of("bias", 0, c), List.of(failure.tensor(), failure.row(), failure.col()));
            assertEquals(0.0, failure.analytic());
        }
    }

    @Test
    void aKinkFailsUnlessDeclaredThenItIsSkipped() {
        Activation relu = Activations.discover().get("relu");
        double[] z = {0.0, 1.0, -1.0, 0.5};

        GradientReport undeclared = CHECKER.checkActivation(relu, z, 1, 4);
        GradientReport declared = CHECKER.kinks(0).checkActivation(relu, z, 1, 4);

        assertEquals(List.of("z", 0, 0), List.of(undeclared.failures().get(0).tensor(),
                undeclared.failures().get(0).row(), undeclared.failures().get(0).col()));
        declared.assertPassed();
        assertEquals(List.of(3, 1), List.of(declared.checked(), declared.skipped()));
    }

    @Test
    void theSameSeedGivesTheSameReport() {
        Activation gelu = Activations.discover().get("gelu");

        assertEquals(CHECKER.seed(5).checkActivation(gelu, 3, 3).toString(),
                CHECKER.seed(5).checkActivation(gelu, 3, 3).toString());
    }

    @Test
    void theRelativeErrorHasAFloor() {
        assertEquals(0.1 / 2.1, GradientChecker.relativeError(1.0, 1.1), 1e-15);
        assertEquals(1e-7, GradientChecker.relativeError(0, 1e-9), 1e-20);
        assertEquals(Double.POSITIVE_INFINITY, GradientChecker.relativeError(Double.NaN, 1));
    }

    @Test
    void badArgumentsAreRejectedByName() {
        Activation tanh = Activations.discover().get("tanh");
        Loss mse = Losses.discover().get("mse");
        double[] four = new double[4];
        Layer float32 = Mlp.builder().backend(EJML).dtype(DType.FLOAT32).input(2).dense(2, "tanh").build()
                .layers().get(0);

        rejects("step", () -> CHECKER.step(0));
        rejects("step", () -> CHECKER.step(Double.NaN));
        rejects("tolerance", () -> CHECKER.tolerance(-1e-6));
        rejects("kinks", () -> CHECKER.kinks(0, Double.POSITIVE_INFINITY));
        rejects("rows", () -> CHECKER.checkActivation(tanh, 0, 5));
        rejects("cols", () -> CHECKER.checkActivation(tanh, four, 4, 0));
        rejects("z", () -> CHECKER.checkActivation(tanh, four, 2, 3));
        rejects("prediction", () -> CHECKER.checkLoss(mse, new double[3], four, 2, 2, 2));
        rejects("target", () -> CHECKER.checkLoss(mse, four, new double[3], 2, 2, 2));
        rejects("targetCols", () -> CHECKER.checkLoss(mse, four, four, 2, 2, 0));
        rejects("batch", () -> CHECKER.checkLayer(float32, 0));
        rejects("layer", () -> CHECKER.checkLayer(float32, 2));
    }

    private static void rejects(String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(argument + ": "), e.getMessage());
    }

    /** A dense layer whose backward drops the bias gradient. */
    private record ForgetsBias(Layer dense) implements Layer {
        public int inputSize() {
            return dense.inputSize();
        }

        public int outputSize() {
            return dense.outputSize();
        }

        public String kind() {
            return "ForgetsBias";
        }

        public Activation activation() {
            return dense.activation();
        }

        public Map<String, Tensor> parameters() {
            return dense.parameters();
        }

        public void forward(Tensor input, Tensor z, Tensor a) {
            dense.forward(input, z, a);
        }

        public void backward(Tensor input, Tensor z, Tensor a, Tensor gradOutput, Tensor gradInput,
                             List<Tensor> parameterGradients) {
            List<Tensor> buffers = new ArrayList<>(parameterGradients);
            Tensor bias = buffers.get(1);
            buffers.set(1, bias.backend().zeros(bias.dtype(), bias.shape()));
            dense.backward(input, z, a, gradOutput, gradInput, buffers);
        }

        public Layer copy() {
            return new ForgetsBias(dense.copy());
        }
    }

    /** An activation whose learnable parameters' gradients are twice the true ones. */
    private record DoubledParameterGradient(ParametricActivation p) implements ParametricActivation {
        public String name() {
            return p.name();
        }

        public Map<String, Double> parameters() {
            return p.parameters();
        }

        public List<String> learnableParameters() {
            return p.learnableParameters();
        }

        public double[] parameterGradient(Tensor z, Tensor a, Tensor gradA) {
            return p.parameterGradient(z, a, gradA);
        }

        public ParametricActivation withParameters(Map<String, Double> values) {
            return new DoubledParameterGradient(p.withParameters(values));
        }

        public void forward(Tensor z, Tensor out) {
            p.forward(z, out);
        }

        public void backward(Tensor z, Tensor a, Tensor gradA, Tensor gradZ) {
            p.backward(z, a, gradA, gradZ);
        }

        public void forward(Tensor z, List<Tensor> values, Tensor out) {
            p.forward(z, values, out);
        }

        public void backward(Tensor z, Tensor a, List<Tensor> values, Tensor gradA, Tensor gradZ) {
            p.backward(z, a, values, gradA, gradZ);
        }

        public void accumulateParameterGradients(Tensor z, Tensor a, List<Tensor> values, Tensor gradA,
                                                 List<Tensor> gradients) {
            p.accumulateParameterGradients(z, a, values, gradA, gradients);
            p.accumulateParameterGradients(z, a, values, gradA, gradients);
        }
    }
}
