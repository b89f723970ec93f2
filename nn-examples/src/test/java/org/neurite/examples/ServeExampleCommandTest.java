package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurite serve-example}, as the README runs it. */
class ServeExampleCommandTest {

    /** What serve-example prints after its first line for the bundled sample. */
    static final String SAMPLE_OUTPUT = String.join("\n",
            "id,score", "a-001,0.511054", "a-002,0.814400", "a-003,0.999558", "a-004,0.000291", "a-005,0.996757",
            "a-006,0.999760");

    @Test
    void scoresTheBundledSampleWithGuiceOnTheConfiguredBackend() {
        Object[] r = NeuriteCliTest.run("serve-example");
        assertEquals(0, r[0], (String) r[2]);
        String out = ((String) r[1]).strip();
        // Surefire runs this module's tests on the module path, the fat jar on the class path: either is right.
        assertTrue(out.matches("(?s)# model 3 -> 8 scaled_tanh\\(a=1\\.7159, b=0\\.6666666666666666\\) -> 1 sigmoid; "
                + "backend ejml \\((module org\\.neurite\\.backend\\.ejml|class path)\\); wired by Guice\n.*"), out);
        assertTrue(out.endsWith(SAMPLE_OUTPUT), out);
    }

    @Test
    void theGuiceAndPlainWiringsPrintTheSameScores() {
        String guice = (String) NeuriteCliTest.run("serve-example")[1];
        String plain = (String) NeuriteCliTest.run("serve-example", "--plain")[1];
        assertEquals(guice.substring(guice.indexOf("id,score")), plain.substring(plain.indexOf("id,score")));
    }

