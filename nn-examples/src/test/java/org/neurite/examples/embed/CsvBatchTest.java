package org.neurite.examples.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvBatchTest {

    private static CsvBatch read(String text) throws Exception {
        return CsvBatch.read(new StringReader(text), "t.csv");
    }

    @Test
    void readsTheHeaderIdsAndRowsSkippingCommentsAndBlankLines() throws Exception {
        CsvBatch batch = read("# comment\n\nid, a ,b\nx,1,2.5\n  y , -3 ,1e-3 \n");
        assertEquals(List.of("a", "b"), batch.featureNames());
        assertEquals(List.of("x", "y"), batch.ids());
        assertArrayEquals(new double[][] {{1, 2.5}, {-3, 0.001}}, batch.rows());
    }

    @Test
    void theSampleHasSixRowsOfThreeFeatures() {
        CsvBatch sample = CsvBatch.sample();
        assertEquals(6, sample.size());
        assertEquals(List.of("x1", "x2", "x3"), sample.featureNames());
    }

    @Test
    void errorsNameTheLineAndColumn() {
        assertEquals("t.csv: line 3: expected 3 fields (one per header column), got 2",
                assertThrows(org.neurite.io.DataFormatException.class, () -> read("id,a,b\nx,1,2\ny,1\n")).getMessage());
        assertEquals("t.csv: line 2, column b: expected a finite number, got 'two'",
                assertThrows(org.neurite.io.DataFormatException.class, () -> read("id,a,b\nx,1,two\n")).getMessage());
        assertEquals("t.csv: line 2, column a: expected a finite number, got 'NaN'",
                assertThrows(org.neurite.io.DataFormatException.class, () -> read("id,a,b\nx,NaN,1\n")).getMessage());
        assertEquals("t.csv: line 1: expected a header 'id,<feature>,...', got 'a,b'",
                assertThrows(org.neurite.io.DataFormatException.class, () -> read("a,b\n")).getMessage());
        assertEquals("t.csv: line 1: expected a header row, got an empty file",
                assertThrows(org.neurite.io.DataFormatException.class, () -> read("# nothing\n")).getMessage());
    }
}
