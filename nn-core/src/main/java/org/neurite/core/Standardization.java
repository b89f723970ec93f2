package org.neurite.core;

import java.util.Arrays;
import java.util.Objects;
import org.neurite.api.Stability;

/**
 * Per-feature standardization {@code (x - mean) / scale}, as scikit-learn's {@code StandardScaler}: the
 * scale is the population standard deviation (ddof = 0), and a constant feature gets scale 1.0, so that it
 * maps to 0 instead of dividing by zero.
 *
 * <p>Immutable and thread-safe. A model trained on standardized data carries the one it was trained with,
 * so that it applies the same transformation to new inputs.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Standardization {

    private final double[] mean;
    private final double[] scale;

    private Standardization(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Fits the mean and the population standard deviation of every column.
     *
     * <p>The mean is a plain sum divided by the row count, the variance the mean of squared deviations from
     * it (two passes, as numpy's {@code var}). A column is constant, and gets scale 1.0, when its variance is
     * within rounding of zero by scikit-learn's test: {@code var <= n·eps·var + (n·|mean|·eps)²} with
     * {@code eps} the double machine epsilon.
     *
     * @param rows at least one row, all of one length of at least 1, every value finite; not modified
     * @throws IllegalArgumentException if {@code rows} is empty, ragged, or holds a non-finite value (naming
     *     its row and column)
     */
    public static Standardization fit(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows: expected at least 1 row, got 0");
        }
        int width = checkedWidth(rows);
        int n = rows.length;
        double[] mean = new double[width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= n;
        }
        double[] scale = new double[width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                double d = row[j] - mean[j];
                scale[j] += d * d;
            }
        }
        double eps = Math.ulp(1.0);
        for (int j = 0; j < width; j++) {
            double var = scale[j] / n;
            double bound = n * eps * var + Math.pow(n * Math.abs(mean[j]) * eps, 2);
            scale[j] = var <= bound ? 1.0 : Math.sqrt(var);
        }
        return new Standardization(mean, scale);
    }

    /**
     * A standardization with the given parameters.
     *
     * @param mean one finite value per feature; copied
     * @param scale as long as {@code mean}, every value finite and {@code > 0}; copied
     * @throws IllegalArgumentException naming the first bad index and its value, or if the lengths differ or
     *     are 0
     */
    public static Standardization of(double[] mean, double[] scale) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(scale, "scale");
        if (mean.length == 0) {
            throw new IllegalArgumentException("mean: expected at least 1 feature, got 0");
        }
        if (scale.length != mean.length) {
            throw new IllegalArgumentException("scale: expected " + mean.length + " values (one per mean), got "
                    + scale.length);
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("mean[" + j + "]: expected a finite number, got " + mean[j]);
            }
            if (!Double.isFinite(scale[j]) || scale[j] <= 0) {
                throw new IllegalArgumentException("scale[" + j + "]: expected a finite number > 0, got "
                        + scale[j]);
            }
        }
        return new Standardization(mean.clone(), scale.clone());
    }

    /** The number of features. */
    public int size() {
        return mean.length;
    }

    /** A copy of the per-feature means. */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the per-feature scales (standard deviations, or 1.0 for a constant feature). */
    public double[] scale() {
        return scale.clone();
    }

    /**
     * Writes {@code (in[j] - mean[j]) / scale[j]} into {@code out[j]}; allocates nothing.
     *
     * @param in {@link #size()} values; may be the same array as {@code out}
     * @param out at least {@link #size()} long
     * @throws IllegalArgumentException if {@code in} does not have {@link #size()} values or {@code out} is
     *     shorter
     */
    public void apply(double[] in, double[] out) {
        if (in.length != mean.length) {
            throw new IllegalArgumentException("in: expected " + mean.length + " values, got " + in.length);
        }
        if (out.length < mean.length) {
            throw new IllegalArgumentException("out: expected at least " + mean.length + " values, got "
                    + out.length);
        }
        for (int j = 0; j < mean.length; j++) {
            out[j] = (in[j] - mean[j]) / scale[j];
        }
    }

    /**
     * Standardizes, in place, every row of a row-major batch of {@link #size()}-wide rows; allocates nothing.
     *
     * @param rowMajor modified; its length a multiple of {@link #size()}
     * @throws IllegalArgumentException if the length is not a multiple of {@link #size()} (nothing changed)
     */
    public void applyToRows(double[] rowMajor) {
        if (rowMajor.length % mean.length != 0) {
            throw new IllegalArgumentException("rowMajor: expected a multiple of " + mean.length
                    + " values (whole rows), got " + rowMajor.length);
        }
        for (int base = 0; base < rowMajor.length; base += mean.length) {
            for (int j = 0; j < mean.length; j++) {
                rowMajor[base + j] = (rowMajor[base + j] - mean[j]) / scale[j];
            }
        }
    }

    /**
     * The standardized rows, as new arrays.
     *
     * @param rows each of {@link #size()} values; not modified
     * @throws IllegalArgumentException naming the first row of the wrong length
     */
    public double[][] apply(double[][] rows) {
        double[][] result = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != mean.length) {
                throw new IllegalArgumentException("rows[" + i + "]: expected " + mean.length + " values, got "
                        + rows[i].length);
            }
            result[i] = new double[mean.length];
            apply(rows[i], result[i]);
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardization s && Arrays.equals(mean, s.mean) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Standardization[mean=" + Arrays.toString(mean) + ", scale=" + Arrays.toString(scale) + "]";
    }

    /** The common width of {@code rows}, which must be at least 1, with every value finite. */
    private static int checkedWidth(double[][] rows) {
        Objects.requireNonNull(rows[0], "rows[0]");
        int width = rows[0].length;
        if (width == 0) {
            throw new IllegalArgumentException("rows[0]: expected at least 1 value, got 0");
        }
        for (int i = 0; i < rows.length; i++) {
            String name = "rows[" + i + "]";
            double[] row = Objects.requireNonNull(rows[i], name);
            if (row.length != width) {
                throw new IllegalArgumentException("rows[" + i + "]: expected " + width
                        + " values (as row 0), got " + row.length);
            }
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("row " + i + ", column " + j
                            + ": expected a finite number, got " + row[j]);
                }
            }
        }
        return width;
    }
}
