package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.examples.tour.IndexPage.Image;
import org.neurite.examples.tour.IndexPage.Text;
import org.neurite.examples.tour.SectionResult.Figure;

/** {@code index.html} puts each figure where its section printed it, and groups the sections into parts. */
class IndexPageTest {

    @TempDir
    Path dir;

    private static final Figure SHORT = new Figure("a.png", "First.", 10, 20);
    private static final Figure LONG = new Figure("b.png", "A caption long enough that its figure line wraps: "
            + "it goes on and on, past the hundredth column of the page, onto a second line.", 30, 40);

    /** What a section prints around its figures, with the figure lines as {@link TourContext} prints them. */
    private static String printed(String... lines) {
        StringWriter text = new StringWriter();
        try (WrappingWriter w = new WrappingWriter(text)) {
            for (String line : lines) {
                w.write(line + "\n");
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return text.toString();
    }

    @Test
    void figuresInterleaveWithTheTextInTheOrderPrinted() {
        String text = printed("before", TourContext.figureLine(SHORT), "", "between 1", "between 2",
                TourContext.figureLine(LONG), "  after, indented");
        assertTrue(text.lines().count() > 7, "the long figure line wraps:\n" + text);
        SectionResult r = new SectionResult("S", Section.Part.NEURON, text, List.of(SHORT, LONG));
        assertEquals(List.of(new Text("before"), new Image(SHORT), new Text("between 1\nbetween 2"), new Image(LONG),
                new Text("  after, indented")), IndexPage.pieces(r));
    }

    @Test
    void aFigureWhoseLineIsMissingComesAfterTheText() {
        SectionResult r = new SectionResult("S", Section.Part.NEURON, "only text\n", List.of(SHORT));
        assertEquals(List.of(new Text("only text"), new Image(SHORT)), IndexPage.pieces(r));
        // A figure line inside another line is not a figure line.
        SectionResult quoted = new SectionResult("S", Section.Part.NEURON,
                "see " + TourContext.figureLine(SHORT) + "\n", List.of(SHORT));
        assertEquals(2, IndexPage.pieces(quoted).size());
        assertEquals(new Image(SHORT), IndexPage.pieces(quoted).get(1));
    }

    @Test
    void sectionsAreGroupedUnderTheirPartsAndNewSectionsLandInPart3() {
        Section added = new Section() {
            @Override
            public String command() {
                return "added";
            }

            @Override
            public String title() {
                return "A section added later";
            }

            @Override
            public String description() {
                return "";
            }

            @Override
            public void run(TourContext context) {
            }
        };
        assertEquals(Section.Part.LEARNING, added.part(), "the default part");
        TourContext ctx = new TourContext(Backends.get(), DType.FLOAT64, 42, dir, new PrintWriter(new StringWriter()));
        String html = IndexPage.html(ctx, List.of(
                new SectionResult("One", Section.Part.NEURON, printed("one", TourContext.figureLine(SHORT)),
                        List.of(SHORT)),
                new SectionResult("Two", Section.Part.NEURON, "two\n", List.of()),
                new SectionResult("Three", Section.Part.NETWORK, "three\n", List.of()),
                ctx.run(added)));
        int[] at = {
            html.indexOf("<h2 class=\"part\" id=\"part1\">Part 1: " + Section.Part.NEURON.title() + "</h2>"),
            html.indexOf("<h3>1. One</h3>"),
            html.indexOf("<pre>one</pre>"),
            html.indexOf("<img src=\"a.png\" width=\"10\" height=\"20\""),
            html.indexOf("<h3>2. Two</h3>"),
            html.indexOf("<h2 class=\"part\" id=\"part2\">Part 2: "),
            html.indexOf("<h3>3. Three</h3>"),
            html.indexOf("<h2 class=\"part\" id=\"part3\">Part 3: How neural networks learn</h2>"),
            html.indexOf("<h3>4. A section added later</h3>"),
        };
        for (int i = 0; i < at.length; i++) {
            assertTrue(at[i] >= 0 && (i == 0 || at[i] > at[i - 1]), "element " + i + " missing or out of order:\n"
                    + html);
        }
        assertEquals(3, html.split("<h2 class=\"part\"", -1).length - 1, "one heading per part:\n" + html);
        assertTrue(html.contains("<li value=\"4\"><a href=\"#s4\">A section added later</a></li>"), html);
    }
}
