package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines wrap at word boundaries to 100 columns; shorter lines, and lines without a break, pass as they are. */
class WrappingWriterTest {

    private static final String WORDS = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud";

    @Test
    void aLineThatFitsIsUnchanged() {
        String hundred = "x".repeat(50) + " " + "y".repeat(49);
        assertEquals(List.of(hundred), WrappingWriter.wrap(hundred));
        assertEquals(List.of(""), WrappingWriter.wrap(""));
    }

    @Test
    void aLongLineBreaksAtTheLastSpaceThatFitsWithAHangingIndent() {
        List<String> lines = WrappingWriter.wrap(WORDS);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).length() <= 100 && lines.get(0).startsWith("lorem"), lines.get(0));
        // The next word would not have fitted.
        String next = lines.get(1).strip().split(" ")[0];
        assertTrue(lines.get(0).length() + 1 + next.length() > 100, lines.toString());
        assertTrue(lines.get(1).startsWith("  " + next), lines.get(1));
        assertEquals(WORDS, lines.get(0) + " " + lines.get(1).strip(), "only the break changes");
    }

    @Test
    void continuationsIndentTwoMoreThanTheirLineAndEveryPieceFits() {
        String line = "    " + WORDS + " " + WORDS;
        List<String> lines = WrappingWriter.wrap(line);
        assertTrue(lines.size() >= 3, lines.toString());
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).length() <= 100, lines.get(i));
            assertTrue(lines.get(i).startsWith(i == 0 ? "    l" : "      ") && lines.get(i).charAt(i == 0 ? 4 : 6) != ' ',
                    lines.get(i));
        }
        assertEquals(line.strip(), String.join(" ", lines.stream().map(String::strip).toList()));
    }

    @Test
    void aWordLongerThanTheLineStaysWhole() {
        String word = "w".repeat(120);
        assertEquals(List.of(word), WrappingWriter.wrap(word));
        assertEquals(List.of("a", "  " + word, "  b"), WrappingWriter.wrap("a " + word + " b"));
        assertEquals(List.of(word, "  b"), WrappingWriter.wrap(word + " b"));
    }

    @Test
    void theWriterWrapsWholeLinesWrittenInPiecesAndKeepsTheSeparator() throws IOException {
        StringWriter out = new StringWriter();
        WrappingWriter w = new WrappingWriter(out);
        for (String word : WORDS.split(" ")) {
            w.write(word);
            w.write(' ');
            w.flush(); // a flush passes on only complete lines
        }
        assertEquals("", out.toString());
        w.write("\r\nshort\n");
        w.write("unterminated");
        w.finishLine();
        List<String> expected = WrappingWriter.wrap(WORDS + " ");
        assertEquals(String.join("\r\n", expected) + "\r\nshort\nunterminated", out.toString());
    }
}
