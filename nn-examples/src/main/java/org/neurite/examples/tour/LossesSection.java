package org.neurite.examples.tour;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleAnchor;
import org.neurite.api.Activation;
import org.neurite.api.Loss;
import org.neurite.api.Losses;
import org.neurite.api.Tensor;

/**
 * Part 3, "Loss functions": every loss of the catalogue with its gradient against the prediction, for a
 * regression target and for a class target, and why classifiers take cross-entropy on logits: at a
 * confident wrong answer the gradient through a sigmoid and {@code bce} vanishes, while
 * {@code bce_with_logits} keeps {@code p - y}. Every number is {@link Loss#evaluate} and an activation's own
 * forward and backward on the tour's backend.
 */
final class LossesSection implements Section {

    /** The regression target every regression loss is drawn against. */
    static final double TARGET = 1.0;
    /**
     * The regression losses. With their defaults {@code huber} and {@code smooth_l1} are one function
     * ({@code smooth_l1 = huber / beta}, equal at 1), so smooth_l1 is drawn with {@code beta = 2} to tell them apart.
     */
    static final List<String> REGRESSION = List.of("mse", "l1", "huber(delta=1.0)", "smooth_l1(beta=2.0)");
    /** The class losses; kl_div summed, which for one row is the KL divergence itself (PyTorch's batchmean). */
    static final List<String> CLASSIFICATION = List.of("bce", "bce_with_logits", "cross_entropy", "nll",
            "kl_div(reduction=sum)");
    /** Scores of the true class at which the confident-wrong table is printed. */
    static final double[] CONFIDENT_WRONG = {0, -5, -10, -20, -27, -30, -40, -100, -800};
    private static final double[] REGRESSION_AT = {-1.0, 0.5, 1.0, 1.5, 3.0};
    private static final double[] CLASS_AT = {-4, 0, 4};

    @Override
    public String command() {
        return "losses";
    }

    @Override
    public String title() {
        return "Loss functions and their gradients";
    }

    @Override
    public String description() {
        return "Every loss of the catalogue and its gradient, for a regression and a class target, and why "
                + "cross-entropy takes logits (losses_regression.png, losses_classification.png).";
    }

    @Override
    public void run(TourContext ctx) {
        Losses losses = Losses.discover();
        ctx.println("=== Loss functions: how wrong is the prediction, and which way to move it ===");
        ctx.printf("The catalogue (Losses.discover().names()): %s%n", String.join(", ", losses.names()));
        regression(ctx, losses);
        classification(ctx, losses);
        confidentWrong(ctx, losses);
    }

    /** Loss and dL/dprediction of each regression loss over one prediction, target {@link #TARGET}. */
    private static void regression(TourContext ctx, Losses losses) {
        double[] predictions = Grid.linspace(-2, 4, 241);
        List<Charts.Curve> values = new ArrayList<>();
        List<Charts.Curve> gradients = new ArrayList<>();
        ctx.printf("%n--- Regression: one prediction y_hat against the target y = %.1f ---%n", TARGET);
        ctx.printf("%-20s", "loss");
        for (double at : REGRESSION_AT) {
            ctx.printf(" | y_hat=%-9s", Fmt.num(at, 1));
        }
        ctx.println("   (value, dL/dy_hat)");
        for (int k = 0; k < REGRESSION.size(); k++) {
            Loss loss = losses.get(REGRESSION.get(k));
            double[] value = new double[predictions.length];
            double[] slope = new double[predictions.length];
            double[] gradient = new double[1];
            for (int i = 0; i < predictions.length; i++) {
                value[i] = loss.evaluate(new double[] {predictions[i]}, new double[] {TARGET}, 1, 1, 1, gradient);
                slope[i] = gradient[0];
            }
            ctx.printf("%-20s", loss.spec());
            for (double at : REGRESSION_AT) {
                double v = loss.evaluate(new double[] {at}, new double[] {TARGET}, 1, 1, 1, gradient);
                ctx.printf(" | %6s, %+7.4f", Fmt.num(v, 4), gradient[0]);
            }
            ctx.println();
            values.add(Charts.Curve.of(loss.spec(), predictions, value, k));
            gradients.add(Charts.Curve.of(loss.spec(), predictions, slope, k));
        }
        ctx.println("mse's gradient grows with the error; l1's is the sign only; huber and smooth_l1 are quadratic");
        ctx.println("near the target and linear far from it, so one outlier cannot dominate a batch.");
        String x = "prediction y_hat (target y = " + Fmt.num(TARGET, 1) + ")";
        JFreeChart left = Charts.withReference(Charts.lines("Regression losses", x, "loss",
                values, RectangleAnchor.TOP_RIGHT), TARGET, Double.NaN);
        JFreeChart right = Charts.withAxes(Charts.lines("Their gradients", x, "dL / dy_hat",
                gradients, RectangleAnchor.TOP_LEFT));
        ctx.figure("losses_regression.png", "The regression losses against one prediction, target 1, and their "
                + "gradients: mse's grows with the error, l1's is its sign, huber's and smooth_l1's are capped.",
                Charts.render(1400, 500, left, right));
    }

