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
            int next = html.indexOf("<h3>", at + 1);
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
    void indexGroupsTheSectionsUnderTheirPartsInOrder() throws Exception {
        String html = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        List<Section> sections = Tour.sections();
        for (int i = 0; i < sections.size(); i++) {
            Section.Part part = sections.get(i).part();
            int partAt = html.indexOf("<h2 class=\"part\" id=\"part" + part.number() + "\">Part " + part.number()
                    + ": " + part.title() + "</h2>");
            int sectionAt = html.indexOf("<h3>" + (i + 1) + ". " + sections.get(i).title() + "</h3>");
            int nextPart = html.indexOf("<h2 class=\"part\"", partAt + 1);
            assertTrue(partAt >= 0 && sectionAt > partAt && (nextPart < 0 || sectionAt < nextPart),
                    sections.get(i).title() + " is not under part " + part.number());
        }
        // The tutorial's headings: the neuron up to the XOR fix, then layers up to the untrained MLP's tests.
        assertEquals(List.of("neuron", "weights-biases", "activation-plots", "collapse", "xor"), sections.stream()
                .filter(s -> s.part() == Section.Part.NEURON).map(Section::command).collect(Collectors.toList()));
        assertEquals(List.of("layers", "trace", "mlp", "landscape", "architectures"), sections.stream()
                .filter(s -> s.part() == Section.Part.NETWORK).map(Section::command).collect(Collectors.toList()));
    }

    /**
     * The page's text and figures, read in order, are tour.txt without its headings: every figure stands
     * where its section printed its figure line, between the same two lines of text.
     */
    @Test
    void indexInterleavesEveryFigureWithItsTextInOrder() throws Exception {
        String html = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        List<String> page = new ArrayList<>();
        Matcher piece = Pattern.compile("<pre>(.*?)</pre>|<img src=\"([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\" "
                + "alt=\"([^\"]*)\"", Pattern.DOTALL).matcher(html);
        while (piece.find()) {
            String text = piece.group(1) != null ? unescape(piece.group(1))
                    : String.join("\n", WrappingWriter.wrap(TourContext.figureLine(new SectionResult.Figure(
                            unescape(piece.group(2)), unescape(piece.group(5)), Integer.parseInt(piece.group(3)),
                            Integer.parseInt(piece.group(4))))));
            text.lines().filter(l -> !l.isBlank()).forEach(page::add);
        }
        String text = Files.readString(dir.resolve("tour.txt"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        for (Section s : Tour.sections()) {
            text = text.replace(TourContext.heading(s.title()).replace("\r\n", "\n"), "\n");
        }
        List<String> printed = text.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
        assertEquals(printed, page);
        // Section 3's figures are spread through its text, not gathered before it.
        assertTrue(html.indexOf("activation_sigmoid.png") < html.indexOf("score=+3.0")
                && html.indexOf("score=+3.0") < html.indexOf("activation_tanh.png"), "sigmoid's figure, then its text");
    }

    @Test
    void noLineOfTourTxtIsLongerThanTheLimit() throws Exception {
        List<String> tooLong = Files.readAllLines(dir.resolve("tour.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.length() > WrappingWriter.WIDTH).collect(Collectors.toList());
        assertEquals(List.of(), tooLong, "lines longer than " + WrappingWriter.WIDTH + " columns");
        assertEquals(100, WrappingWriter.WIDTH);
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    @Test
    void theTutorialsFiguresHaveItsSizesAndAreNotBlank() throws Exception {
        for (Map.Entry<String, int[]> e : SIZES.entrySet()) {
            Figures.assertFigure(dir.resolve(e.getKey()), e.getValue()[0], e.getValue()[1]);
        }
    }
}
