package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's quick start is the code of {@link QuickStart}, and it runs. */
class ReadmeQuickStartTest {

    private static String block(String text, String begin, String end) {
        Matcher m = Pattern.compile(Pattern.quote(begin) + "\\R(.*?)\\R\\s*" + Pattern.quote(end), Pattern.DOTALL)
                .matcher(text);
        assertTrue(m.find(), "markers " + begin + " ... " + end + " not found");
        return m.group(1).stripIndent().strip();
    }

    @Test
    void readmeShowsExactlyTheQuickStartCode() throws Exception {
        String source = Files.readString(Path.of("src/main/java/org/neurite/examples/QuickStart.java"));
        String readme = Files.readString(Path.of("../README.md"));
        String code = block(source, "// quickstart:begin", "// quickstart:end");
        String shown = block(readme, "<!-- quickstart:begin -->\n```java", "```\n<!-- quickstart:end -->");
        assertEquals(code, shown, "README.md's quick start differs from QuickStart.java; copy it over");
    }

    @Test
    void quickStartRunsAndPrintsTheSummaryAndFourOutputs() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Total parameters: 31"), out);
        assertEquals(4, out.lines().filter(l -> l.matches("\\[[01]\\.0, [01]\\.0\\] -> 0\\.\\d{4}")).count(), out);
    }
}
