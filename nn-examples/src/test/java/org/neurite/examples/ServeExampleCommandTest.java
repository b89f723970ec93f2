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
        assertEquals("neurite serve-example: " + csv + " line 2: expected 4 columns (id,x1,x2,x3), got 3",
                ((String) r[2]).strip());
        Path two = Files.writeString(dir.resolve("two.csv"), "id,x1,x2\nfirst,1.0,0.5\n");
        Object[] wrongWidth = NeuriteCliTest.run("serve-example", "--csv", two.toString());
        assertEquals(1, wrongWidth[0]);
        assertEquals("neurite serve-example: row 1: expected 3 features (the model's input size), got 2",
                ((String) wrongWidth[2]).strip());
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
}
