package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurite predict}: a classifier's labels and probabilities, a regressor's outputs, the errors, the memory. */
class PredictCommandTest {

    @TempDir
    static Path dir;

    private static Path iris;
    private static Path regressor;
    private static Path serveModel;

    @BeforeAll
    static void models() throws Exception {
        iris = dir.resolve("iris.safetensors");
        assertEquals(0, NeuriteCliTest.run("train", "--data", "iris", "--layers", "8", "--epochs", "30",
                "--optimizer", "adam(lr=0.05)", "--out", iris.toString())[0]);
        Path targets = Files.writeString(dir.resolve("targets.csv"), "a,b,y1,y2\n1,2,3,-1\n2,1,3,1\n0,1,1,-1\n3,3,6,0\n");
        regressor = dir.resolve("reg.safetensors");
        assertEquals(0, NeuriteCliTest.run("train", "--data", targets.toString(), "--regression", "--label", "y1,y2",
                "--layers", "4", "--validation", "0", "--epochs", "2", "--out", regressor.toString())[0]);
        serveModel = dir.resolve("serve.safetensors");
        ServeModelTrainingTest.trainInto(serveModel);
    }

    @Test
    void aClassifierWritesTheIdTheLabelAndOneProbabilityPerClass() throws Exception {
        Path csv = Files.writeString(dir.resolve("flowers.csv"),
                "id,sepal_length,sepal_width,petal_length,petal_width\nf1,5.1,3.5,1.4,0.2\n\"f,2\",6.7,3.0,5.2,2.3\n");
        Object[] r = NeuriteCliTest.run("predict", "--model", iris.toString(), "--csv", csv.toString());
        assertEquals(0, r[0], (String) r[2]);
        List<String> lines = ((String) r[1]).lines().toList();
        assertEquals("id,label,p_setosa,p_versicolor,p_virginica", lines.get(0));
        assertTrue(lines.get(1).matches("f1,setosa(,0\\.\\d{6}){3}"), lines.get(1));
        assertTrue(lines.get(2).matches("\"f,2\",virginica(,0\\.\\d{6}){3}"), lines.get(2));
        String[] cells = lines.get(1).split(",");
        double sum = Double.parseDouble(cells[2]) + Double.parseDouble(cells[3]) + Double.parseDouble(cells[4]);
        assertEquals(1.0, sum, 2e-6, "the softmax of the logits");
        assertEquals(3, lines.size());
    }

    @Test
    void aSigmoidClassifierWritesBothProbabilitiesAsTheServiceScores() throws Exception {
        Path csv = Files.writeString(dir.resolve("batch.csv"), "id,x1,x2,x3\nfirst,1.0,0.5,-0.5\nzero,0,0,0\n");
        Path out = dir.resolve("scores.csv");
        Object[] r = NeuriteCliTest.run("predict", "--model", serveModel.toString(), "--csv", csv.toString(),
                "--out", out.toString(), "--batch", "1");
        assertEquals(0, r[0], (String) r[2]);
        assertEquals(List.of("id,label,p_no,p_yes", "first,yes,0.185600,0.814400", "zero,yes,0.488946,0.511054"),
                Files.readAllLines(out));
    }

    @Test
    void aRegressorWritesOneColumnPerTargetAndNeedsNoId() throws Exception {
        Path csv = Files.writeString(dir.resolve("ab.csv"), "a,b\n1,2\n4,4\n");
        List<String> lines = ((String) NeuriteCliTest.run("predict", "--model", regressor.toString(), "--csv",
                csv.toString())[1]).lines().toList();
        assertEquals("y1,y2", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).matches("-?\\d+\\.\\d+(E-?\\d+)?,-?\\d+\\.\\d+(E-?\\d+)?"), lines.get(2));
    }

    @Test
    void errorsNameTheFileLineAndColumnOrTheOption() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,a,b\nr1,1,2\nr2,1,x\n");
        Object[] cell = NeuriteCliTest.run("predict", "--model", regressor.toString(), "--csv", bad.toString());
        assertEquals(1, cell[0]);
        assertEquals("neurite predict: bad.csv: line 3, column b: expected a finite number, got 'x'",
                ((String) cell[2]).strip());

        Path wide = Files.writeString(dir.resolve("wide.csv"), "id,a,b,c\nr1,1,2,3\n");
        Object[] columns = NeuriteCliTest.run("predict", "--model", regressor.toString(), "--csv", wide.toString());
        assertEquals(2, columns[0]);
        assertTrue(((String) columns[2]).startsWith("neurite: --csv: wide.csv has 3 feature columns (a,b,c; every "
                + "column but id), the model takes 2 inputs"), (String) columns[2]);

        Object[] missing = NeuriteCliTest.run("predict", "--model", dir.resolve("none.safetensors").toString(),
                "--csv", wide.toString());
        assertEquals(2, missing[0]);
        assertTrue(((String) missing[2]).startsWith("neurite: --model: no such file: "), (String) missing[2]);

        Path broken = Files.write(dir.resolve("broken.safetensors"), new byte[] {1, 2, 3});
        Object[] format = NeuriteCliTest.run("predict", "--model", broken.toString(), "--csv", wide.toString());
        assertEquals(1, format[0]);
        assertEquals("neurite predict: " + broken + ": file-too-short: expected at least 8 bytes (the header's "
                + "length), got 3 bytes", ((String) format[2]).strip());
    }

    /** A million rows in a JVM of 256 MB: the rows stream through one batch's arrays. */
    @Test
    void aMillionRowsStreamInASmallHeap() throws Exception {
        Path csv = dir.resolve("million.csv");
        int rows = 1_000_000;
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id,x1,x2,x3\n");
            for (int i = 0; i < rows; i++) {
                w.write(String.format(Locale.ROOT, "r%d,%.2f,%.2f,%.2f%n", i, (i % 600) / 100.0 - 3,
                        (i % 37) / 6.0 - 3, (i % 101) / 17.0 - 3));
            }
        }
        Path out = dir.resolve("million-out.csv");
        ModulePathTest.java("-Xmx256m", "-cp", ModulePathTest.fullClassPath(), "org.neurite.examples.cli.NeuriteCli",
                "predict", "--model", serveModel.toString(), "--csv", csv.toString(), "--out", out.toString());
        long lines = 0;
        String last = null;
        try (BufferedReader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines++;
                last = line;
            }
        }
        assertEquals(rows + 1, lines);
        assertTrue(last.startsWith("r999999,"), last);
    }

    @Test
    void idsAreWrittenSafeForSpreadsheets(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path model = dir.resolve("iris.safetensors");
        assertEquals(0, NeuriteCliTest.run("train", "--data", "iris", "--epochs", "1", "--out", model.toString())[0]);
        Path csv = java.nio.file.Files.writeString(dir.resolve("in.csv"),
                "id,a,b,c,d\n=cmd|' /C calc'!A0,1,2,3,4\n\"\rx\",1,2,3,4\n");
        Object[] r = NeuriteCliTest.run("predict", "--model", model.toString(), "--csv", csv.toString());
        assertEquals(0, r[0], (String) r[2]);
        java.util.List<String> lines = ((String) r[1]).lines().toList();
        assertEquals(3, lines.size(), (String) r[1]);
        assertTrue(lines.get(1).startsWith("'=cmd|' /C calc'!A0,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("'\uFFFDx,"), lines.get(2));
    }
}