    /**
     * The class losses on a binary example whose true class is 1, against the score {@code z} the model
     * gives it; each loss gets the prediction it documents: a probability {@code sigmoid(z)} for bce, the
     * logit for bce_with_logits, the logits {@code [0, z]} for cross_entropy, their log-softmax for nll and
     * kl_div. The gradient drawn is the one with respect to the true class's entry of that prediction.
     */
    private static void classification(TourContext ctx, Losses losses) {
        double[] z = Grid.linspace(-6, 6, 241);
        List<ClassCase> cases = classCases(ctx, z);
        List<Charts.Curve> values = new ArrayList<>();
        List<Charts.Curve> gradients = new ArrayList<>();
        ctx.printf("%n--- Classification: true class 1, the model's score for it is z ---%n");
        ctx.printf("%-34s %-34s", "loss", "its prediction");
        for (double at : CLASS_AT) {
            ctx.printf(" | z=%-14s", Fmt.num(at, 0));
        }
        ctx.println("   (value, dL/dprediction at the true class)");
        double spread = 0;
        double[] reference = null;
        for (int k = 0; k < cases.size(); k++) {
            ClassCase c = cases.get(k);
            Loss loss = losses.get(CLASSIFICATION.get(k));
            double[] value = new double[z.length];
            double[] slope = new double[z.length];
            double[] gradient = new double[c.cols()];
            for (int i = 0; i < z.length; i++) {
                value[i] = loss.evaluate(c.rows()[i], c.target(), 1, c.cols(), c.target().length, gradient);
                slope[i] = gradient[c.trueEntry()];
            }
            if (reference == null) {
                reference = value;
            }
            for (int i = 0; i < z.length; i++) {
                spread = Math.max(spread, Math.abs(value[i] - reference[i]));
            }
            ctx.printf("%-34s %-34s", loss.spec(), c.input());
            for (double at : CLASS_AT) {
                int i = nearest(z, at);
                loss.evaluate(c.rows()[i], c.target(), 1, c.cols(), c.target().length, gradient);
                ctx.printf(" | %6s, %+9.4f", Fmt.num(value[i], 4), gradient[c.trueEntry()]);
            }
            ctx.println();
            // All five values coincide: draw each a little narrower than the one before, so that all show.
            values.add(Charts.Curve.of(loss.spec(), z, value, k).width(9f - 1.8f * k));
            Charts.Curve g = Charts.Curve.of(loss.spec() + ": dL/d" + c.shortInput(), z, slope, k);
            // A gradient equal to the one before (cross_entropy's and bce_with_logits', say) is dashed over it.
            gradients.add(k > 0 && same(slope, gradients.get(k - 1).y()) ? g.dashed() : g);
        }
        ctx.printf("On one example all five are the same number, -log p = softplus(-z) (largest difference %.1e);%n",
                spread);
        ctx.println("they differ in what they take as the prediction, and so in the gradient they hand back:");
        ctx.println("bce's dL/dp = -1/p explodes as p -> 0; on logits the gradient is p - 1, never beyond -1;");
        ctx.println("nll's and kl_div's are constants, because log-softmax's backward supplies the rest.");
        String x = "score z of the true class";
        JFreeChart left = Charts.lines("Class losses (true class 1)", x, "loss", values, RectangleAnchor.TOP_RIGHT);
        JFreeChart right = Charts.withYRange(Charts.withAxes(Charts.lines("Gradient w.r.t. each loss's own input",
                x, "dL / dprediction (true class)", gradients, RectangleAnchor.BOTTOM_RIGHT)), -3.5, 1.0);
        ctx.figure("losses_classification.png", "The class losses against the score of the true class: one curve, "
                + "-log p, for all five; their gradients against each one's own input differ (bce's -1/p leaves "
                + "the chart below -3.5).", Charts.render(1400, 500, left, right));
    }

