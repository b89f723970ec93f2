package org.neurite.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void streamsTheRowsWithTheirLines() {
        try (CsvRows rows = CsvRows.open(new StringReader("id,x\n\na,1.5\n\"b\nc\",-2\nd,3\n"), "t.csv")) {
            assertEquals(List.of("id", "x"), rows.header());
            assertEquals(1, rows.column("x"));
            assertEquals(-1, rows.column("y"));
            assertTrue(rows.next());
            assertEquals(3, rows.line());
            assertEquals("a", rows.field(0));
            assertEquals(1.5, rows.number(1));
            assertTrue(rows.next());
            assertEquals(4, rows.line());
            assertEquals("b\nc", rows.field(0));
            assertTrue(rows.next());
            assertEquals(6, rows.line());
            assertFalse(rows.next());
        }
    }

    @Test
    void aBadCellNamesTheLineAndColumn() {
        try (CsvRows rows = CsvRows.open(new StringReader("id,x\na,1\nb,abc\n"), "t.csv")) {
            assertTrue(rows.next());
            rows.number(1);
            assertTrue(rows.next());
            DataFormatException e = assertThrows(DataFormatException.class, () -> rows.number(1));
            assertEquals("t.csv: line 3, column x: expected a finite number, got 'abc'", e.getMessage());
        }
        try (CsvRows rows = CsvRows.open(new StringReader("id,x\na\n"), "t.csv")) {
            DataFormatException e = assertThrows(DataFormatException.class, rows::next);
            assertEquals("t.csv: line 2: expected 2 fields (one per header column), got 1", e.getMessage());
        }
    }

    private static DataFormatException failure(java.nio.file.Path file) {
        return assertThrows(DataFormatException.class, () -> {
            try (CsvRows rows = CsvRows.open(file)) {
                while (rows.next()) {
                    rows.field(0);
                }
            }
        });
    }

    @Test
    void aByteOrderMarkIsSkipped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("bom.csv"),
                "\uFEFFid,x\na,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (CsvRows rows = CsvRows.open(file)) {
            assertEquals(List.of("id", "x"), rows.header());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreNamedWithTheirLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StringBuilder text = new StringBuilder("id,x\n");
        for (int i = 0; i < 5000; i++) {
            text.append("row").append(i).append(",1\n");
        }
        byte[] good = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 6);
        System.arraycopy(new byte[] {'c', 'a', 'f', (byte) 0xE9, ',', '1'}, 0, bytes, good.length, 6);
        DataFormatException e = failure(java.nio.file.Files.write(dir.resolve("latin1.csv"), bytes));
        assertEquals(5002, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("latin1.csv: line 5002: expected UTF-8 text, got bytes that are not UTF-8"),
                e.getMessage());
    }

    @Test
    void aLineLongerThanTheBoundIsAnErrorNotOutOfMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path zeros = java.nio.file.Files.write(dir.resolve("zeros.csv"),
                new byte[CsvRows.MAX_LINE_LENGTH + 10]);
        DataFormatException e = failure(zeros);
        assertEquals("zeros.csv: line 1: expected a line of at most 1048576 characters, got a longer one "
                + "(is it a CSV file?)", e.getMessage());
        String longRow = "id,x\na,1\nb," + "9".repeat(10_000_000) + "\n";
        DataFormatException row = assertThrows(DataFormatException.class, () -> {
            try (CsvRows rows = CsvRows.open(new StringReader(longRow), "t.csv")) {
                while (rows.next()) {
                    rows.field(0);
                }
            }
        });
        assertEquals(3, row.line(), row.getMessage());
    }

    @Test
    void aMissingFileOrAFolderIsNamedWithWhatIsWrong(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.io.UncheckedIOException missing = assertThrows(java.io.UncheckedIOException.class,
                () -> CsvRows.open(dir.resolve("none.csv")));
        assertEquals("none.csv: cannot read " + dir.resolve("none.csv") + ": no such file", missing.getMessage());
        java.io.UncheckedIOException folder = assertThrows(java.io.UncheckedIOException.class,
                () -> CsvRows.open(dir));
        assertTrue(folder.getMessage().endsWith(": cannot read " + dir + ": it is a folder, not a file"),
                folder.getMessage());
    }

    @Test
    void aHeaderWithTooFewColumnsIsTheHeadersFault() {
        try (CsvRows rows = CsvRows.open(new StringReader("id,x\na,1,2,3\n"), "t.csv")) {
            DataFormatException e = assertThrows(DataFormatException.class, rows::next);
            assertEquals("t.csv: line 1: expected a header naming every column, got 2 names for the 4 fields of "
                    + "line 2; add the missing names to the header", e.getMessage());
        }
    }

    @Test
    void aLongHeaderIsClippedInMessages() {
        String header = "c0" + ",c".repeat(0) + java.util.stream.IntStream.range(1, 100_000)
                .mapToObj(i -> ",c" + i).collect(java.util.stream.Collectors.joining());
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvDatasets.readClassification(new StringReader(header + "\n"), "t.csv", "label"));
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
    }
}
