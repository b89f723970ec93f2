package org.neurite.tck;

import java.util.ArrayList;
import java.util.List;
import org.neurite.api.Stability;

/**
 * What one {@link GradientChecker} run found: how many gradient elements it compared, the worst relative
 * error among them, and every element whose error exceeds the tolerance. Immutable.
 *
 * <p>A gradient is named after the tensor it is taken with respect to: {@code z} for an activation's input,
 * {@code prediction} for a loss, {@code input} for a layer's input, and the parameter's own name
 * ({@code weight}, {@code bias}, {@code alpha}, ...) for a parameter.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class GradientReport {

    /** How many failures {@link #assertPassed()} and {@link #toString()} list. */
    public static final int LISTED_FAILURES = 10;

    /**
     * One gradient element whose analytic and numeric values disagree.
     *
     * @param tensor what the gradient is taken with respect to, for example {@code z} or {@code bias}
     * @param row the element's row in that tensor
     * @param col the element's column in that tensor
     * @param analytic what the code under test computed
     * @param numeric the central difference
     * @param relativeError {@link GradientChecker#relativeError(double, double)} of the two
     */
    public record Failure(String tensor, int row, int col, double analytic, double numeric, double relativeError) {

        /** For example {@code dL/dbias[0, 2]: analytic 0.0, numeric 0.53, relative error 1.0}. */
        @Override
        public String toString() {
            return "dL/d" + tensor + "[" + row + ", " + col + "]: analytic " + analytic + ", numeric " + numeric
                    + ", relative error " + relativeError;
        }
    }

    private final String subject;
    private final double tolerance;
    private final int checked;
    private final int skipped;
    private final double worstRelativeError;
    private final List<Failure> failures;

    private GradientReport(String subject, double tolerance, int checked, int skipped, double worstRelativeError,
                           List<Failure> failures) {
        this.subject = subject;
        this.tolerance = tolerance;
        this.checked = checked;
        this.skipped = skipped;
        this.worstRelativeError = worstRelativeError;
        this.failures = List.copyOf(failures);
    }

    /** What was checked: the activation's or loss's spec, or the layer's {@code toString()}. */
    public String subject() {
        return subject;
    }

    /** The largest relative error that passes. */
    public double tolerance() {
        return tolerance;
    }

    /** How many gradient elements were compared. */
    public int checked() {
        return checked;
    }

    /** How many elements were skipped because they lie within the step of a declared kink. */
    public int skipped() {
        return skipped;
    }

    /** True when no compared element's relative error exceeds {@link #tolerance()}. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** The largest relative error of any compared element; 0 if none was compared, infinite for a NaN. */
    public double worstRelativeError() {
        return worstRelativeError;
    }

    /** Every element that failed, in the order checked. */
    public List<Failure> failures() {
        return failures;
    }

    /**
     * Does nothing if the check passed.
     *
     * @throws AssertionError if it failed, with {@link #toString()} (the first failures) as the message
     */
    public void assertPassed() {
        if (!passed()) {
            throw new AssertionError(toString());
        }
    }

    /** A summary, followed by the first {@value #LISTED_FAILURES} failures one per line. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(subject).append(": gradient check ")
                .append(passed() ? "passed" : "failed").append(": ").append(failures.size()).append(" of ")
                .append(checked).append(" elements exceed relative error ").append(tolerance)
                .append(" (worst ").append(worstRelativeError).append(')');
        if (skipped > 0) {
            text.append(", ").append(skipped).append(" skipped near a kink");
        }
        for (Failure failure : failures.subList(0, Math.min(LISTED_FAILURES, failures.size()))) {
            text.append(System.lineSeparator()).append("  ").append(failure);
        }
        if (failures.size() > LISTED_FAILURES) {
            text.append(System.lineSeparator()).append("  ... and ").append(failures.size() - LISTED_FAILURES)
                    .append(" more");
        }
        return text.toString();
    }

    /** Collects the comparisons of one run. */
    static final class Builder {
        private final String subject;
        private final double tolerance;
        private final List<Failure> failures = new ArrayList<>();
        private int checked;
        private int skipped;
        private double worst;

        Builder(String subject, double tolerance) {
            this.subject = subject;
            this.tolerance = tolerance;
        }

        void compare(String tensor, int row, int col, double analytic, double numeric) {
            double error = GradientChecker.relativeError(analytic, numeric);
            checked++;
            worst = Math.max(worst, error);
            if (error > tolerance) {
                failures.add(new Failure(tensor, row, col, analytic, numeric, error));
            }
        }

        void skip() {
            skipped++;
        }

        GradientReport build() {
            return new GradientReport(subject, tolerance, checked, skipped, worst, failures);
        }
    }
}
