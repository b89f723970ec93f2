package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each section as its own command: it runs, prints the true key figures and writes its PNGs. */
class SectionCommandsTest {

    /** The tutorial's element-wise activations, each plotted with its derivative. */
    private static final List<String> TUTORIAL_ACTIVATIONS = List.of("sigmoid", "tanh", "relu", "leaky_relu",
            "prelu", "elu", "selu", "gelu", "gelu_tanh", "silu", "mish", "softplus");

    @TempDir
    Path dir;

    private Cli run(String command, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = command;
        args[1] = "--out";
        args[2] = dir.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        Cli r = Cli.run(args);
        assertEquals(0, r.status(), command + " failed: " + r.err() + r.out());
        return r;
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void everySectionIsACommandWithHelp() {
        for (Section s : Tour.sections()) {
            Cli help = Cli.run(s.command(), "--help");
            assertEquals(0, help.status(), s.command());
            assertTrue(help.out().contains("--out") && help.out().contains("--seed") && help.out().contains("--backend")
                    && help.out().contains("--dtype"), help.out());
        }
        assertEquals(List.of("neuron", "weights-biases", "activation-plots", "collapse", "xor", "layers", "trace",
                "mlp", "landscape", "architectures", "losses", "gradient-descent", "backprop", "train-xor",
                "architectures-trained", "digits"),
                Tour.sections().stream().map(Section::command).collect(Collectors.toList()));
    }

    @Test
    void neuronPrintsItsSumAndOutputAndDrawsTheSurfaces() throws Exception {
        String out = run("neuron").out();
        double sum = number(out, "Weighted sum: (-?\\d+\\.\\d+)");
        double output = number(out, "Output \\(after sigmoid\\): (\\d+\\.\\d+)");
        assertEquals(1 / (1 + Math.exp(-sum)), output, 1e-4, "the output is the sigmoid of the printed sum");
        assertTrue(out.contains("Decision boundary (z = 0): x2 = 2.0000 * x1 + 0.5000"), out);
        Figures.assertFigure(dir.resolve("neuron_response.png"), 800, 600);
        Figures.assertFigure(dir.resolve("neuron_exercise.png"), 1400, 500);
    }

    @Test
    void weightsAndBiasesShiftAndSteepenTheSigmoid() throws Exception {
        String out = run("weights-biases").out();
        for (int b : new int[] {-3, -1, 0, 1, 3}) {
            assertEquals(-b, number(out, "b = " + b + " +([-+]\\d+\\.\\d+)"), 0.01, "bias " + b + " shifts to x = -b");
        }
        Figures.assertFigure(dir.resolve("weights_biases_effect.png"), 1400, 500);
    }

    @Test
    void activationPlotsDrawEveryTutorialActivationAndPrintTheTrueValues() throws Exception {
        String out = run("activation-plots").out();
        assertFalse(out.contains("(skipped:"), "the catalogue registers every tutorial activation:\n" + out);
        for (String name : TUTORIAL_ACTIVATIONS) {
            Figures.assertFigure(dir.resolve("activation_" + name + ".png"), 800, 400);
        }
        for (String[] family : new String[][] {{"leaky_relu_prelu.png", "1200"}, {"elu_selu.png", "1200"},
                {"gelu_vs_relu.png", "900"}, {"swish_mish_relu.png", "1000"}, {"softplus_vs_relu.png", "800"},
                {"softmax_probabilities.png", "800"}, {"dead_neurons.png", "800"}, {"relu_sparsity.png", "1200"}}) {
            Figures.assertFigure(dir.resolve(family[0]), Integer.parseInt(family[1]), 400);
        }

        assertEquals(50.0, number(out, "Sparsity of ReLU activations: (\\d+\\.\\d)%"), 1.0, out);
        double dead = number(out, "ReLU dead neurons: (\\d+\\.\\d)%");
        assertTrue(dead > 92 && dead < 95, "P(N(0,1) < 1.5) = 93.3%, not the tutorial's 82%: " + dead);
        assertEquals(0.0, number(out, "Leaky ReLU dead neurons: (\\d+\\.\\d)%"));
        assertTrue(out.contains("tanh's gradient is 4.0x sigmoid's"), out);
        // SELU keeps N(0, 1) at mean 0 and std 1 (the tutorial's comment: -0.08 and 0.96).
        assertEquals(0.0, number(out, "SELU: mean=(-?\\d+\\.\\d+)"), 0.03, out);
        assertEquals(1.0, number(out, "SELU: mean=-?\\d+\\.\\d+, std=(\\d+\\.\\d+)"), 0.03, out);
        assertEquals(0.3457, number(out, "z=\\+0\\.5 GELU=\\+(\\d\\.\\d+)"), 1e-4, out);
        assertEquals(0.5, number(out, "z=\\+0\\.0 swish'=\\+(\\d\\.\\d+)"), 1e-4, out);
        // The tutorial's softplus clips at 20; Neurite's does not.
        assertEquals(100.0, number(out, "softplus\\(100\\) = (\\d+\\.\\d+)"), 1e-9, out);

        assertEquals(1.0, number(out, "Sum = (\\d+\\.\\d+)"), 1e-6);
        Matcher p = Pattern.compile("P=(\\d\\.\\d{3})").matcher(out);
        double total = 0;
        while (p.find()) {
            total += Double.parseDouble(p.group(1));
        }
        assertEquals(1.0, total, 3e-3, "the five printed probabilities sum to 1");

        for (String row : List.of("Sigmoid", "Tanh", "ReLU", "Leaky ReLU", "PReLU", "ELU", "SELU", "GELU (exact)",
                "GELU (tanh)", "Swish / SiLU", "Mish", "Softplus")) {
            assertTrue(Pattern.compile("^" + Pattern.quote(row) + "( \\([a-z]+=[^)]*\\))? +[-+]\\d", Pattern.MULTILINE)
                    .matcher(out).find(), "table row " + row + " in\n" + out);
        }
    }

    @Test
    void collapseDifferenceIsRoundingOnly() {
        String out = run("collapse").out();
        assertTrue(number(out, "Difference: (\\d\\.\\d+e[-+]\\d+)") < 1e-10, out);
        assertTrue(out.contains("W_combined shape: (2, 4)"), out);
    }

    @Test
    void xorNetworkOutputsZeroOneOneZero() throws Exception {
        String out = run("xor").out();
        Matcher row = Pattern.compile("^\\[([01]), ([01])\\] .* (\\d+\\.\\d)   \\(target: ([01])\\)$", Pattern.MULTILINE)
                .matcher(out);
        StringBuilder outputs = new StringBuilder();
        while (row.find()) {
            outputs.append(Math.round(Double.parseDouble(row.group(3))));
            assertEquals(row.group(4), String.valueOf(Math.round(Double.parseDouble(row.group(3)))));
        }
        assertEquals("0110", outputs.toString(), out);
        assertTrue(out.contains("4 of 4 outputs equal their targets") && out.contains("separates 4 of the 4"), out);
        Figures.assertFigure(dir.resolve("xor_nonlinearity.png"), 1200, 500);
    }

    @Test
    void layersShowShapesAndParameterCounts() {
        String out = run("layers").out();
        assertTrue(out.contains("Weights shape: (4, 3)") && out.contains("Weights shape: (2, 4)"), out);
        assertTrue(out.contains("Total params: 16") && out.contains("Total params: 10"), out);
        assertEquals(26, number(out, "Total network parameters: (\\d+)"));
    }

    @Test
    void traceChecksEveryDimension() {
        String out = run("trace").out();
        assertTrue(out.contains("x (1, 3) . W1^T (4, 3) -> z1 (1, 4): OK"), out);
        assertTrue(out.contains("a1 (1, 4) . W2^T (2, 4) -> z2 (1, 2): OK"), out);
        assertFalse(out.contains("MISMATCH"), out);
    }

    @Test
    void mlpHas31ParametersAndFourOutputs() {
        String out = run("mlp").out();
        assertEquals(31, number(out, "Total parameters: (\\d+)"));
        assertEquals(4, Pattern.compile("Input: \\[[01], [01]\\] -> Output: 0\\.\\d{4}").matcher(out).results().count());
    }

    @Test
    void landscapeHas65ParametersAndItsFigure() throws Exception {
        String out = run("landscape").out();
        assertEquals(65, number(out, "Total parameters: (\\d+)"));
        double lo = number(out, "Output range: \\[(\\d\\.\\d+),");
        double hi = number(out, "Output range: \\[\\d\\.\\d+, (\\d\\.\\d+)\\]");
        assertTrue(0 < lo && lo < hi && hi < 1, out);
        Figures.assertFigure(dir.resolve("mlp_decision_landscape.png"), 800, 600);
    }

    @Test
    void architecturesPrintTheTrueParameterCounts() throws Exception {
        String out = run("architectures").out();
        assertTrue(Pattern.compile("Wide and shallow +\\[2, 32, 1\\] +66 +129 ").matcher(out).find(), out);
        assertTrue(Pattern.compile("Narrow and deep +\\[2, 4, 4, 4, 4, 1\\] +~60 +77 ").matcher(out).find(), out);
        assertTrue(Pattern.compile("Balanced +\\[2, 8, 8, 1\\] +~89 +105 ").matcher(out).find(), out);
        assertTrue(out.contains("The totals are NOT equal: [129, 77, 105]"), out);
        Figures.assertFigure(dir.resolve("architectures_landscapes.png"), 1800, 550);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "collapse", "xor", "trace"})
    void sectionsRunInFloat32(String command) {
        String out = run(command, "--dtype", "float32").out();
        if (command.equals("mlp")) {
            assertTrue(out.contains("MLP summary (backend ejml, float32)") && out.contains("Total parameters: 31"), out);
        }
        if (command.equals("collapse")) {
            assertTrue(number(out, "relative to the output's size: (\\d\\.\\de[-+]\\d+)") < 1e-5, out);
        }
        if (command.equals("xor")) {
            assertTrue(out.contains("4 of 4 outputs equal their targets"), out);
        }
    }

    @Test
    void theSeedReproducesASectionAndChangesIt() {
        String a = run("trace", "--seed", "7").out();
        String b = run("trace", "--seed", "7").out();
        String c = run("trace").out();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertTrue(c.contains("java.util.Random(123)"), "seed 42 gives the trace snippet the tutorial's seed 123");
    }

    @Test
    void anExplicitBackendIsUsed() {
        assertTrue(run("mlp", "--backend", "ejml").out().contains("MLP summary (backend ejml, float64)"));
    }

    @Test
    void badArgumentsExitWithTwoAndOneLine() {
        for (String[] args : new String[][] {{"tour", "--backend", "no-such-backend"}, {"xor", "--dtype", "float16"},
                {"neuron", "--seed", "abc"}}) {
            Cli r = Cli.run(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("neurite: "), r.err());
        }
        assertTrue(Cli.run("tour", "--backend", "no-such-backend").err().contains("no-such-backend"));
    }
}
