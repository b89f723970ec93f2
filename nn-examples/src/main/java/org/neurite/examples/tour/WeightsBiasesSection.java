package org.neurite.examples.tour;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleAnchor;
import org.neurite.core.Neuron;

/**
 * "Weights and Biases Explained": {@code sigmoid(w*x)} and {@code sigmoid(x + b)} are one-input neurons
 * (weight w, bias 0; weight 1, bias b), so the curves are computed by Neurite neurons, and the printed
 * steepness and shift are measured on those curves rather than asserted.
 */
final class WeightsBiasesSection implements Section {

    private static final double[] WEIGHTS = {0.5, 1.0, 2.0, 5.0};
    private static final double[] BIASES = {-3, -1, 0, 1, 3};

    @Override
    public String command() {
        return "weights-biases";
    }

    @Override
    public String title() {
        return "Weights and biases";
    }

    @Override
    public Part part() {
        return Part.NEURON;
    }

    @Override
    public String description() {
        return "Sigmoid steepness for w in {0.5, 1, 2, 5} and shift for b in {-3, -1, 0, 1, 3} "
                + "(weights_biases_effect.png).";
    }

    @Override
    public void run(TourContext ctx) {
        double[] x = Grid.linspace(-6, 6, 200);
        double[][] batch = column(x);

        List<Charts.Curve> byWeight = new ArrayList<>();
        ctx.println("=== Weight Effect ===");
        ctx.printf("%-8s %12s %12s %12s   %s%n", "w", "out(x=-1)", "out(x=0)", "out(x=+1)", "width of 0.1 -> 0.9");
        for (int i = 0; i < WEIGHTS.length; i++) {
            Neuron n = Neuron.of(ctx.backend(), ctx.dtype(), new double[] {WEIGHTS[i]}, 0.0, "sigmoid");
            double[] y = n.forward(batch);
            byWeight.add(Charts.Curve.of("w = " + WEIGHTS[i], x, y, i));
            ctx.printf("%-8s %12.4f %12.4f %12.4f   %.3f%n", "w = " + WEIGHTS[i], n.forward(new double[] {-1}),
                    n.forward(new double[] {0}), n.forward(new double[] {1}), crossing(x, y, 0.9) - crossing(x, y, 0.1));
        }
        ctx.println("Larger weight = steeper transition (more confident)");
        ctx.println("Smaller weight = gradual transition (more uncertain)");

        List<Charts.Curve> byBias = new ArrayList<>();
        ctx.println();
        ctx.println("=== Bias Effect ===");
        ctx.printf("%-8s %22s%n", "b", "crosses 0.5 at x =");
        for (int i = 0; i < BIASES.length; i++) {
            Neuron n = Neuron.of(ctx.backend(), ctx.dtype(), new double[] {1.0}, BIASES[i], "sigmoid");
            double[] y = n.forward(batch);
            byBias.add(Charts.Curve.of("b = " + (int) BIASES[i], x, y, i));
            ctx.printf("%-8s %+22.3f%n", "b = " + (int) BIASES[i], crossing(x, y, 0.5));
        }
        ctx.println("Positive bias = shifts threshold LEFT (fires more easily)");
        ctx.println("Negative bias = shifts threshold RIGHT (harder to fire)");
        ctx.println("Zero bias = transition centered at input = 0");

        JFreeChart left = Charts.withReference(Charts.lines("Effect of Weight: Controls Steepness", "Input x",
                "Output sigmoid(w*x)", byWeight, RectangleAnchor.TOP_LEFT), 0, 0.5);
        JFreeChart right = Charts.withReference(Charts.lines("Effect of Bias: Shifts Threshold Left/Right",
                "Input x", "Output sigmoid(x + b)", byBias, RectangleAnchor.BOTTOM_RIGHT), 0, 0.5);
        ctx.figure("weights_biases_effect.png", "Left: the weight sets the steepness; right: the bias shifts "
                + "the threshold.", Charts.render(1400, 500, left, right));
    }

    /** The samples as a batch of one-feature rows. */
    private static double[][] column(double[] x) {
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new double[] {x[i]};
        }
        return rows;
    }

    /** Where the increasing sampled curve first reaches {@code level}, linearly interpolated. */
    private static double crossing(double[] x, double[] y, double level) {
        for (int i = 1; i < x.length; i++) {
            if (y[i - 1] < level && y[i] >= level) {
                return x[i - 1] + (x[i] - x[i - 1]) * (level - y[i - 1]) / (y[i] - y[i - 1]);
            }
        }
        return Double.NaN;
    }
}
