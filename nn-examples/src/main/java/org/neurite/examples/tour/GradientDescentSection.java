package org.neurite.examples.tour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleAnchor;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingDivergedException;
import org.neurite.core.train.TrainingSession;

/**
 * Part 3, "Gradient descent": a single sigmoid neuron learns a small one-feature data set. Its loss
 * surface over {@code (w, b)} with the paths of plain SGD, momentum and Adam from one start, each step
 * taken by a {@link TrainingSession} (full batch, so SGD is plain gradient descent); then the learning rate
 * too small, about right and too large, on this neuron and on a linear neuron fitted by MSE, where the too
 * large rate diverges until the session stops it with a {@link TrainingDivergedException}.
 */
final class GradientDescentSection implements Section {

    /** The data set: one feature, classes that overlap around x = 0 (so the best w is finite). */
    static final double[] X = {-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5};
    static final double[] Y = {0, 0, 0, 1, 0, 0, 1, 1, 1, 1};
    /** Regression targets on the same inputs, about {@code 1.5 x - 0.3}, for the linear neuron. */
    static final double[] T = {-3.2, -2.6, -2.1, -1.1, -0.6, 0.4, 0.9, 1.6, 2.7, 3.1};
    /** Where every run starts: a neuron that has the classes backwards. */
    static final double W0 = -3.0;
    static final double B0 = 3.0;
    static final List<String> OPTIMIZERS = List.of("sgd(lr=1.0)", "sgd(lr=0.3, momentum=0.9)", "adam(lr=0.3)");
    static final List<String> RATES = List.of("sgd(lr=0.05)", "sgd(lr=3.0)", "sgd(lr=60.0)");
    static final List<String> LINEAR_RATES = List.of("sgd(lr=0.002)", "sgd(lr=0.3)", "sgd(lr=1.0)");
    static final int PATH_STEPS = 60;
    static final int RATE_STEPS = 100;
    /** Long enough for the too-large rate on the linear neuron to overflow. */
    static final int LINEAR_STEPS = 400;
    private static final int[] SHOWN = {0, 1, 10, 30};

    @Override
    public String command() {
        return "gradient-descent";
    }

    @Override
    public String title() {
        return "Gradient descent";
    }

    @Override
    public String description() {
        return "A sigmoid neuron's loss surface with the paths of SGD, momentum and Adam, and the learning rate "
                + "too small, right and too large (gradient_descent_paths.png, learning_rates.png).";
    }

    @Override
    public void run(TourContext ctx) {
        ctx.println("=== Gradient descent: a sigmoid neuron learns which side of x = 0 is class 1 ===");
        ctx.printf("x = %s%ny = %s%n", Fmt.vec(X, 1), Fmt.ints(Y));
        ctx.printf("Every run starts at w = %.1f, b = %.1f (the classes backwards), full batch, loss bce.%n", W0, B0);
        List<Run> paths = new ArrayList<>();
        ctx.printf("%n%-26s", "optimizer");
        for (int s : SHOWN) {
            ctx.printf(" | loss@%-4d", s);
        }
        ctx.printf(" | %s%n", "after " + PATH_STEPS + " (w, b)");
        for (String optimizer : OPTIMIZERS) {
            Run run = train(neuron(ctx, "sigmoid"), "bce", optimizer, PATH_STEPS);
            paths.add(run);
            ctx.printf("%-26s", optimizer);
            for (int s : SHOWN) {
                ctx.printf(" | %9.4f", run.losses()[s]);
            }
            ctx.printf(" | (%6.3f, %6.3f)%n", run.w()[PATH_STEPS], run.b()[PATH_STEPS]);
        }
        for (int k = 0; k < OPTIMIZERS.size(); k++) {
            ctx.printf("first step of %s: (w, b) = (%.6f, %.6f)%n", OPTIMIZERS.get(k), paths.get(k).w()[1],
                    paths.get(k).b()[1]);
        }
        LossSurface surface = LossSurface.of(ctx, paths.get(0).session().loss(), X, Y, Grid.square(-4, 4, 81));
        double[] best = surface.minimum();
        ctx.printf("Lowest loss on the 81 x 81 grid: %.4f at w = %.1f, b = %.1f.%n", best[2], best[0], best[1]);
        ctx.println("Plain SGD steps along the steepest slope, long steps where the surface is steep, short ones near");
        ctx.println("the floor; momentum keeps a running sum of past steps, so it gathers speed, overshoots the valley");
        ctx.println("and swings back; Adam divides each coordinate's step by that coordinate's gradient history, so its");
        ctx.println("first step moves both w and b by the learning rate, whatever the slope.");
        List<Charts.Curve> lines = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            lines.add(Charts.Curve.of(OPTIMIZERS.get(i), paths.get(i).w(), paths.get(i).b(), i == 2 ? 4 : i)
                    .width(2.2f));
        }
        JFreeChart map = Charts.withPaths(surface.chart("Loss surface of one sigmoid neuron, " + PATH_STEPS
                + " steps from (" + Fmt.num(W0, 0) + ", " + Fmt.num(B0, 0) + ")", "bce"), lines,
                RectangleAnchor.BOTTOM_LEFT);
        ctx.figure("gradient_descent_paths.png", "The neuron's bce loss over (w, b) (log scale), with the first "
                + PATH_STEPS + " steps of plain SGD, momentum and Adam from the same start, one dot per step; momentum's "
                + "swing past the valley leaves the plotted range and comes back.",
                Charts.render(900, 700, map));

