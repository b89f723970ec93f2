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
}
