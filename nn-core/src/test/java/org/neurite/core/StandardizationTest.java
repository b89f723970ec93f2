package org.neurite.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class StandardizationTest {

    /** One case of data/standardization.tsv, made by data/make_references.py with sklearn's StandardScaler. */
    private record Case(String name, double[][] rows, double[] mean, double[] scale) {
    }

    private static List<Case> references() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                StandardizationTest.class.getResourceAsStream("data/standardization.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] head = line.split("\t");
                assertEquals("case", head[0]);
                int n = Integer.parseInt(head[2]);
                double[][] rows = new double[n][];
                for (int i = 0; i < n; i++) {
                    rows[i] = parse(in.readLine());
                }
                double[] mean = parse(in.readLine().substring("mean\t".length()));
                double[] scale = parse(in.readLine().substring("scale\t".length()));
                cases.add(new Case(head[1], rows, mean, scale));
            }
        }
        return cases;
    }

    private static double[] parse(String line) {
        return Arrays.stream(line.split("\t")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void fitMatchesScikitLearnsStandardScaler() throws IOException {
        List<Case> cases = references();
        assertEquals(5, cases.size());
        for (Case c : cases) {
            Standardization s = Standardization.fit(c.rows());
            assertEquals(c.mean().length, s.size(), c.name());
            for (int j = 0; j < s.size(); j++) {
                double tol = 1e-12 * Math.max(1, Math.abs(c.mean()[j]));
                assertEquals(c.mean()[j], s.mean()[j], tol, c.name() + " mean " + j);
                assertEquals(c.scale()[j], s.scale()[j], 1e-9 * c.scale()[j], c.name() + " scale " + j);
            }
        }
    }

    @Test
    void constantFeaturesGetScaleOneAndMapToZero() throws IOException {
        Case c = references().stream().filter(x -> x.name().equals("constant_column")).findFirst().orElseThrow();
        Standardization s = Standardization.fit(c.rows());
        assertEquals(1.0, s.scale()[0]);
        assertEquals(1.0, s.scale()[2]);
        double[][] z = s.apply(c.rows());
        for (double[] row : z) {
            assertEquals(0.0, row[0]);
            assertEquals(0.0, row[2], 1e-15);
        }
    }

    @Test
    void applyGivesZeroMeanAndUnitPopulationStd() {
        double[][] rows = {{1, 10}, {2, 20}, {3, 60}, {6, 0}};
        double[][] z = Standardization.fit(rows).apply(rows);
        for (int j = 0; j < 2; j++) {
            double m = 0;
            double v = 0;
            for (double[] row : z) {
                m += row[j] / z.length;
            }
            for (double[] row : z) {
                v += (row[j] - m) * (row[j] - m) / z.length;
            }
            assertEquals(0, m, 1e-15);
            assertEquals(1, v, 1e-14);
        }
    }

    @Test
    void applyInPlaceAndIntoAnotherArray() {
        Standardization s = Standardization.of(new double[] {1, 2}, new double[] {2, 4});
        double[] in = {3, 10};
        double[] out = new double[3];
        s.apply(in, out);
        assertArrayEquals(new double[] {1, 2, 0}, out);
        s.apply(in, in);
        assertArrayEquals(new double[] {1, 2}, in);
        assertThrows(IllegalArgumentException.class, () -> s.apply(new double[3], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> s.apply(new double[2], new double[1]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.apply(new double[][] {{1, 2}, {1}}));
        assertTrue(e.getMessage().startsWith("rows[1]: expected 2 values"), e.getMessage());
    }

    @Test
    void ofValidatesAndCopies() {
        double[] mean = {0, 1};
        double[] scale = {1, 2};
        Standardization s = Standardization.of(mean, scale);
        mean[0] = 99;
        s.mean()[1] = 99;
        assertArrayEquals(new double[] {0, 1}, s.mean());
        assertArrayEquals(new double[] {1, 2}, s.scale());
        assertEquals("scale[1]: expected a finite number > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> Standardization.of(new double[] {0, 0}, new double[] {1, 0})).getMessage());
        assertEquals("mean[0]: expected a finite number, got NaN", assertThrows(IllegalArgumentException.class,
                () -> Standardization.of(new double[] {Double.NaN}, new double[] {1})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Standardization.of(new double[] {1}, new double[] {-1}));
        assertThrows(IllegalArgumentException.class,
                () -> Standardization.of(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> Standardization.of(new double[2], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Standardization.of(new double[0], new double[0]));
    }

    @Test
    void fitValidatesRows() {
        assertEquals("rows: expected at least 1 row, got 0",
                assertThrows(IllegalArgumentException.class, () -> Standardization.fit(new double[0][])).getMessage());
        assertEquals("rows[1]: expected 2 values (as row 0), got 1", assertThrows(IllegalArgumentException.class,
                () -> Standardization.fit(new double[][] {{1, 2}, {3}})).getMessage());
        assertEquals("row 1, column 0: expected a finite number, got Infinity",
                assertThrows(IllegalArgumentException.class, () -> Standardization.fit(
                        new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 3}})).getMessage());
    }

    @Test
    void valueSemantics() {
        Standardization a = Standardization.of(new double[] {1, 2}, new double[] {3, 4});
        Standardization b = Standardization.fit(new double[][] {{-2, -2}, {4, 6}});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Standardization.of(new double[] {1, 2}, new double[] {3, 5}));
        assertEquals("Standardization[mean=[1.0, 2.0], scale=[3.0, 4.0]]", a.toString());
        assertSame(a, a);
    }
}
