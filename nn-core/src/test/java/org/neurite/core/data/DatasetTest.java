package org.neurite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurite.core.Standardization;

class DatasetTest {

    private static String message(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    /** 10 rows of class 0, 6 of class 1, 4 of class 2; feature 0 is the row index. */
    private static Dataset threeClasses() {
        int[] counts = {10, 6, 4};
        int n = 20;
        double[][] x = new double[n][];
        int[] y = new int[n];
        int row = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++, row++) {
                x[row] = new double[] {row, c * 10 + i};
                y[row] = c;
            }
        }
        return Dataset.classification(x, y, List.of("a", "b", "c"));
    }

    @Test
    void classificationBasics() {
        Dataset d = Dataset.classification(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new int[] {0, 2, 1});
        assertEquals(3, d.size());
        assertEquals(2, d.featureCount());
        assertTrue(d.isClassification());
        assertEquals(3, d.classCount());
        assertEquals(List.of("0", "1", "2"), d.classNames());
        assertEquals(List.of("x1", "x2"), d.featureNames());
        assertEquals(1, d.targetWidth());
        assertEquals(2, d.label(1));
        assertArrayEquals(new double[] {3, 4}, d.features(1));
        assertArrayEquals(new double[] {2}, d.target(1));
        assertArrayEquals(new int[] {0, 2, 1}, d.labels());
        assertArrayEquals(new double[][] {{0}, {2}, {1}}, d.targets());
        assertTrue(d.standardization().isEmpty());
        assertEquals("Dataset[3 rows, 2 features, classification, 3 classes]", d.toString());
    }

    @Test
    void copiesInAndOut() {
        double[][] x = {{1, 2}, {3, 4}};
        int[] y = {0, 1};
        Dataset d = Dataset.classification(x, y);
        x[0][0] = 99;
        y[0] = 1;
        d.features()[0][0] = 98;
        d.features(0)[0] = 97;
        d.labels()[0] = 1;
        assertArrayEquals(new double[] {1, 2}, d.features(0));
        assertEquals(0, d.label(0));
    }

    @Test
    void floatFeaturesWidenExactly() {
        Dataset d = Dataset.classification(new float[][] {{0.1f, 2}}, new int[] {1});
        assertEquals((double) 0.1f, d.features(0)[0]);
        assertEquals(2, d.classCount());
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.classification(new float[][] {{Float.NaN}}, new int[] {0}));
    }

    @Test
    void copyFeaturesAndTargetFillABatch() {
        Dataset d = Dataset.regression(new double[][] {{1, 2}, {3, 4}}, new double[][] {{10, 11, 12}, {20, 21, 22}});
        double[] batch = new double[5];
        d.copyFeatures(1, batch, 1);
        assertArrayEquals(new double[] {0, 3, 4, 0, 0}, batch);
        d.copyTarget(0, batch, 2);
        assertArrayEquals(new double[] {0, 3, 10, 11, 12}, batch);
        assertThrows(IndexOutOfBoundsException.class, () -> d.copyFeatures(2, batch, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> d.copyFeatures(-1, batch, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> d.copyFeatures(0, batch, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> d.copyTarget(0, batch, 3));
        Dataset c = Dataset.classification(new double[][] {{1}}, new int[] {3});
        c.copyTarget(0, batch, 4);
        assertEquals(3.0, batch[4]);
    }

    @Test
    void regressionBasics() {
        Dataset d = Dataset.regression(new double[][] {{1}, {2}, {3}}, new double[] {1.5, 2.5, 3.5});
        assertFalse(d.isClassification());
        assertEquals(0, d.classCount());
        assertEquals(List.of(), d.classNames());
        assertEquals(1, d.targetWidth());
        assertArrayEquals(new double[][] {{1.5}, {2.5}, {3.5}}, d.targets());
        assertThrows(IllegalStateException.class, d::labels);
        assertThrows(IllegalStateException.class, () -> d.label(0));
        assertEquals("Dataset[3 rows, 1 features, regression, 1 target]", d.toString());
    }

    @Test
    void validatesFeaturesTargetsAndLabels() {
        assertEquals("features: expected at least 1 row, got 0",
                message(() -> Dataset.classification(new double[0][], new int[0])));
        assertEquals("features[0]: expected at least 1 column, got 0",
                message(() -> Dataset.classification(new double[][] {{}}, new int[] {0})));
        assertEquals("features[1]: expected 2 columns (as row 0), got 3",
                message(() -> Dataset.classification(new double[][] {{1, 2}, {1, 2, 3}}, new int[] {0, 0})));
        assertEquals("features: row 1, column 0: expected a finite number, got NaN",
                message(() -> Dataset.classification(new double[][] {{1, 2}, {Double.NaN, 2}}, new int[] {0, 0})));
        assertEquals("features: row 0, column 1: expected a finite number, got -Infinity", message(
                () -> Dataset.regression(new double[][] {{1, Double.NEGATIVE_INFINITY}}, new double[] {0})));
        assertEquals("labels: expected 2 (one per row of features), got 1",
                message(() -> Dataset.classification(new double[][] {{1}, {2}}, new int[] {0})));
        assertEquals("labels[1]: expected a class index >= 0, got -1",
                message(() -> Dataset.classification(new double[][] {{1}, {2}}, new int[] {0, -1})));
        assertEquals("labels[1]: expected a class index < 2 (the number of class names), got 2", message(
                () -> Dataset.classification(new double[][] {{1}, {2}}, new int[] {0, 2}, List.of("a", "b"))));
        assertEquals("classNames[1]: expected distinct names, got 'a' a second time", message(
                () -> Dataset.classification(new double[][] {{1}}, new int[] {0}, List.of("a", "a"))));
        assertEquals("classNames: expected at least 1 name, got none",
                message(() -> Dataset.classification(new double[][] {{1}}, new int[] {0}, List.of())));
        assertEquals("targets: expected 2 rows (one per row of features), got 1",
                message(() -> Dataset.regression(new double[][] {{1}, {2}}, new double[] {0})));
        assertEquals("targets: row 1, column 0: expected a finite number, got NaN",
                message(() -> Dataset.regression(new double[][] {{1}, {2}}, new double[] {0, Double.NaN})));
        assertEquals("targets[1]: expected 2 columns (as row 0), got 1",
                message(() -> Dataset.regression(new double[][] {{1}, {2}}, new double[][] {{0, 1}, {2}})));
    }

    @Test
    void featureNames() {
        Dataset d = Dataset.classification(new double[][] {{1, 2}}, new int[] {0}).withFeatureNames(List.of("a", "b"));
        assertEquals(List.of("a", "b"), d.featureNames());
        assertEquals("names: expected 2 (one per feature), got 1", message(() -> d.withFeatureNames(List.of("a"))));
        assertEquals("names[1]: expected distinct names, got 'a' a second time",
                message(() -> d.withFeatureNames(List.of("a", "a"))));
        assertEquals(List.of("a", "b"), d.subset(new int[] {0, 0}).featureNames());
    }

    @Test
    void subsetKeepsOrderAndRepeats() {
        Dataset d = threeClasses();
        Dataset s = d.subset(new int[] {19, 0, 0});
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {2, 0, 0}, s.labels());
        assertEquals(List.of("a", "b", "c"), s.classNames());
        assertEquals("rows[1]: expected a row index in 0..19, got 20", message(() -> d.subset(new int[] {0, 20})));
        assertEquals("rows: expected at least 1 row index, got 0", message(() -> d.subset(new int[0])));
    }

    @Test
    void splitIsStratifiedSeededAndDisjoint() {
        Dataset d = threeClasses();
        Split s = d.split(0.75, 7);
        // round(0.75 * n_c) per class: 8 of 10, round(4.5) = 5 of 6, 3 of 4
        assertEquals(16, s.train().size());
        assertEquals(4, s.validation().size());
        assertArrayEquals(new int[] {8, 5, 3}, counts(s.train()));
        assertArrayEquals(new int[] {2, 1, 1}, counts(s.validation()));
        Set<Double> seen = new HashSet<>();
        for (Dataset part : List.of(s.train(), s.validation())) {
            for (int i = 0; i < part.size(); i++) {
                double id = part.features(i)[0];
                assertTrue(seen.add(id), "row " + id + " in both parts");
                assertEquals(d.label((int) id), part.label(i));
            }
        }
        assertEquals(20, seen.size());
        Split again = d.split(0.75, 7);
        assertArrayEquals(s.train().features(), again.train().features());
        assertArrayEquals(s.validation().features(), again.validation().features());
        assertFalse(Arrays.deepEquals(s.train().features(), d.split(0.75, 8).train().features()));
        // shuffled within the part: not sorted by class
        int[] labels = s.train().labels();
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, labels));
    }

    @Test
    void splitKeepsAtLeastOneRowOfAClassInEachPart() {
        Dataset d = Dataset.classification(new double[][] {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}},
                new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1});
        Split high = d.split(0.9, 1);
        assertArrayEquals(new int[] {9, 1}, counts(high.train()));
        assertArrayEquals(new int[] {1, 1}, counts(high.validation()));
        Split low = d.split(0.1, 1);
        assertArrayEquals(new int[] {1, 1}, counts(low.train()));
        assertArrayEquals(new int[] {9, 1}, counts(low.validation()));
    }

    @Test
    void splitValidates() {
        Dataset d = threeClasses();
        for (double f : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            assertEquals("trainFraction: expected a number in (0, 1), got " + f, message(() -> d.split(f, 1)));
        }
        Dataset single = Dataset.classification(new double[][] {{1}}, new int[] {0});
        assertTrue(message(() -> single.split(0.5, 1)).startsWith("split: expected rows in both parts, got 1 for "
                + "training and 0 for validation"));
        Dataset oneRegression = Dataset.regression(new double[][] {{1}}, new double[] {0});
        assertEquals("split: expected at least 2 rows (one per part), got 1", message(() -> oneRegression.split(0.5, 1)));
    }

    @Test
    void regressionSplitIsShuffledAndClamped() {
        double[][] x = new double[10][];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {i};
            y[i] = 2 * i;
        }
        Dataset d = Dataset.regression(x, y);
        Split s = d.split(0.7, 3);
        assertEquals(7, s.train().size());
        assertEquals(3, s.validation().size());
        for (int i = 0; i < 7; i++) {
            assertEquals(2 * s.train().features(i)[0], s.train().target(i)[0]);
        }
        assertEquals(9, d.split(0.99, 3).train().size());
        assertEquals(1, d.split(0.01, 3).train().size());
    }

    @Test
    void standardizedRecordsItsStandardization() {
        Dataset d = Dataset.classification(new double[][] {{1, 10}, {3, 10}}, new int[] {0, 1});
        Dataset z = d.standardized();
        assertArrayEquals(new double[][] {{-1, 0}, {1, 0}}, z.features());
        assertEquals(Standardization.of(new double[] {2, 10}, new double[] {1, 1}), z.standardization().orElseThrow());
        assertEquals(Standardization.of(new double[] {2, 10}, new double[] {1, 1}),
                z.subset(new int[] {1}).standardization().orElseThrow());
        assertThrows(IllegalStateException.class, z::standardized);
        assertThrows(IllegalArgumentException.class,
                () -> d.standardizedWith(Standardization.of(new double[] {0}, new double[] {1})));
        assertTrue(z.toString().endsWith(", standardized]"));
    }

    @Test
    void splitStandardizedFitsOnTrainOnly() {
        Dataset d = threeClasses();
        Split s = d.split(0.5, 11);
        Split z = s.standardized();
        Standardization fitted = Standardization.fit(s.train().features());
        assertEquals(fitted, z.train().standardization().orElseThrow());
        assertEquals(fitted, z.validation().standardization().orElseThrow());
        assertArrayEquals(fitted.apply(s.validation().features()), z.validation().features());
        assertFalse(fitted.equals(Standardization.fit(d.features())));
    }

    @Test
    void splitRejectsUnlikeParts() {
        Dataset a = Dataset.classification(new double[][] {{1}}, new int[] {0});
        Dataset b = Dataset.classification(new double[][] {{1, 2}}, new int[] {0});
        Dataset r = Dataset.regression(new double[][] {{1}}, new double[] {0});
        assertThrows(IllegalArgumentException.class, () -> new Split(a, b));
        assertThrows(IllegalArgumentException.class, () -> new Split(a, r));
        assertThrows(NullPointerException.class, () -> new Split(a, null));
    }

    private static int[] counts(Dataset d) {
        int[] c = new int[d.classCount()];
        for (int label : d.labels()) {
            c[label]++;
        }
        return c;
    }

}
