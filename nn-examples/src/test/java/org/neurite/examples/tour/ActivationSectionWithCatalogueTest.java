package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.api.Backends;
import org.neurite.api.DType;

/**
 * The activation section with every tutorial activation present (the registered ones, plus test stand-ins
 * for any the catalogue does not register yet): every plot, family and experiment runs and prints the
 * true values.
 */
class ActivationSectionWithCatalogueTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void everyPlotFamilyAndExperimentRuns() throws Exception {
        StringWriter text = new StringWriter();
        TourContext ctx = new TourContext(Backends.get(), DType.FLOAT64, TourContext.TUTORIAL_SEED, dir,
                new PrintWriter(text, true), StandInActivations.registry());
        SectionResult result = ctx.run(new ActivationsSection());
        String out = result.text();
        assertFalse(out.contains("(skipped:"), out);

        for (String name : List.of("sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "selu", "gelu",
                "gelu_tanh", "silu", "mish", "softplus")) {
            Figures.assertFigure(dir.resolve("activation_" + name + ".png"), 800, 400);
        }
        Map<String, int[]> families = Map.of("leaky_relu_prelu.png", new int[] {1200, 400},
                "elu_selu.png", new int[] {1200, 400}, "gelu_vs_relu.png", new int[] {900, 400},
                "swish_mish_relu.png", new int[] {1000, 400}, "softplus_vs_relu.png", new int[] {800, 400},
                "softmax_probabilities.png", new int[] {800, 400});
        for (Map.Entry<String, int[]> e : families.entrySet()) {
            Figures.assertFigure(dir.resolve(e.getKey()), e.getValue()[0], e.getValue()[1]);
        }
        assertEquals(20, result.figures().size(), "12 single plots, 5 families, sparsity, dead neurons, softmax");

        assertEquals(1.0, number(out, "Sum = (\\d+\\.\\d+)"), 1e-6, out);
        assertEquals(0.0, number(out, "Leaky ReLU dead neurons: (\\d+\\.\\d)%"));
        double dead = number(out, "ReLU dead neurons: (\\d+\\.\\d)%");
        assertTrue(dead > 92 && dead < 95, out);
        assertEquals(0.0, number(out, "SELU: mean=(-?\\d+\\.\\d+)"), 0.05, out);
        assertEquals(1.0, number(out, "SELU: mean=-?\\d+\\.\\d+, std=(\\d+\\.\\d+)"), 0.05, out);
        assertEquals(0.3457, number(out, "z=\\+0\\.5 GELU=\\+(\\d\\.\\d+)"), 1e-4, out);
        assertEquals(100.0, number(out, "softplus\\(100\\) = (\\d+\\.\\d+)"), 1e-9, out);
        assertEquals(0.5, number(out, "z=\\+0\\.0 swish'=\\+(\\d\\.\\d+)"), 1e-4, out);
        for (String row : List.of("Leaky ReLU (alpha=0.01)", "PReLU (alpha=0.25)", "ELU (alpha=1.0)", "SELU",
                "GELU (exact)", "GELU (tanh)", "Swish / SiLU", "Mish", "Softplus")) {
            assertTrue(Pattern.compile("^" + Pattern.quote(row) + " +[-+]\\d", Pattern.MULTILINE).matcher(out).find(),
                    "table row " + row + " in\n" + out);
        }
    }
}
