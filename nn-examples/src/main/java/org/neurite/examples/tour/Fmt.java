package org.neurite.examples.tour;

import java.util.Locale;
import java.util.StringJoiner;

/** Number formatting shared by the sections, in {@link Locale#ROOT} and numpy's bracket style. */
final class Fmt {

    private Fmt() {
    }

    /** A vector as {@code [0.5570, -0.4951]} with {@code decimals} digits after the point. */
    static String vec(double[] v, int decimals) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double x : v) {
            j.add(num(x, decimals));
        }
        return j.toString();
    }

    /** A vector of whole numbers as {@code [1, -2]}. */
    static String ints(double[] v) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double x : v) {
            j.add(String.valueOf(Math.round(x)));
        }
        return j.toString();
    }

    /** A matrix as {@code [[1, 1], [1, 1]]} with whole numbers. */
    static String ints(double[][] m) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double[] row : m) {
            j.add(ints(row));
        }
        return j.toString();
    }

    /** One number with {@code decimals} digits; negative zero prints as zero. */
    static String num(double x, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", x == 0.0 ? 0.0 : x);
    }

    /** A shape in numpy's notation, {@code (4, 3)}. */
    static String shape(int rows, int cols) {
        return "(" + rows + ", " + cols + ")";
    }

    /** A fraction as a percentage with one decimal, {@code 93.4%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** A line {@code y = slope * x + intercept} as {@code x2 = 2.0000 * x1 + 0.5000}, without a negative zero. */
    static String line(String y, String x, double slope, double intercept, int decimals) {
        double c = intercept == 0.0 ? 0.0 : intercept;
        return y + " = " + num(slope, decimals) + " * " + x + (c < 0 ? " - " : " + ") + num(Math.abs(c), decimals);
    }
}
