package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.core.Mlp;

/**
 * {@link HiddenSpace} against numpy ({@code make_hidden_space.py} beside {@code hidden_space.tsv}): the
 * hidden activations, the logits, the projection and the boundary's position.
 */
class HiddenSpaceTest {

    private static final double[][] XOR = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private static Map<String, double[]> reference() throws IOException {
        Map<String, double[]> rows = new HashMap<>();
        try (InputStream in = HiddenSpaceTest.class.getResourceAsStream("hidden_space.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t");
                    rows.put(f[0], Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray());
                }
            }
        }
        return rows;
    }

    private static double[][] matrix(double[] rowMajor, int rows) {
        int cols = rowMajor.length / rows;
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = Arrays.copyOfRange(rowMajor, r * cols, (r + 1) * cols);
        }
        return m;
    }

    @Test
    void projectsTheThreeUnitHiddenSpaceAsNumpyDoes() throws IOException {
        Map<String, double[]> ref = reference();
        Mlp mlp = Mlp.builder().input(2).dense("relu", matrix(ref.get("W1"), 3), ref.get("B1"))
                .dense("sigmoid", matrix(ref.get("W2"), 1), ref.get("B2")).build();
        HiddenSpace hs = HiddenSpace.of(mlp, XOR);
        assertTrue(hs.projected());
        double[][] hidden = matrix(ref.get("hidden"), 4);
        // v's sign is arbitrary: align it with numpy's first.
        double sign = Math.signum(dot(hs.vertical(), ref.get("v")));
        assertEquals(1.0, Math.abs(dot(hs.vertical(), ref.get("v"))), 1e-9, "the same direction as numpy's");
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(hidden[i], hs.hidden()[i], 1e-12, "hidden row " + i);
            assertEquals(ref.get("logit")[i], hs.logit(i), 1e-12, "logit " + i);
            assertEquals(ref.get("horizontal")[i], hs.points()[i][0], 1e-12, "horizontal " + i);
            assertEquals(ref.get("vertical")[i], sign * hs.points()[i][1], 1e-9, "vertical " + i);
            // The point is right of the boundary exactly when the output is above 0.5.
            assertEquals(hs.logit(i) > 0, hs.points()[i][0] > hs.boundaryPosition(), "side of point " + i);
        }
        assertEquals(ref.get("boundary")[0], hs.boundaryPosition(), 1e-12);
        double[][] line = hs.boundary(-1, 2, 5);
        for (int k = 0; k < 5; k++) {
            assertEquals(hs.boundaryPosition(), line[0][k], 1e-15, "the boundary is vertical");
        }
        assertEquals(-1, line[1][0]);
        assertEquals(2, line[1][4]);
    }

    @Test
    void twoHiddenUnitsAreDrawnAsTheyAreWithTheirBoundaryLine() {
        // The tutorial's hand-made XOR network, its output layer made a sigmoid: w = [1, -2], b = 0.
        Mlp mlp = Mlp.builder().input(2).dense("relu", new double[][] {{1, 1}, {1, 1}}, new double[] {0, -1})
                .dense("sigmoid", new double[][] {{1, -2}}, new double[] {0}).build();
        HiddenSpace hs = HiddenSpace.of(mlp, XOR);
        assertFalse(hs.projected());
        assertArrayEquals(new double[] {1, 0}, hs.points()[1], 0);
        assertArrayEquals(new double[] {2, 1}, hs.points()[3], 0);
        double[][] line = hs.boundary(0, 2, 3);
        // h1 - 2 h2 = 0: h2 = h1 / 2.
        assertArrayEquals(new double[] {0, 1, 2}, line[0], 0);
        assertArrayEquals(new double[] {0, 0.5, 1}, line[1], 1e-15);
    }

    @Test
    void aNetworkWithoutAHiddenLayerIsRejectedByName() {
        Mlp linear = Mlp.builder().input(2).dense("sigmoid", new double[][] {{1, 1}}, new double[] {0}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HiddenSpace.of(linear, XOR));
        assertTrue(e.getMessage().startsWith("mlp: expected a hidden layer and one output, got [2, 1]"),
                e.getMessage());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
