package org.neurite.core.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.neurite.api.Stability;
import org.neurite.core.Standardization;

/**
 * A table of examples: one row of numeric features per example, with either a class label (classification)
 * or one or more numeric targets (regression).
 *
 * <pre>{@code
 * Dataset moons = Datasets.twoMoons(200, 0.1, 42);
 * Split split = moons.split(0.8, 42).standardized();   // fitted on the training part only
 * double[] batch = new double[32 * moons.featureCount()];
 * split.train().copyFeatures(0, batch, 0);              // fills a batch without allocating
 * }</pre>
 *
 * <p>Immutable and thread-safe: every factory copies the arrays it is given, and every accessor that
 * returns an array returns a copy. Every value is checked on the way in: features and targets are finite,
 * rows are of one width, labels are class indices {@code 0..classCount()-1}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Dataset {

    private final int size;
    private final int featureCount;
    /** Row-major, {@code size × featureCount}. */
    private final double[] x;
    /** The class index of each row, or null for regression. */
    private final int[] labels;
    /** Row-major, {@code size × targetWidth}, or null for classification. */
    private final double[] y;
    private final int targetWidth;
    private final List<String> featureNames;
    private final List<String> classNames;
    private final Standardization standardization;

    private Dataset(int size, int featureCount, double[] x, int[] labels, double[] y, int targetWidth,
            List<String> featureNames, List<String> classNames, Standardization standardization) {
        this.size = size;
        this.featureCount = featureCount;
        this.x = x;
        this.labels = labels;
        this.y = y;
        this.targetWidth = targetWidth;
        this.featureNames = featureNames;
        this.classNames = classNames;
        this.standardization = standardization;
    }

    /**
     * A classification data set whose classes are {@code 0..k-1}, {@code k} the largest label plus one,
     * named {@code "0".."k-1"}.
     *
     * @param features at least one row, all of one width of at least 1, every value finite; copied
     * @param labels one per row, each {@code >= 0}; copied
     * @throws IllegalArgumentException naming the row (and column) of the first bad value, or if the
     *     lengths differ
     */
    public static Dataset classification(double[][] features, int[] labels) {
        double[] x = flatten("features", features);
        int k = maxLabel(labels) + 1;
        return classification(features.length, features[0].length, x, labels, numberedNames(k));
    }

    /**
     * A classification data set with named classes: label {@code i} is {@code classNames.get(i)}.
     *
     * @param features at least one row, all of one width of at least 1, every value finite; copied
     * @param labels one per row, each in {@code 0..classNames.size()-1}; copied
     * @param classNames at least one, distinct, none null; copied
     * @throws IllegalArgumentException naming the first bad value
     */
    public static Dataset classification(double[][] features, int[] labels, List<String> classNames) {
        double[] x = flatten("features", features);
        return classification(features.length, features[0].length, x, labels, names("classNames", classNames));
    }

    /**
     * As {@link #classification(double[][], int[])} for float features, widened to double exactly.
     *
     * @throws IllegalArgumentException naming the row (and column) of the first bad value
     */
    public static Dataset classification(float[][] features, int[] labels) {
        Objects.requireNonNull(features, "features");
        double[][] wide = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            float[] row = Objects.requireNonNull(features[i], "features[" + i + "]");
            wide[i] = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                wide[i][j] = row[j];
            }
        }
        return classification(wide, labels);
    }

    /**
     * A regression data set with one or more target columns.
     *
     * @param features at least one row, all of one width of at least 1, every value finite; copied
     * @param targets one row per feature row, all of one width of at least 1, every value finite; copied
     * @throws IllegalArgumentException naming the row and column of the first bad value, or if the lengths
     *     differ
     */
    public static Dataset regression(double[][] features, double[][] targets) {
        double[] x = flatten("features", features);
        Objects.requireNonNull(targets, "targets");
        if (targets.length != features.length) {
            throw new IllegalArgumentException("targets: expected " + features.length
                    + " rows (one per row of features), got " + targets.length);
        }
        double[] y = flatten("targets", targets);
        int d = features[0].length;
        return new Dataset(features.length, d, x, null, y, targets[0].length, numberedFeatureNames(d),
                List.of(), null);
    }

    /**
     * A regression data set with one target column.
     *
     * @param targets one finite value per feature row; copied
     * @throws IllegalArgumentException naming the first bad value, or if the lengths differ
     */
    public static Dataset regression(double[][] features, double[] targets) {
        Objects.requireNonNull(targets, "targets");
        double[][] column = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            column[i] = new double[] {targets[i]};
        }
        return regression(features, column);
    }

    /**
     * This data with other feature names.
     *
     * @param names {@link #featureCount()} distinct names, none null; copied
     * @throws IllegalArgumentException if the count is wrong or a name is repeated
     */
    public Dataset withFeatureNames(List<String> names) {
        List<String> copy = names("names", names);
        if (copy.size() != featureCount) {
            throw new IllegalArgumentException("names: expected " + featureCount + " (one per feature), got "
                    + copy.size());
        }
        return new Dataset(size, featureCount, x, labels, y, targetWidth, copy, classNames, standardization);
    }

    /** The number of rows (examples). */
    public int size() {
        return size;
    }

    /** The number of features per row. */
    public int featureCount() {
        return featureCount;
    }

    /** The feature names, {@code x1..xn} unless set otherwise. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Whether the rows carry class labels (else numeric targets). */
    public boolean isClassification() {
        return labels != null;
    }

    /** The number of classes; 0 for regression. */
    public int classCount() {
        return classNames.size();
    }

    /** The class names, index {@code i} naming label {@code i}; empty for regression. */
    public List<String> classNames() {
        return classNames;
    }

    /** The width of a row's target: 1 for classification (the class index), else the target columns. */
    public int targetWidth() {
        return targetWidth;
    }

    /**
     * Copies a row's features into {@code dst} from {@code offset}; allocates nothing.
     *
     * @throws IndexOutOfBoundsException if the row is out of range or {@code dst} has no room
     */
    public void copyFeatures(int row, double[] dst, int offset) {
        checkRow(row);
        checkRoom(dst, offset, featureCount);
        System.arraycopy(x, row * featureCount, dst, offset, featureCount);
    }

    /**
     * Copies a row's target into {@code dst} from {@code offset} ({@link #targetWidth()} values; for
     * classification the label as a double); allocates nothing.
     *
     * @throws IndexOutOfBoundsException if the row is out of range or {@code dst} has no room
     */
    public void copyTarget(int row, double[] dst, int offset) {
        checkRow(row);
        checkRoom(dst, offset, targetWidth);
        if (labels != null) {
            dst[offset] = labels[row];
        } else {
            System.arraycopy(y, row * targetWidth, dst, offset, targetWidth);
        }
    }

    /**
     * A row's class index.
     *
     * @throws IllegalStateException for regression data
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public int label(int row) {
        requireClassification("label");
        checkRow(row);
        return labels[row];
    }

    /** A copy of a row's features. */
    public double[] features(int row) {
        double[] out = new double[featureCount];
        copyFeatures(row, out, 0);
        return out;
    }

    /** A copy of a row's target ({@link #targetWidth()} values). */
    public double[] target(int row) {
        double[] out = new double[targetWidth];
        copyTarget(row, out, 0);
        return out;
    }

    /** A copy of every row's features, {@code size() × featureCount()}. */
    public double[][] features() {
        double[][] out = new double[size][];
        for (int i = 0; i < size; i++) {
            out[i] = features(i);
        }
        return out;
    }

    /**
     * A copy of every row's class index.
     *
     * @throws IllegalStateException for regression data
     */
    public int[] labels() {
        requireClassification("labels");
        return labels.clone();
    }

    /** A copy of every row's target, {@code size() × targetWidth()} (for classification, the labels). */
    public double[][] targets() {
        double[][] out = new double[size][];
        for (int i = 0; i < size; i++) {
            out[i] = target(i);
        }
        return out;
    }

    /**
     * The given rows, in the given order (a row may repeat); names, classes and standardization are kept.
     *
     * @param rows at least one index, each in {@code 0..size()-1}
     * @throws IllegalArgumentException if {@code rows} is empty or an index is out of range
     */
    public Dataset subset(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows: expected at least 1 row index, got 0");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= size) {
                throw new IllegalArgumentException("rows[" + i + "]: expected a row index in 0.." + (size - 1)
                        + ", got " + rows[i]);
            }
        }
        int n = rows.length;
        double[] sx = new double[n * featureCount];
        int[] sl = labels == null ? null : new int[n];
        double[] sy = y == null ? null : new double[n * targetWidth];
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            System.arraycopy(x, r * featureCount, sx, i * featureCount, featureCount);
            if (sl != null) {
                sl[i] = labels[r];
            } else {
                System.arraycopy(y, r * targetWidth, sy, i * targetWidth, targetWidth);
            }
        }
        return new Dataset(n, featureCount, sx, sl, sy, targetWidth, featureNames, classNames, standardization);
    }

    /**
     * Splits the rows into a training and a validation part, reproducibly for a seed.
     *
     * <p>The algorithm, with one {@code java.util.Random(seed)} drawn from in this order:
     * <ul>
     *   <li><b>Classification</b> (stratified): for each class {@code c = 0, 1, ...} in turn, its row indices
     *   in row order are shuffled (Fisher–Yates as {@code Collections.shuffle}: for {@code i} from the last
     *   index down to 1, swap {@code i} with {@code random.nextInt(i + 1)}); the first
     *   {@code Math.round(trainFraction · n_c)} go to training and the rest to validation, except that a
     *   class of {@code n_c >= 2} rows puts at least one in each part. A class absent from the data adds
     *   nothing.</li>
     *   <li><b>Regression</b>: all row indices are shuffled the same way; the first
     *   {@code Math.round(trainFraction · n)}, clamped to {@code 1..n-1}, go to training.</li>
     *   <li>Then the training indices, in the order collected, are shuffled, then the validation indices, so
     *   that neither part is sorted by class.</li>
     * </ul>
     *
     * @param trainFraction the share of rows for training, in {@code (0, 1)}
     * @param seed the seed of the shuffles
     * @throws IllegalArgumentException if the fraction is not in {@code (0, 1)} or a part would be empty
     */
    public Split split(double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction: expected a number in (0, 1), got " + trainFraction);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        if (labels != null) {
            List<List<Integer>> byClass = new ArrayList<>();
            for (int c = 0; c < classCount(); c++) {
                byClass.add(new ArrayList<>());
            }
            for (int i = 0; i < size; i++) {
                byClass.get(labels[i]).add(i);
            }
            for (List<Integer> rows : byClass) {
                int n = rows.size();
                if (n == 0) {
                    continue;
                }
                int[] shuffled = shuffle(toArray(rows), random);
                int nTrain = (int) Math.round(trainFraction * n);
                if (n >= 2) {
                    nTrain = Math.max(1, Math.min(n - 1, nTrain));
                }
                addRange(train, shuffled, 0, nTrain);
                addRange(validation, shuffled, nTrain, n);
            }
        } else {
            if (size < 2) {
                throw new IllegalArgumentException("split: expected at least 2 rows (one per part), got " + size);
            }
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            int[] shuffled = shuffle(all, random);
            int nTrain = Math.max(1, Math.min(size - 1, (int) Math.round(trainFraction * size)));
            addRange(train, shuffled, 0, nTrain);
            addRange(validation, shuffled, nTrain, size);
        }
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("split: expected rows in both parts, got " + train.size()
                    + " for training and " + validation.size() + " for validation from " + size
                    + " rows at trainFraction " + trainFraction);
        }
        int[] trainRows = shuffle(toArray(train), random);
        int[] validationRows = shuffle(toArray(validation), random);
        return new Split(subset(trainRows), subset(validationRows));
    }

    /**
     * This data standardized with a {@link Standardization} fitted on its own features. To standardize a
     * training and a validation part without leaking, use {@link Split#standardized()}.
     *
     * @throws IllegalStateException if this data is already standardized
     */
    public Dataset standardized() {
        requireNotStandardized();
        return standardizedWith(Standardization.fit(features()));
    }

    /**
     * This data with every feature row standardized by {@code s}, which {@link #standardization()} then
     * returns.
     *
     * @param s of {@link #featureCount()} features
     * @throws IllegalArgumentException if {@code s} has another number of features
     * @throws IllegalStateException if this data is already standardized
     */
    public Dataset standardizedWith(Standardization s) {
        Objects.requireNonNull(s, "s");
        requireNotStandardized();
        if (s.size() != featureCount) {
            throw new IllegalArgumentException("s: expected a standardization of " + featureCount
                    + " features, got " + s.size());
        }
        double[] sx = new double[x.length];
        double[] in = new double[featureCount];
        double[] out = new double[featureCount];
        for (int i = 0; i < size; i++) {
            System.arraycopy(x, i * featureCount, in, 0, featureCount);
            s.apply(in, out);
            System.arraycopy(out, 0, sx, i * featureCount, featureCount);
        }
        return new Dataset(size, featureCount, sx, labels, y, targetWidth, featureNames, classNames, s);
    }

    /** The standardization applied to the features, if any. */
    public Optional<Standardization> standardization() {
        return Optional.ofNullable(standardization);
    }

    @Override
    public String toString() {
        String kind = labels != null ? "classification, " + classCount() + " classes"
                : "regression, " + targetWidth + " target" + (targetWidth == 1 ? "" : "s");
        return "Dataset[" + size + " rows, " + featureCount + " features, " + kind
                + (standardization != null ? ", standardized" : "") + "]";
    }

    private static Dataset classification(int n, int d, double[] x, int[] labels, List<String> classNames) {
        Objects.requireNonNull(labels, "labels");
        if (labels.length != n) {
            throw new IllegalArgumentException("labels: expected " + n + " (one per row of features), got "
                    + labels.length);
        }
        int k = classNames.size();
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("labels[" + i + "]: expected a class index >= 0, got "
                        + labels[i]);
            }
            if (labels[i] >= k) {
                throw new IllegalArgumentException("labels[" + i + "]: expected a class index < " + k
                        + " (the number of class names), got " + labels[i]);
            }
        }
        return new Dataset(n, d, x, labels.clone(), null, 1, numberedFeatureNames(d), classNames, null);
    }

    /** Checks a rectangular, finite, non-empty table and copies it row-major. */
    private static double[] flatten(String what, double[][] rows) {
        Objects.requireNonNull(rows, what);
        if (rows.length == 0) {
            throw new IllegalArgumentException(what + ": expected at least 1 row, got 0");
        }
        Objects.requireNonNull(rows[0], what + "[0]");
        int width = rows[0].length;
        if (width == 0) {
            throw new IllegalArgumentException(what + "[0]: expected at least 1 column, got 0");
        }
        double[] flat = new double[Math.multiplyExact(rows.length, width)];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row == null) {
                throw new IllegalArgumentException(what + "[" + i + "]: expected a row, got null");
            }
            if (row.length != width) {
                throw new IllegalArgumentException(what + "[" + i + "]: expected " + width
                        + " columns (as row 0), got " + row.length);
            }
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(what + ": row " + i + ", column " + j
                            + ": expected a finite number, got " + row[j]);
                }
            }
            System.arraycopy(row, 0, flat, i * width, width);
        }
        return flat;
    }

    private static int maxLabel(int[] labels) {
        Objects.requireNonNull(labels, "labels");
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("labels[" + i + "]: expected a class index >= 0, got "
                        + labels[i]);
            }
            max = Math.max(max, labels[i]);
        }
        return max;
    }

    private static List<String> names(String what, List<String> names) {
        Objects.requireNonNull(names, what);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(what + ": expected at least 1 name, got none");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                throw new IllegalArgumentException(what + "[" + i + "]: expected a name, got null");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(what + "[" + i + "]: expected distinct names, got '" + name
                        + "' a second time");
            }
        }
        return List.copyOf(names);
    }

    private static List<String> numberedNames(int k) {
        List<String> names = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            names.add(Integer.toString(c));
        }
        return List.copyOf(names);
    }

    private static List<String> numberedFeatureNames(int d) {
        List<String> names = new ArrayList<>(d);
        for (int j = 1; j <= d; j++) {
            names.add("x" + j);
        }
        return List.copyOf(names);
    }

    private void checkRow(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row: expected 0.." + (size - 1) + ", got " + row);
        }
    }

    private static void checkRoom(double[] dst, int offset, int count) {
        if (offset < 0 || offset > dst.length - count) {
            throw new IndexOutOfBoundsException("dst: expected room for " + count + " values from offset "
                    + offset + ", got an array of " + dst.length);
        }
    }

    private void requireClassification(String what) {
        if (labels == null) {
            throw new IllegalStateException(what + ": expected a classification data set, got regression with "
                    + targetWidth + " target column(s)");
        }
    }

    private void requireNotStandardized() {
        if (standardization != null) {
            throw new IllegalStateException("standardization: expected data not yet standardized, got data "
                    + "standardized with " + standardization);
        }
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    /** Fisher–Yates in place, as {@code Collections.shuffle(list, random)}; returns {@code a}. */
    private static int[] shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static void addRange(List<Integer> to, int[] from, int start, int end) {
        for (int i = start; i < end; i++) {
            to.add(from[i]);
        }
    }
}
