package org.neurite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.data.Dataset;

class CsvDatasetsTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private String classificationError(String name, String text, String label) throws IOException {
        Path f = file(name, text);
        return assertThrows(DataFormatException.class, () -> CsvDatasets.readClassification(f, label)).getMessage();
    }

    @Test
    void readsAClassificationFile() throws IOException {
        Dataset d = CsvDatasets.readClassification(file("flowers.csv",
                "a,species,b\n1.5,setosa,2\n-3,virginica,4e1\n.5,setosa, 7 \n"), "species");
        assertEquals(3, d.size());
        assertEquals(List.of("a", "b"), d.featureNames());
        assertEquals(List.of("setosa", "virginica"), d.classNames());
        assertArrayEquals(new double[][] {{1.5, 2}, {-3, 40}, {0.5, 7}}, d.features());
        assertArrayEquals(new int[] {0, 1, 0}, d.labels());
    }

    @Test
    void numericLabelsSortNumericallyOthersLexically() {
        Dataset numeric = CsvDatasets.readClassification(new StringReader("x,y\n1,10\n2,2\n3,-1\n4,2\n5,1.5\n"),
                "n.csv", "y");
        assertEquals(List.of("-1", "1.5", "2", "10"), numeric.classNames());
        assertArrayEquals(new int[] {3, 2, 0, 2, 1}, numeric.labels());
        Dataset lexical = CsvDatasets.readClassification(new StringReader("x,y\n1,b\n2,10\n3,B\n4,2\n"), "l.csv", "y");
        assertEquals(List.of("10", "2", "B", "b"), lexical.classNames());
    }

    @Test
    void readsRegressionWithTargetsInTheOrderGiven() throws IOException {
        Dataset d = CsvDatasets.readRegression(file("r.csv", "t1,x,t2,z\n1,2,3,4\n5,6,7,8\n"), "t2", "t1");
        assertFalse(d.isClassification());
        assertEquals(List.of("x", "z"), d.featureNames());
        assertEquals(2, d.targetWidth());
        assertArrayEquals(new double[][] {{3, 1}, {7, 5}}, d.targets());
        assertArrayEquals(new double[][] {{2, 4}, {6, 8}}, d.features());
        assertEquals("targetColumns: expected at least 1 column name, got none",
                assertThrows(IllegalArgumentException.class, () -> CsvDatasets.readRegression(
                        new StringReader("a\n1\n"), "r.csv")).getMessage());
        assertEquals("targetColumns[1]: expected distinct names, got 't1' a second time",
                assertThrows(IllegalArgumentException.class, () -> CsvDatasets.readRegression(
                        new StringReader("a\n1\n"), "r.csv", "t1", "t1")).getMessage());
    }

    @Test
    void quotedFieldsEmptyLinesCrlfAndABom() throws IOException {
        Dataset d = CsvDatasets.readClassification(file("q.csv",
                "\uFEFF\"first, name\",\"la\"\"bel\"\r\n\"1\",\"a, \"\"b\"\"\"\r\n\r\n2,\"multi\nline\"\r\n"), "la\"bel");
        assertEquals(List.of("first, name"), d.featureNames());
        assertEquals(List.of("a, \"b\"", "multi\nline"), d.classNames());
        assertArrayEquals(new double[][] {{1}, {2}}, d.features());
    }

    @Test
    void badNumberNamesFileLineAndColumn() throws IOException {
        StringBuilder text = new StringBuilder("pixel_1,pixel_2,pixel_3,digit\n");
        for (int i = 2; i < 17; i++) {
            text.append("1,2,3,7\n");
        }
        text.append("1,2,abc,7\n");
        assertEquals("digits.csv: line 17, column pixel_3: expected a finite number, got 'abc'",
                classificationError("digits.csv", text.toString(), "digit"));
        for (String bad : new String[] {"", "NaN", "Infinity", "1e999", "0x10", "1d", "1.2.3", "--1", "1e"}) {
            assertEquals("n.csv: line 3, column a: expected a finite number, got '" + bad + "'",
                    classificationError("n.csv", "a,y\n1,0\n" + bad + ",1\n", "y"), bad);
        }
    }

    @Test
    void aRecordIsNamedByTheLineItStartsOn() throws IOException {
        assertEquals("m.csv: line 4, column a: expected a finite number, got 'x'",
                classificationError("m.csv", "a,y\n1,\"two\nlines\"\nx,\"more\r\nlines\"\n", "y"));
        assertEquals("m.csv: line 4, column a: expected a finite number, got 'x'",
                classificationError("m.csv", "a,y\r\n1,\"two\r\nlines\"\r\nx,1\r\n", "y"));
        assertEquals("m.csv: line 5, column a: expected a finite number, got 'x'",
                classificationError("m.csv", "a,y\n1,\"two\nlines\"\n\nx,1\n", "y"));
    }

    @Test
    void longValuesAreCutInMessages() throws IOException {
        String message = classificationError("long.csv", "a,y\n" + "9".repeat(100) + "z,1\n", "y");
        assertEquals("long.csv: line 2, column a: expected a finite number, got '" + "9".repeat(40)
                + "...' (101 characters)", message);
    }

    @Test
    void missingLabelColumnListsTheHeader() throws IOException {
        assertEquals("iris.csv: line 1: expected a label column 'species' in the header, got the columns [a, b, c]",
                classificationError("iris.csv", "a,b,c\n1,2,3\n", "species"));
        Path f = file("r.csv", "a,b\n1,2\n");
        assertEquals("r.csv: line 1: expected a target column 'y' in the header, got the columns [a, b]",
                assertThrows(DataFormatException.class, () -> CsvDatasets.readRegression(f, "b", "y")).getMessage());
    }

    @Test
    void rowsWithTooFewOrTooManyFields() throws IOException {
        assertEquals("f.csv: line 3: expected 3 fields (one per header column), got 2",
                classificationError("f.csv", "a,b,y\n1,2,0\n1,2\n", "y"));
        // More fields than names on the first row: the header is short.
        assertEquals("f.csv: line 1: expected a header naming every column, got 3 names for the 4 fields of line 2;"
                + " add the missing names to the header", classificationError("f.csv", "a,b,y\n1,2,0,9\n", "y"));
        assertEquals("f.csv: line 3: expected 3 fields (one per header column), got 4",
                classificationError("f.csv", "a,b,y\n1,2,0\n1,2,0,9\n", "y"));
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws IOException {
        assertEquals("empty.csv: line 1: expected a header row, got an empty file",
                classificationError("empty.csv", "", "y"));
        assertEquals("blank.csv: line 1: expected a header row, got an empty file",
                classificationError("blank.csv", "\n\n", "y"));
        assertEquals("header.csv: line 2: expected a data row after the header, got the end of the file",
                classificationError("header.csv", "a,b,y\n", "y"));
        assertEquals("header.csv: line 2: expected a data row after the header, got the end of the file",
                classificationError("header.csv", "a,b,y", "y"));
    }

    @Test
    void badHeaders() throws IOException {
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvDatasets.readClassification(
                new StringReader("a,b,a,y\n1,2,3,0\n"), "dup.csv", "y"));
        assertEquals("dup.csv: line 1, column a: expected distinct column names, got 'a' as columns 1 and 3",
                e.getMessage());
        assertEquals("dup.csv", e.source());
        assertEquals(1, e.line());
        assertEquals("a", e.column());
        assertEquals("gap.csv: line 1: expected a name for column 2 of the header, got ''",
                classificationError("gap.csv", "a,,y\n1,2,0\n", "y"));
        assertEquals("only.csv: line 1: expected at least 1 feature column besides [y], got the columns [y]",
                classificationError("only.csv", "y\n0\n", "y"));
    }

    @Test
    void emptyLabelMalformedCsvAndBadUtf8() throws IOException {
        assertEquals("l.csv: line 2, column y: expected a class label, got an empty field",
                classificationError("l.csv", "a,y\n1,\n", "y"));
        String malformed = classificationError("bad.csv", "a,y\n1,0\n\"2\"x,1\n", "y");
        assertTrue(malformed.startsWith("bad.csv: line 3: expected well-formed CSV, got: Invalid character"), malformed);
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "a,y\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        String encoding = assertThrows(DataFormatException.class,
                () -> CsvDatasets.readClassification(latin1, "y")).getMessage();
        assertTrue(encoding.startsWith("latin1.csv: line "), encoding);
        assertTrue(encoding.contains("expected UTF-8 text"), encoding);
    }

    @Test
    void aMissingFileIsAnIoError() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> CsvDatasets.readClassification(dir.resolve("none.csv"), "y"));
        assertTrue(e.getMessage().startsWith("none.csv: cannot read"), e.getMessage());
    }

    @Test
    void theCallersReaderStaysOpen() throws IOException {
        StringReader reader = new StringReader("a,y\n1,0\n");
        CsvDatasets.readClassification(reader, "open.csv", "y");
        assertEquals(-1, reader.read());
    }
}
