package org.neurite.examples.tour;

import org.jfree.chart.JFreeChart;
import org.neurite.core.Neuron;
import org.neurite.core.init.Initializers;

/**
 * "The Artificial Neuron": one seeded sigmoid neuron, its weighted sum and output, its response surface,
 * then the exercise (weights [2, -1], bias 0.5) with sigmoid and with ReLU.
 */
final class NeuronSection implements Section {

    private static final double[] INPUT = {0.5, -0.3};
    private static final double[] EXERCISE_WEIGHTS = {2.0, -1.0};
    private static final double EXERCISE_BIAS = 0.5;

    @Override
    public String command() {
        return "neuron";
    }

    @Override
    public String title() {
        return "The artificial neuron";
    }

    @Override
    public Part part() {
        return Part.NEURON;
    }

    @Override
    public String description() {
        return "A single neuron: weighted sum, output, response surface (neuron_response.png), the exercise "
                + "and the ReLU variant.";
    }

    @Override
    public void run(TourContext ctx) {
        // np.random.randn(2) * 0.5, bias 0: the tutorial's Neuron(n_inputs=2, activation='sigmoid').
        double[] w = new double[2];
        Initializers.normal(0.5).fill(w, 2, 1, ctx.random(42));
        Neuron neuron = Neuron.of(ctx.backend(), ctx.dtype(), w, 0.0, "sigmoid");
        ctx.printf("Weights: %s   (randn(2) * 0.5, java.util.Random(%d))%n", Fmt.vec(neuron.weights(), 4),
                ctx.seedFor(42));
        ctx.printf("Bias: %s%n", Fmt.num(neuron.bias(), 1));
        ctx.printf("%nInput: %s%n", Fmt.vec(INPUT, 1));
        ctx.printf("Weighted sum: %.4f%n", neuron.weightedSum(INPUT));
        ctx.printf("Output (after sigmoid): %.4f%n", neuron.forward(INPUT));

        // The whole 100 x 100 grid goes through the neuron as one batch of 10000 inputs.
        Grid grid = Grid.square(-3, 3, 100);
        double[][] surface = grid.field(neuron.forward(grid.points()));
        ctx.printf("%nResponse surface: 100 x 100 grid over [-3, 3]^2, one batch of 10000 inputs;%n"
                + "  outputs from %.4f to %.4f%n", Stats.min(surface), Stats.max(surface));
        ctx.figure("neuron_response.png", "The random sigmoid neuron's output over the input plane.",
                Charts.render(800, 600, surfaceChart("Single Neuron Response Surface (Sigmoid)", grid, surface)));
        ctx.println("The neuron creates a LINEAR decision boundary");
        ctx.println("(sigmoid squashes but the boundary is still a line): output 0.5 where "
                + boundary(neuron));

        exercise(ctx, grid, neuron);
    }

    /** The exercise: the same plane with weights [2, -1] and bias 0.5, under sigmoid and under ReLU. */
    private void exercise(TourContext ctx, Grid grid, Neuron random) {
        Neuron sigmoid = Neuron.of(ctx.backend(), ctx.dtype(), EXERCISE_WEIGHTS, EXERCISE_BIAS, "sigmoid");
        Neuron relu = Neuron.of(ctx.backend(), ctx.dtype(), EXERCISE_WEIGHTS, EXERCISE_BIAS, "relu");
        ctx.printf("%n--- Exercise: weights %s, bias %s ---%n", Fmt.vec(EXERCISE_WEIGHTS, 1),
                Fmt.num(EXERCISE_BIAS, 1));
        ctx.println("Decision boundary (z = 0): " + boundary(sigmoid));
        ctx.printf("(the random neuron's boundary, %s, passes through the origin because its bias is 0; the bias "
                + "0.5 moves this one off it, and |w| = %.4f against %.4f makes the transition steeper)%n",
                boundary(random), norm(sigmoid.weights()), norm(random.weights()));
        ctx.printf("%-12s %10s %10s %10s%n", "input", "z", "sigmoid", "relu");
        double[][] probes = {{0, 0}, {1, 0}, {0, 1}, {-1, 0}, {1, 1}, {-1, -1}};
        for (double[] x : probes) {
            ctx.printf("%-12s %+10.4f %10.4f %10.4f%n", Fmt.vec(x, 0), sigmoid.weightedSum(x), sigmoid.forward(x),
                    relu.forward(x));
        }
        double[][] sigmoidSurface = grid.field(sigmoid.forward(grid.points()));
        double[] reluOut = relu.forward(grid.points());
        double[][] reluSurface = grid.field(reluOut);
        ctx.printf("ReLU variant: exactly 0 on %s of the grid (the side where z < 0), elsewhere a plane rising "
                + "%.4f per unit of x1: piecewise linear instead of smooth.%n", Fmt.percent(Stats.fractionZero(reluOut)),
                relu.forward(new double[] {1, 0}) - relu.forward(new double[] {0, 0}));
        JFreeChart left = surfaceChart("Exercise: w = [2, -1], b = 0.5 (Sigmoid)", grid, sigmoidSurface);
        JFreeChart right = surfaceChart("Exercise: w = [2, -1], b = 0.5 (ReLU)", grid, reluSurface);
        ctx.figure("neuron_exercise.png", "The exercise's neuron with sigmoid (smooth) and with ReLU "
                + "(piecewise linear).", Charts.render(1400, 500, left, right));
    }

    private static JFreeChart surfaceChart(String title, Grid grid, double[][] surface) {
        return Charts.heatMap(title, "Input x1", "Input x2", "Neuron Output", grid.xs(), grid.ys(), surface);
    }

    private static double norm(double[] w) {
        return Math.hypot(w[0], w[1]);
    }

    /** The line {@code w1*x1 + w2*x2 + b = 0} solved for {@code x2}, from the neuron's own parameters. */
    private static String boundary(Neuron n) {
        double[] w = n.weights();
        if (w[1] == 0) {
            return "x1 = " + Fmt.num(-n.bias() / w[0], 4);
        }
        return Fmt.line("x2", "x1", -w[0] / w[1], -n.bias() / w[1], 4);
    }
}