        ctx.printf("%n--- The learning rate (plain SGD, %d steps) ---%n", RATE_STEPS);
        JFreeChart rates = rateChart(ctx, "Sigmoid neuron, bce", "sigmoid", "bce", RATES, RATE_STEPS,
                RectangleAnchor.TOP_RIGHT);
        ctx.printf("%nThe same on a linear neuron fitted by mse to t = %s:%n", Fmt.vec(T, 1));
        JFreeChart linear = rateChart(ctx, "Linear neuron, mse", "linear", "mse", LINEAR_RATES, LINEAR_STEPS,
                RectangleAnchor.TOP_LEFT);
        ctx.println("Too small creeps; too large overshoots the valley floor. On the sigmoid neuron the overshoot is");
        ctx.println("bounded (|dL/dw| <= max |x|), so the loss jumps about instead of settling; on the linear neuron");
        ctx.println("every step lands further up the other side of the bowl, the loss grows geometrically, and the");
        ctx.println("session stops the run when it overflows.");
        ctx.figure("learning_rates.png", "The loss per step for a too small, a good and a too large learning rate "
                + "(log scale): on the sigmoid neuron the large rate bounces, on the linear one it diverges.",
                Charts.render(1400, 500, rates, linear));
    }

    /** The neuron the runs start from, on the tour's backend and dtype. */
    private static Mlp neuron(TourContext ctx, String activation) {
        return ctx.mlp().input(1).dense(activation, new double[][] {{W0}}, new double[] {B0}).build();
    }

    /**
     * {@code steps} full-batch steps, recording the loss before each step and {@code (w, b)} after it; the
     * targets are {@link #Y} for bce and {@link #T} for mse. A run that diverges stops at the step that
     * threw, and keeps the exception.
     */
    private static Run train(Mlp neuron, String loss, String optimizer, int steps) {
        Trainer trainer = Trainer.builder().loss(loss).optimizer(optimizer).build();
        TrainingSession session = trainer.session(neuron);
        double[] targets = loss.equals("mse") ? T : Y;
        double[] losses = new double[steps + 1];
        double[] w = new double[steps + 1];
        double[] b = new double[steps + 1];
        w[0] = W0;
        b[0] = B0;
        TrainingDivergedException diverged = null;
        int done = 0;
        try {
            while (done < steps) {
                losses[done] = session.step(X, targets, X.length);
                done++;
                List<Parameter> p = session.model().parameters();
                w[done] = p.get(0).tensor().get(0, 0);
                b[done] = p.get(1).tensor().get(0, 0);
            }
            // The loss after the last step, at the final weights.
            double[][] batch = new double[X.length][];
            Arrays.setAll(batch, i -> new double[] {X[i]});
            double[] out = Arrays.stream(session.model().predict(batch)).mapToDouble(row -> row[0]).toArray();
            losses[steps] = session.loss().evaluate(out, targets, X.length, 1, 1, null);
        } catch (TrainingDivergedException e) {
            diverged = e;
        }
        return new Run(session, Arrays.copyOf(losses, diverged == null ? steps + 1 : done),
                Arrays.copyOf(w, done + 1), Arrays.copyOf(b, done + 1), diverged);
    }

    /** Runs each rate, prints its losses, and returns their loss curves as one chart (log scale). */
    private static JFreeChart rateChart(TourContext ctx, String title, String activation, String loss,
                                        List<String> rates, int steps, RectangleAnchor legendCorner) {
        List<Charts.Curve> curves = new ArrayList<>();
        String[] verdicts = {"too small", "about right", "too large"};
        for (int i = 0; i < rates.size(); i++) {
            Run run = train(neuron(ctx, activation), loss, rates.get(i), steps);
            double[] l = run.losses();
            double min = Arrays.stream(l).min().orElseThrow();
            ctx.printf("%-16s (%-11s) loss: start %.4f, after 10 steps %.4g, after %d %.4g, lowest %.4f%n", rates.get(i),
                    verdicts[i], l[0], l[10], l.length - 1, l[l.length - 1], min);
            if (run.diverged() != null) {
                ctx.printf("  stopped at step %d: %s: %s%n", run.diverged().batch(),
                        run.diverged().getClass().getSimpleName(), run.diverged().getMessage());
            }
            double[] step = new double[l.length];
            Arrays.setAll(step, k -> k);
            String label = rates.get(i) + ", " + verdicts[i] + (run.diverged() != null ? " (diverged)" : "");
            curves.add(Charts.Curve.of(label, step, l, i));
        }
        return Charts.withLogScaleY(Charts.lines(title, "step", loss + " loss (log scale)", curves,
                legendCorner));
    }

    /**
     * One run.
     *
     * @param losses the loss before each step (and after the last, unless it diverged)
     * @param w the weight at the start and after each step
     * @param b the bias likewise
     * @param diverged what stopped it, or {@code null}
     */
    private record Run(TrainingSession session, double[] losses, double[] w, double[] b,
                       TrainingDivergedException diverged) { }
}