    /** The predictions each class loss takes at every score {@code z}, computed by the activations. */
    private static List<ClassCase> classCases(TourContext ctx, double[] z) {
        Activation sigmoid = ctx.activations().get("sigmoid");
        Activation logSoftmax = ctx.activations().get("log_softmax");
        double[] logits = new double[2 * z.length];
        for (int i = 0; i < z.length; i++) {
            logits[2 * i + 1] = z[i];
        }
        double[] p = forward(ctx, sigmoid, z, z.length, 1);
        double[] logProbabilities = forward(ctx, logSoftmax, logits, z.length, 2);
        double[][] probabilityRows = new double[z.length][];
        double[][] logitRows = new double[z.length][];
        double[][] pairRows = new double[z.length][];
        double[][] logRows = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            probabilityRows[i] = new double[] {p[i]};
            logitRows[i] = new double[] {z[i]};
            pairRows[i] = new double[] {0, z[i]};
            logRows[i] = new double[] {logProbabilities[2 * i], logProbabilities[2 * i + 1]};
        }
        double[] one = {1};
        return List.of(
                new ClassCase("the probability p = sigmoid(z)", "p", probabilityRows, one, 0),
                new ClassCase("the logit z", "z", logitRows, one, 0),
                new ClassCase("the logits [0, z], class index 1", "z", pairRows, one, 1),
                new ClassCase("log_softmax([0, z]), class index 1", "log p", logRows, one, 1),
                new ClassCase("log_softmax([0, z]) vs [0, 1]", "log p", logRows, new double[] {0, 1}, 1));
    }

    /**
     * The printed claim: with the target 1 and a score {@code z} far below 0, the gradient that reaches
     * {@code z} through {@code sigmoid} then {@code bce} vanishes, while {@code bce_with_logits} gives
     * {@code p - y}.
     */
    private static void confidentWrong(TourContext ctx, Losses losses) {
        Activation sigmoid = ctx.activations().get("sigmoid");
        Loss bce = losses.get("bce");
        Loss withLogits = losses.get("bce_with_logits");
        int n = CONFIDENT_WRONG.length;
        Tensor z = ctx.backend().zeros(ctx.dtype(), 1, n);
        z.assign(CONFIDENT_WRONG);
        Tensor p = ctx.backend().zeros(ctx.dtype(), 1, n);
        sigmoid.forward(z, p);
        double[] probabilities = new double[n];
        p.copyTo(probabilities);
        double[] bceValue = new double[n];
        double[] dLdp = new double[n];
        double[] logitValue = new double[n];
        double[] logitGradient = new double[n];
        double[] g = new double[1];
        double[] one = {1};
        for (int i = 0; i < n; i++) {
            bceValue[i] = bce.evaluate(new double[] {probabilities[i]}, one, 1, 1, 1, g);
            dLdp[i] = g[0];
            logitValue[i] = withLogits.evaluate(new double[] {CONFIDENT_WRONG[i]}, one, 1, 1, 1, g);
            logitGradient[i] = g[0];
        }
        // Through the sigmoid by its own backward pass: dL/dz = dL/dp * sigmoid'(z).
        Tensor gradP = ctx.backend().zeros(ctx.dtype(), 1, n);
        gradP.assign(dLdp);
        Tensor gradZ = ctx.backend().zeros(ctx.dtype(), 1, n);
        sigmoid.backward(z, p, gradP, gradZ);
        double[] throughSigmoid = new double[n];
        gradZ.copyTo(throughSigmoid);

        ctx.printf("%n--- Why cross-entropy on logits: the target is 1, the model says z (confidently wrong for z << 0) ---%n");
        ctx.printf("%6s %11s | %9s %11s %12s | %9s %11s%n", "z", "p=sig(z)", "bce(p)", "dL/dp", "dL/dz", "bce_logit",
                "dL/dz");
        for (int i = 0; i < n; i++) {
            ctx.printf("%6.0f %11.4e | %9.4f %11.4e %12.4e | %9.4f %11.4e%n", CONFIDENT_WRONG[i], probabilities[i],
                    bceValue[i], dLdp[i], throughSigmoid[i], logitValue[i], logitGradient[i]);
        }
        int at40 = indexOf(CONFIDENT_WRONG, -40);
        ctx.printf("At z = -40: sigmoid then bce hands z the gradient %.4e; bce_with_logits hands it %.4f = p - y.%n",
                throughSigmoid[at40], logitGradient[at40]);
        ctx.println("bce divides by max(p(1 - p), 1e-12), as PyTorch does, so below z ~ -27.6 (p(1 - p) < 1e-12) the");
        ctx.println("sigmoid's factor p(1 - p) is no longer cancelled and the gradient vanishes; once p rounds to 0 it");
        ctx.println("is exactly 0 and bce's log is clamped at -100. On logits the loss is softplus(-z) and its gradient");
        ctx.println("p - y is computed without dividing by p: the more wrong the model, the stronger the push back.");
    }

    private static double[] forward(TourContext ctx, Activation f, double[] values, int rows, int cols) {
        Tensor in = ctx.backend().zeros(ctx.dtype(), rows, cols);
        in.assign(values);
        Tensor out = ctx.backend().zeros(ctx.dtype(), rows, cols);
        f.forward(in, out);
        double[] result = new double[values.length];
        out.copyTo(result);
        return result;
    }

    private static boolean same(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static int nearest(double[] xs, double x) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            best = Math.abs(xs[i] - x) < Math.abs(xs[best] - x) ? i : best;
        }
        return best;
    }

    private static int indexOf(double[] xs, double x) {
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == x) {
                return i;
            }
        }
        throw new IllegalArgumentException("x: expected one of the table's scores, got " + x);
    }

    /**
     * One class loss's input at every score.
     *
     * @param input what the prediction is, for the table
     * @param shortInput the prediction's symbol, for the gradient's legend
     * @param rows the prediction row at each score
     * @param target the target row: a class index, or a probability row for kl_div
     * @param trueEntry the index of the true class's entry in a prediction row
     */
    private record ClassCase(String input, String shortInput, double[][] rows, double[] target, int trueEntry) {
        int cols() {
            return rows[0].length;
        }
    }
}
