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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The README's quick start and training example are the code of {@link QuickStart} and {@link TrainingQuickStart}, and they run. */
class ReadmeQuickStartTest {

    private static String block(String text, String begin, String end) {
        Matcher m = Pattern.compile(Pattern.quote(begin) + "\\R(.*?)\\R\\s*" + Pattern.quote(end), Pattern.DOTALL)
                .matcher(text);
        assertTrue(m.find(), "markers " + begin + " ... " + end + " not found");
        return m.group(1).stripIndent().strip();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"QuickStart, quickstart", "TrainingQuickStart, training", "ModelFilesQuickStart, files"})
    void readmeShowsExactlyTheExampleCode(String example, String marker) throws Exception {
        String source = Files.readString(Path.of("src/main/java/org/neurite/examples/" + example + ".java"));
        String readme = Files.readString(Path.of("../README.md"));
        String code = block(source, "// " + marker + ":begin", "// " + marker + ":end");
        String shown = block(readme, "<!-- " + marker + ":begin -->\n```java", "```\n<!-- " + marker + ":end -->");
        assertEquals(code, shown, "README.md's " + marker + " block differs from " + example + ".java; copy it over");
    }

    @Test
    void trainingQuickStartLearnsTheDigits() {
        String out = run(() -> TrainingQuickStart.main(new String[0]));
        Matcher m = Pattern.compile("held-out accuracy: (0\\.\\d{4})").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Double.parseDouble(m.group(1)) >= 0.96, out);
        assertTrue(out.contains("first digit's logits: ["), out);
    }

    @Test
    void modelFilesQuickStartSavesLoadsAndExports() {
        String out = run(() -> {
            try {
                ModelFilesQuickStart.main(new String[0]);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(out.startsWith("[setosa, versicolor, virginica] ["), out);
        assertTrue(out.contains("same weights after PyTorch's layout: true"), out);
    }

    private static String run(Runnable program) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quickStartRunsAndPrintsTheSummaryAndFourOutputs() {
        String out = run(() -> QuickStart.main(new String[0]));
        assertTrue(out.contains("Total parameters: 31"), out);
        assertEquals(4, out.lines().filter(l -> l.matches("\\[[01]\\.0, [01]\\.0\\] -> 0\\.\\d{4}")).count(), out);
    }
}