    @Test
    void scoresACsvFile(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("batch.csv"), "id,x1,x2,x3\nfirst,1.0,0.5,-0.5\nzero,0,0,0\n");
        Object[] r = NeuriteCliTest.run("serve-example", "--csv", csv.toString());
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).endsWith("id,score\nfirst,0.814400\nzero,0.511054\n".replace("\n", System.lineSeparator())),
                (String) r[1]);
    }

    @Test
    void theBackendComesFromTheConfigurationFileUnlessTheFlagOverridesIt(@TempDir Path dir) throws Exception {
        Path config = Files.write(dir.resolve("app.properties"), List.of("neurite.backend=from_the_file"));
        Object[] fromFile = NeuriteCliTest.run("serve-example", "--config", config.toString());
        assertEquals(2, fromFile[0]);
        assertTrue(((String) fromFile[2]).startsWith("neurite: backend: unknown name 'from_the_file'. "
                + "Found: ejml"), (String) fromFile[2]);
        Object[] overridden = NeuriteCliTest.run("serve-example", "--config", config.toString(), "--backend", "ejml");
        assertEquals(0, overridden[0], (String) overridden[2]);
    }

    @Test
    void aMalformedCsvFailsWithItsLineNumber(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "id,x1,x2,x3\nfirst,1.0,0.5\n");
        Object[] r = NeuriteCliTest.run("serve-example", "--csv", csv.toString());
        assertEquals(1, r[0]);
        assertEquals("neurite serve-example: bad.csv: line 2: expected 4 fields (one per header column), got 3",
                ((String) r[2]).strip());
        Path two = Files.writeString(dir.resolve("two.csv"), "id,x1,x2\nfirst,1.0,0.5\n");
        Object[] wrongWidth = NeuriteCliTest.run("serve-example", "--csv", two.toString());
        assertEquals(1, wrongWidth[0]);
        assertEquals("neurite serve-example: two.csv: line 1: expected a header 'id' and 3 features (the model's "
                + "inputs), got 2 features", ((String) wrongWidth[2]).strip());
    }

    @Test
    void modelScoresWithAnotherModelFileThroughEitherWiring(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("train.csv"), "a,b,c,label\n1,2,3,no\n3,2,1,yes\n0,1,0,no\n2,0,2,yes\n");
        Path model = dir.resolve("other.safetensors");
        assertEquals(0, NeuriteCliTest.run("train", "--data", data.toString(), "--label", "label", "--loss", "bce",
                "--layers", "2", "--validation", "0", "--epochs", "2", "--out", model.toString())[0]);
        for (String wiring : new String[] {"--backend=ejml", "--plain"}) {
            Object[] r = NeuriteCliTest.run("serve-example", "--model", model.toString(), wiring);
            assertEquals(0, r[0], (String) r[2]);
            assertTrue(((String) r[1]).startsWith("# model 3 -> 2 relu -> 1 sigmoid;"), (String) r[1]);
            assertEquals(8, ((String) r[1]).lines().count(), (String) r[1]);
        }
        Path four = Files.writeString(dir.resolve("four.csv"), "a,b,c,d,label\n1,2,3,4,no\n3,2,1,0,yes\n");
        Path wide = dir.resolve("wide.safetensors");
        assertEquals(0, NeuriteCliTest.run("train", "--data", four.toString(), "--label", "label", "--loss", "bce",
                "--layers", "2", "--validation", "0", "--epochs", "1", "--out", wide.toString())[0]);
        Object[] r = NeuriteCliTest.run("serve-example", "--model", wide.toString());
        assertEquals(1, r[0]);
        assertEquals("neurite serve-example: " + wide + ": expected a model of 3 inputs (x1,x2,x3), got 4",
                ((String) r[2]).strip());
        assertEquals(2, NeuriteCliTest.run("serve-example", "--model", dir.resolve("none").toString())[0]);
    }

    @Test
    void csvInputIsReadThroughCsvRows(@TempDir Path dir) throws Exception {
        Path bom = Files.write(dir.resolve("bom.csv"), "\uFEFFid,x1,x2,x3\nfirst,1.0,0.5,-0.5\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Object[] ok = NeuriteCliTest.run("serve-example", "--csv", bom.toString());
        assertEquals(0, ok[0], (String) ok[2]);
        assertTrue(((String) ok[1]).contains("first,0.814400"), (String) ok[1]);

        Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'i', 'd', ',', 'x', '1', ',', 'x', '2', ',',
            'x', '3', '\n', 'a', ',', '1', ',', '2', ',', '3', '\n', 'c', 'a', 'f', (byte) 0xE9, ',', '1', ',', '2', ',',
            '3', '\n'});
        Object[] r = NeuriteCliTest.run("serve-example", "--csv", latin1.toString());
        assertEquals(1, r[0]);
        assertTrue(((String) r[2]).startsWith("neurite serve-example: latin1.csv: line 3: expected UTF-8 text"),
                (String) r[2]);

        Path shortHeader = Files.writeString(dir.resolve("short.csv"), "id,x1\na,1,2,3\n");
        Object[] s = NeuriteCliTest.run("serve-example", "--csv", shortHeader.toString());
        assertEquals(1, s[0]);
        assertTrue(((String) s[2]).contains("short.csv: line 1: expected a header 'id' and 3 features"), (String) s[2]);

        Path huge = Files.writeString(dir.resolve("huge.csv"), "id," + "x".repeat(10_000_000) + "\n");
        Object[] h = NeuriteCliTest.run("serve-example", "--csv", huge.toString());
        assertEquals(1, h[0]);
        assertTrue(((String) h[2]).length() < 500, ((String) h[2]).length() + " characters");
        assertTrue(((String) h[2]).contains("line 1: expected a line of at most"), (String) h[2]);
    }

    @Test
    void idsAreWrittenSafeForSpreadsheets(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("ids.csv"), "id,x1,x2,x3\n=1+1,0,0,0\n+a,0,0,0\n-a,0,0,0\n"
                + "@a,0,0,0\n\"\tt\",0,0,0\n\"a\u001b[31mb\",0,0,0\n\"x,y\",0,0,0\nplain,0,0,0\n");
        Object[] r = NeuriteCliTest.run("serve-example", "--csv", csv.toString());
        assertEquals(0, r[0], (String) r[2]);
        String out = (String) r[1];
        // Ids are stripped of blanks around them (a leading tab too), then neutralised.
        List<String> ids = out.lines().skip(2).map(l -> l.substring(0, l.lastIndexOf(','))).toList();
        assertEquals(List.of("'=1+1", "'+a", "'-a", "'@a", "t", "a\uFFFD[31mb", "\"x,y\"", "plain"), ids);
    }

    /** A million rows, streamed, in a child JVM of 256 MB. */
    @Test
    void aMillionRowsStreamInASmallHeap(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("million.csv");
        try (java.io.BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("id,x1,x2,x3\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write("row-" + i + ",0.5,-1.25,2\n");
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", ModulePathTest.fullClassPath(), "org.neurite.examples.cli.NeuriteCli", "serve-example", "--csv",
                csv.toString()).redirectOutput(dir.resolve("out.csv").toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertTrue(p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        try (java.util.stream.Stream<String> lines = Files.lines(dir.resolve("out.csv"))) {
            assertEquals(1_000_002, lines.count());
        }
    }
}
