package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurite tour --out DIR}, run once: its text, its index page and its figures. */
class TourTest {

    /** The tutorial's own figures (and the tour's additions with a fixed size), with their sizes. */
    private static final Map<String, int[]> SIZES = Map.ofEntries(
            Map.entry("neuron_response.png", new int[] {800, 600}),
            Map.entry("neuron_exercise.png", new int[] {1400, 500}),
            Map.entry("weights_biases_effect.png", new int[] {1400, 500}),
            Map.entry("activation_sigmoid.png", new int[] {800, 400}),
            Map.entry("activation_tanh.png", new int[] {800, 400}),
            Map.entry("activation_relu.png", new int[] {800, 400}),
            Map.entry("relu_sparsity.png", new int[] {1200, 400}),
            Map.entry("dead_neurons.png", new int[] {800, 400}),
            Map.entry("xor_nonlinearity.png", new int[] {1200, 500}),
            Map.entry("mlp_decision_landscape.png", new int[] {800, 600}),
            Map.entry("architectures_landscapes.png", new int[] {1800, 550}),
            Map.entry("train_xor_landscapes.png", new int[] {1600, 600}),
            Map.entry("architectures_trained_boundaries.png", new int[] {1950, 1100}),
            Map.entry("digits_confusion.png", new int[] {800, 700}));

    @TempDir
    static Path dir;
    private static Cli tour;

    @BeforeAll
    static void runTheTour() {
        tour = Cli.run("tour", "--out", dir.toString());
    }

    @Test
    void exitsWithZeroAndRunsEverySectionInOrder() {
        assertEquals(0, tour.status(), tour.err());
        int at = -1;
        for (Section s : Tour.sections()) {
            int next = tour.out().indexOf("\n" + s.title() + "\n");
            assertTrue(next > at, "section '" + s.title() + "' missing or out of order");
            at = next;
        }
        assertTrue(tour.out().contains("Wrote tour.txt, index.html and "), tour.out());
    }

    @Test
    void tourTxtHoldsEverythingPrinted() throws Exception {
        String text = Files.readString(dir.resolve("tour.txt"), StandardCharsets.UTF_8);
        assertTrue(tour.out().replace("\r\n", "\n").startsWith(text.replace("\r\n", "\n")),
                "tour.txt differs from what the tour printed");
        assertTrue(text.contains("Total parameters: 31") && text.contains("FINAL OUTPUT"), text);
    }

    @Test
    void indexShowsEveryFigureInOrderWithSectionTitlesAndText() throws Exception {
        String html = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        int at = -1;
        for (Section s : Tour.sections()) {
            int next = html.indexOf("<h2>", at + 1);
            assertTrue(next > at && html.startsWith(s.title(), html.indexOf(". ", next) + 2),
                    "section heading '" + s.title() + "' missing or out of order");
            at = next;
        }
        List<String> shown = new ArrayList<>();
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\"").matcher(html);
        while (img.find()) {
            shown.add(img.group(1));
            Figures.assertFigure(dir.resolve(img.group(1)), Integer.parseInt(img.group(2)),
                    Integer.parseInt(img.group(3)));
        }
        List<String> printed = Pattern.compile("\\[figure\\] (\\S+\\.png)").matcher(tour.out()).results()
                .map(m -> m.group(1)).collect(Collectors.toList());
        assertEquals(printed, shown, "index.html shows the figures in the order the tour made them");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> pngs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted()
                    .collect(Collectors.toList());
            assertEquals(shown.stream().sorted().collect(Collectors.toList()), pngs, "every PNG is in index.html");
        }
        assertTrue(html.contains("<pre>") && html.contains("Total parameters: 65"), "section text is on the page");
    }

    @Test
    void theTutorialsFiguresHaveItsSizesAndAreNotBlank() throws Exception {
        for (Map.Entry<String, int[]> e : SIZES.entrySet()) {
            Figures.assertFigure(dir.resolve(e.getKey()), e.getValue()[0], e.getValue()[1]);
        }
    }
}
