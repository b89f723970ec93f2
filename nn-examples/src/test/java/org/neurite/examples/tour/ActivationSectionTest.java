package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.api.Activations;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;

/**
 * The activation section on a registry that lacks most of the tutorial's activations (an application that
 * registers its own set, or a trimmed build): it still runs, says what it skipped, and draws only what is
 * there. The full catalogue is covered through the CLI in {@link SectionCommandsTest}.
 */
class ActivationSectionTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Set<String> KEPT = Set.of("linear", "sigmoid", "tanh", "relu");

    @TempDir
    Path dir;

    @Test
    void skipsWhatIsNotRegisteredWithANoteAndDrawsTheRest() throws Exception {
        List<ActivationFactory> kept = Activations.discover().factories().values().stream()
                .filter(f -> KEPT.contains(f.name())).collect(Collectors.toList());
        ActivationProvider trimmed = () -> kept;
        StringWriter console = new StringWriter();
        TourContext ctx = new TourContext(Backends.get(), DType.FLOAT64, TourContext.TUTORIAL_SEED, dir,
                new PrintWriter(console, true), Activations.of(List.of(trimmed)));

        SectionResult result = ctx.run(new ActivationsSection());

        String out = result.text();
        for (String missing : List.of("leaky_relu", "prelu", "elu", "selu", "gelu", "gelu_tanh", "silu", "mish",
                "softplus", "softmax")) {
            assertEquals(1, out.split("\\(skipped: '" + missing + "' is not registered", -1).length - 1,
                    "one note for " + missing + " in\n" + out);
            assertFalse(Files.exists(dir.resolve("activation_" + missing + ".png")), missing);
        }
        for (String present : List.of("sigmoid", "tanh", "relu")) {
            Figures.assertFigure(dir.resolve("activation_" + present + ".png"), 800, 400);
        }
        // The comparisons whose subject is missing are left out rather than drawn with ReLU alone.
        assertEquals(List.of("activation_sigmoid.png", "activation_tanh.png", "activation_relu.png",
                "relu_sparsity.png", "dead_neurons.png"),
                result.figures().stream().map(SectionResult.Figure::fileName).collect(Collectors.toList()));
        assertTrue(out.contains("ReLU dead neurons: "), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("ReLU ") && l.endsWith("+3.000")), "table row ReLU\n" + out);
    }
}
