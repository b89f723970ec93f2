package org.neurite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void xorIsTheFourPoints() {
        Dataset d = Datasets.xor();
        assertArrayEquals(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, d.features());
        assertArrayEquals(new int[] {0, 1, 1, 0}, d.labels());
        assertEquals(2, d.classCount());
    }

    @Test
    void noiseFreeMoonsAndCirclesEqualScikitLearns() throws IOException {
        int cases = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                DatasetsTest.class.getResourceAsStream("generated.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] head = line.split("\t");
                int n = Integer.parseInt(head[1]);
                Dataset d = head[0].equals("moons") ? Datasets.twoMoons(n, 0, 1)
                        : Datasets.circles(n, 0, Double.parseDouble(head[2]), 1);
                assertEquals(n, d.size());
                for (int i = 0; i < n; i++) {
                    String[] f = in.readLine().split("\t");
                    String where = head[0] + " n=" + n + " row " + i;
                    assertEquals(Integer.parseInt(f[0]), d.label(i), where);
                    assertEquals(Double.parseDouble(f[1]), d.features(i)[0], 1e-15, where);
                    assertEquals(Double.parseDouble(f[2]), d.features(i)[1], 1e-15, where);
                }
                cases++;
            }
        }
        assertEquals(4, cases);
    }

    @Test
    void moonsShapesBalanceAndCurves() {
        Dataset d = Datasets.twoMoons(101, 0, 5);
        assertEquals(101, d.size());
        assertEquals(2, d.featureCount());
        assertArrayEquals(new int[] {50, 51}, counts(d));
        for (int i = 0; i < d.size(); i++) {
            double[] p = d.features(i);
            double cx = d.label(i) == 0 ? 0 : 1;
            double cy = d.label(i) == 0 ? 0 : 0.5;
            assertEquals(1, Math.hypot(p[0] - cx, p[1] - cy), 1e-12);
            if (d.label(i) == 0) {
                assertTrue(p[1] >= -1e-12, "outer moon above y = 0");
            } else {
                assertTrue(p[1] <= 0.5 + 1e-12, "inner moon below y = 0.5");
            }
        }
    }

    @Test
    void circlesShapesBalanceAndRadii() {
        Dataset d = Datasets.circles(200, 0, 0.4, 5);
        assertArrayEquals(new int[] {100, 100}, counts(d));
        for (int i = 0; i < d.size(); i++) {
            double[] p = d.features(i);
            assertEquals(d.label(i) == 0 ? 1 : 0.4, Math.hypot(p[0], p[1]), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> Datasets.circles(10, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Datasets.circles(10, 0, -0.1, 1));
    }

    @Test
    void spiralsShapesBalanceAndRadii() {
        Dataset d = Datasets.spirals(50, 3, 0, 5);
        assertEquals(150, d.size());
        assertArrayEquals(new int[] {50, 50, 50}, counts(d));
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 50; i++) {
                double[] p = d.features(k * 50 + i);
                double r = i / 49.0;
                double t = 4 * k + 4.0 * i / 49;
                assertEquals(r * Math.sin(t), p[0], 1e-12);
                assertEquals(r * Math.cos(t), p[1], 1e-12);
            }
        }
        // with noise the angle moves, the radius does not
        Dataset noisy = Datasets.spirals(50, 3, 0.2, 5);
        for (int i = 0; i < 150; i++) {
            double[] p = noisy.features(i);
            assertEquals((i % 50) / 49.0, Math.hypot(p[0], p[1]), 1e-12);
        }
    }

    @Test
    void aSeedReproducesTheNoise() {
        assertArrayEquals(Datasets.twoMoons(50, 0.1, 3).features(), Datasets.twoMoons(50, 0.1, 3).features());
        assertArrayEquals(Datasets.circles(50, 0.1, 0.5, 3).features(), Datasets.circles(50, 0.1, 0.5, 3).features());
        assertArrayEquals(Datasets.spirals(20, 2, 0.2, 3).features(), Datasets.spirals(20, 2, 0.2, 3).features());
        assertFalse(Arrays.deepEquals(Datasets.twoMoons(50, 0.1, 3).features(), Datasets.twoMoons(50, 0.1, 4).features()));
        // the noise is Gaussian of the given standard deviation around the curve
        Dataset clean = Datasets.twoMoons(2000, 0, 9);
        Dataset noisy = Datasets.twoMoons(2000, 0.1, 9);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < 2000; i++) {
            for (int j = 0; j < 2; j++) {
                double e = noisy.features(i)[j] - clean.features(i)[j];
                sum += e;
                sq += e * e;
            }
        }
        assertEquals(0, sum / 4000, 0.01);
        assertEquals(0.1, Math.sqrt(sq / 4000), 0.005);
    }

    @Test
    void argumentsAreChecked() {
        assertEquals("n: expected at least 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> Datasets.twoMoons(1, 0, 1)).getMessage());
        assertEquals("noise: expected a finite number >= 0, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> Datasets.twoMoons(10, -0.1, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.spirals(10, 2, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Datasets.spirals(0, 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Datasets.spirals(10, 0, 0, 1));
    }

    private static int[] counts(Dataset d) {
        int[] c = new int[d.classCount()];
        for (int label : d.labels()) {
            c[label]++;
        }
        return c;
    }
}
