package org.neurite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurite.core.data.Dataset;

/** Checks the bundled sets against bundled_expected.properties, which make_bundled_csv.py wrote with sklearn. */
class BundledDatasetsTest {

    private static Properties expected;

    @BeforeAll
    static void loadExpected() throws IOException {
        expected = new Properties();
        try (InputStream in = Objects.requireNonNull(
                BundledDatasetsTest.class.getResourceAsStream("bundled_expected.properties"))) {
            expected.load(in);
        }
    }

    private static List<String> list(String key) {
        return List.of(expected.getProperty(key).split(","));
    }

    private static int[] counts(Dataset d) {
        int[] c = new int[d.classCount()];
        for (int label : d.labels()) {
            c[label]++;
        }
        return c;
    }

    /** A row as the script wrote it: the features as shortest numbers, then the class name. */
    private static List<String> row(Dataset d, int i) {
        List<String> out = new ArrayList<>();
        for (double v : d.features(i)) {
            out.add(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
        }
        out.add(d.classNames().get(d.label(i)));
        return out;
    }

    @Test
    void iris() {
        Dataset d = BundledDatasets.iris();
        assertEquals(150, d.size());
        assertEquals(Integer.parseInt(expected.getProperty("iris.rows")), d.size());
        assertEquals(4, d.featureCount());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), d.featureNames());
        assertEquals(list("iris.features"), d.featureNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, counts(d));
        assertEquals(list("iris.counts"), Arrays.stream(counts(d)).mapToObj(Integer::toString).toList());
        assertEquals(list("iris.first"), row(d, 0));
        assertEquals(list("iris.last"), row(d, 149));
        assertSame(d, BundledDatasets.iris());
    }

    @Test
    void digits() {
        Dataset d = BundledDatasets.digits();
        assertEquals(1797, d.size());
        assertEquals(Integer.parseInt(expected.getProperty("digits.rows")), d.size());
        assertEquals(64, d.featureCount());
        assertEquals("pixel_0", d.featureNames().get(0));
        assertEquals("pixel_63", d.featureNames().get(63));
        assertEquals(list("digits.classes"), d.classNames());
        assertEquals(list("digits.counts"), Arrays.stream(counts(d)).mapToObj(Integer::toString).toList());
        assertEquals(list("digits.first"), row(d, 0));
        assertEquals(list("digits.last"), row(d, 1796));
        for (double[] x : d.features()) {
            for (double v : x) {
                assertEquals(Math.rint(v), v);
                assertEquals(true, v >= 0 && v <= 16, "pixel value " + v);
            }
        }
    }

    @Test
    void resourcesMatchTheChecksumsTheScriptRecorded() throws IOException, NoSuchAlgorithmException {
        for (String name : List.of("iris", "digits")) {
            try (InputStream in = Objects.requireNonNull(
                    BundledDatasets.class.getResourceAsStream("data/" + name + ".csv"))) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
                assertEquals(expected.getProperty(name + ".sha256"), HexFormat.of().formatHex(digest), name);
            }
        }
    }

    @Test
    void byName() {
        assertSame(BundledDatasets.iris(), BundledDatasets.byName("iris"));
        assertSame(BundledDatasets.digits(), BundledDatasets.byName("Digits"));
        assertEquals(List.of("digits", "iris"), BundledDatasets.names());
        assertEquals("name: expected a bundled data set, one of digits, iris, got 'mnist'",
                assertThrows(IllegalArgumentException.class, () -> BundledDatasets.byName("mnist")).getMessage());
    }
}
