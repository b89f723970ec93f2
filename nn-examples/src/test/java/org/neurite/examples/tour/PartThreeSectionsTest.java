package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.api.Losses;
import org.neurite.core.Mlp;
import org.neurite.core.init.Initializers;

/**
 * The tutorial's part 3 (losses, gradient descent, backpropagation) as commands: each runs, writes its
 * figures, and the numbers it prints as claims agree with closed forms computed here, independently of
 * Neurite's losses, activations and layers.
 */
class PartThreeSectionsTest {

    private static final String NUMBER = "(-?\\d+\\.\\d+(?:e[-+]\\d+)?)";

    @TempDir
    Path dir;

    private Cli run(String command, String... more) {
        return Cli.section(dir, command, more);
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.abs(expected) + 1e-300, what);
    }

    @Test
    void lossesDrawEveryLossAndShowTheGradientVanishingThroughTheSigmoid() throws Exception {
        String out = run("losses").out();
        for (String name : Losses.discover().names()) {
            assertTrue(Pattern.compile("^" + name + "\\b", Pattern.MULTILINE).matcher(out).find(),
                    "every loss of the catalogue has a table row: " + name + "\n" + out);
        }
        // mse at y_hat = -1 against the target 1: (y_hat - y)^2 = 4, gradient 2 (y_hat - y) = -4.
        assertTrue(out.contains("mse                  | 4.0000, -4.0000"), out);

        Matcher row = Pattern.compile("^ +(-?\\d+) +" + NUMBER + " \\| +" + NUMBER + " +" + NUMBER + " +" + NUMBER
                + " \\| +" + NUMBER + " +" + NUMBER + "$", Pattern.MULTILINE).matcher(out);
        int rows = 0;
        double eps = 1e-12f;   // PyTorch's float epsilon in bce's backward
        while (row.find()) {
            rows++;
            double z = Double.parseDouble(row.group(1));
            double p = sigmoid(z);
            double pq = p * (1 - p);
            double throughSigmoid = (p - 1) / Math.max(pq, eps) * pq;
            assertClose(p, Double.parseDouble(row.group(2)), 1e-4, "p at z = " + z);
            assertClose(throughSigmoid, Double.parseDouble(row.group(5)), 1e-4, "dL/dz through sigmoid at " + z);
            assertClose(p - 1, Double.parseDouble(row.group(7)), 1e-4, "bce_with_logits' p - y at " + z);
            double softplus = Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
            assertEquals(softplus, Double.parseDouble(row.group(6)), 1e-4, "bce_with_logits' value at " + z);
        }
        assertEquals(LossesSection.CONFIDENT_WRONG.length, rows, out);
        double at40 = Double.parseDouble(match(out, "At z = -40: sigmoid then bce hands z the gradient " + NUMBER));
        assertTrue(Math.abs(at40) < 1e-5, "the gradient vanishes at a confident wrong answer: " + at40);
        assertTrue(Double.parseDouble(match(out, "largest difference " + NUMBER)) < 1e-12, out);

        Figures.assertFigure(dir.resolve("losses_regression.png"), 1400, 500);
        Figures.assertFigure(dir.resolve("losses_classification.png"), 1400, 500);
    }

    @Test
    void gradientDescentTakesTheStepsOfTheUpdateRulesAndShowsADivergence() throws Exception {
        String out = run("gradient-descent").out();
        // The full-batch gradient of mean bce at the start, by hand.
        double gw = 0;
        double gb = 0;
        double[] x = GradientDescentSection.X;
        for (int i = 0; i < x.length; i++) {
            double err = sigmoid(GradientDescentSection.W0 * x[i] + GradientDescentSection.B0)
                    - GradientDescentSection.Y[i];
            gw += err * x[i] / x.length;
            gb += err / x.length;
        }
        // SGD: θ - lr g; momentum's first step is SGD's (its buffer starts as g); Adam's is lr along -sign(g).
        double[][] expected = {
            {GradientDescentSection.W0 - 1.0 * gw, GradientDescentSection.B0 - 1.0 * gb},
            {GradientDescentSection.W0 - 0.3 * gw, GradientDescentSection.B0 - 0.3 * gb},
            {GradientDescentSection.W0 - 0.3 * Math.signum(gw), GradientDescentSection.B0 - 0.3 * Math.signum(gb)},
        };
        for (int k = 0; k < 3; k++) {
            String spec = GradientDescentSection.OPTIMIZERS.get(k);
            Matcher m = Pattern.compile("^first step of " + Pattern.quote(spec) + ": \\(w, b\\) = \\(" + NUMBER + ", "
                    + NUMBER + "\\)$",
                    Pattern.MULTILINE).matcher(out);
            assertTrue(m.find(), spec + "\n" + out);
            assertEquals(expected[k][0], Double.parseDouble(m.group(1)), 1e-6, spec + ": w after one step");
            assertEquals(expected[k][1], Double.parseDouble(m.group(2)), 1e-6, spec + ": b after one step");
        }
        assertTrue(out.contains("TrainingDivergedException: training diverged: step ") && out.contains("loss is Infinity"),
                out);
        // The good rate ends at the valley floor: no grid point is lower (to the grid's resolution).
        double floor = Double.parseDouble(match(out, "Lowest loss on the 81 x 81 grid: " + NUMBER));
        double good = Double.parseDouble(match(out, "sgd\\(lr=3\\.0\\) .* after 100 " + NUMBER));
        assertTrue(good <= floor + 1e-9 && good > 0.3, good + " vs " + floor);

        Figures.assertFigure(dir.resolve("gradient_descent_paths.png"), 900, 700);
        Figures.assertFigure(dir.resolve("learning_rates.png"), 1400, 500);
    }

    @Test
    void backpropAgreesWithAHandWrittenChainRuleAndWithFiniteDifferences() {
        String out = run("backprop").out();
        for (String diff : all(out, "^layers\\.\\d\\.\\w+ +\\(\\d, \\d\\) +\\d\\.\\d+ +" + NUMBER + "$")) {
            assertTrue(Double.parseDouble(diff) < 1e-8, "central differences agree: " + diff + "\n" + out);
        }
        assertEquals(4, all(out, "^layers\\.\\d\\.\\w+ +\\(\\d, \\d\\) +\\d\\.\\d+ +" + NUMBER + "$").size(), out);
        assertTrue(out.contains("Mlp.backward(workspace) gives the same gradients: largest difference 0.0e+00"), out);

        // The same network's weights, then forward and backward written out in plain arithmetic.
        Mlp mlp = Mlp.builder().seed(123).input(3).dense(4, "relu", Initializers.normal(0.5))
                .dense(2, "sigmoid", Initializers.normal(0.5)).build();
        double[][] w1 = mlp.layers().get(0).parameters().get("weight").toDoubleArray();
        double[][] w2 = mlp.layers().get(1).parameters().get("weight").toDoubleArray();
        double[] xs = BackpropSection.X;
        double[] y = BackpropSection.TARGET;
        double[] z1 = new double[4];
        double[] a1 = new double[4];
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 3; i++) {
                z1[j] += w1[j][i] * xs[i];
            }
            a1[j] = Math.max(0, z1[j]);
        }
        double[] dz2 = new double[2];
        for (int k = 0; k < 2; k++) {
            double z2 = 0;
            for (int j = 0; j < 4; j++) {
                z2 += w2[k][j] * a1[j];
            }
            dz2[k] = (sigmoid(z2) - y[k]) / 2;   // mean bce over 2 outputs, through the sigmoid
        }
        double[][] dw1 = new double[4][3];
        for (int j = 0; j < 4; j++) {
            double da1 = dz2[0] * w2[0][j] + dz2[1] * w2[1][j];
            double dz1 = z1[j] > 0 ? da1 : 0;
            for (int i = 0; i < 3; i++) {
                dw1[j][i] = dz1 * xs[i];
            }
        }
        assertVector(dz2, match(out, "dL/dz2 \\(1, 2\\) = (\\[[^]]*\\])"), "dL/dz2");
        assertVector(dz2, match(out, "dL/db2 \\(1, 2\\) = (\\[[^]]*\\])"), "dL/db2");
        String w1Block = out.substring(out.indexOf("dL/dW1"), out.indexOf("dL/db1"));
        List<String> w1Rows = all(w1Block, "^(?:dL/dW1 \\(4, 3\\) =| {15}) (\\[[^]]*\\])");
        assertEquals(4, w1Rows.size(), out);
        for (int j = 0; j < 4; j++) {
            assertVector(dw1[j], w1Rows.get(j), "dL/dW1 row " + j);
        }
    }

    @Test
    void backpropInFloat32AgreesToItsPrecision() {
        String out = run("backprop", "--dtype", "float32").out();
        assertTrue(Double.parseDouble(match(out, "Largest difference over all 26 parameters: " + NUMBER)) < 1e-4, out);
    }

    private static void assertVector(double[] expected, String printed, String what) {
        String[] parts = printed.substring(1, printed.length() - 1).split(", ");
        assertEquals(expected.length, parts.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], Double.parseDouble(parts[i]), 2e-6, what + "[" + i + "]");
        }
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in:\n" + text);
        return m.group(1);
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
