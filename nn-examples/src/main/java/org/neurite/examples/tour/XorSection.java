package org.neurite.examples.tour;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.neurite.api.Layer;
import org.neurite.core.ForwardTrace;
import org.neurite.core.Mlp;

/**
 * "Fixing XOR with Non-Linearity": the tutorial's hand-made 2-2-1 ReLU network, traced on the four XOR
 * inputs, and the picture of its hidden space, where the classes become linearly separable.
 */
final class XorSection implements Section {

    static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final double[] TARGETS = {0, 1, 1, 0};
    private static final double[][] W1 = {{1, 1}, {1, 1}};
    private static final double[] B1 = {0, -1};
    private static final double[][] W2 = {{1, -2}};
    private static final double[] B2 = {0};
    private static final Color CLASS_0 = Color.RED;
    private static final Color CLASS_1 = Color.BLUE;

    @Override
    public String command() {
        return "xor";
    }

    @Override
    public String title() {
        return "Fixing XOR with non-linearity";
    }

    @Override
    public Part part() {
        return Part.NEURON;
    }

    @Override
    public String description() {
        return "The hand-made ReLU network's XOR table and the original versus hidden space "
                + "(xor_nonlinearity.png).";
    }

    @Override
    public void run(TourContext ctx) {
        // The tutorial's hand-made weights, set through the builder: 2 -> 2 (ReLU) -> 1 (linear).
        Mlp xor = Mlp.builder().backend(ctx.backend()).dtype(ctx.dtype()).activations(ctx.activations())
                .input(2)
                .dense("relu", W1, B1)
                .dense("linear", W2, B2)
                .build();
        ForwardTrace trace = xor.trace(INPUTS);
        double[][] z1 = trace.steps().get(0).z();
        double[][] h = trace.steps().get(0).a();
        double[][] out = trace.output();

        ctx.println("=== Solving XOR with ReLU Network ===");
        ctx.println("Architecture: 2 inputs -> 2 hidden (ReLU) -> 1 output");
        ctx.printf("%nW1 = %s, b1 = %s%n", Fmt.ints(W1), Fmt.ints(B1));
        ctx.printf("W2 = %s, b2 = %s%n", Fmt.ints(W2), Fmt.ints(B2));
        ctx.println();
        ctx.println("-".repeat(60));
        ctx.printf("%-12s %-15s %-15s %-8s%n", "Input", "Hidden (pre)", "Hidden (ReLU)", "Output");
        ctx.println("-".repeat(60));
        int correct = 0;
        for (int i = 0; i < INPUTS.length; i++) {
            ctx.printf("%-12s %-15s %-15s %.1f   (target: %d)%n", Fmt.ints(INPUTS[i]), Fmt.ints(z1[i]),
                    Fmt.ints(h[i]), out[i][0], (int) TARGETS[i]);
            correct += out[i][0] == TARGETS[i] ? 1 : 0;
        }
        ctx.printf("%d of 4 outputs equal their targets exactly.%n", correct);

        // The boundary where the output crosses 0.5, read from the network's own output layer.
        Layer output = xor.layers().get(1);
        double[] w2 = output.parameters().get("weight").toDoubleArray()[0]; // (1, 2): one output row
        double b2 = output.parameters().get("bias").get(0, 0);
        double[] hRange = Grid.linspace(-0.5, 2.5, 100);
        double[] line = new double[hRange.length];
        for (int i = 0; i < hRange.length; i++) {
            line[i] = (0.5 - b2 - w2[0] * hRange[i]) / w2[1];
        }
        int separated = 0;
        int onTutorialLine = 0;
        for (int i = 0; i < h.length; i++) {
            double lineAt = (0.5 - b2 - w2[0] * h[i][0]) / w2[1];
            boolean below = h[i][1] < lineAt;
            // With W2 = [1, -2] the output exceeds 0.5 below the line: class 1 belongs there, class 0 above.
            separated += below == (TARGETS[i] == 1) ? 1 : 0;
            onTutorialLine += TARGETS[i] == 0 && w2[0] * h[i][0] + w2[1] * h[i][1] == 0 ? 1 : 0;
        }
        ctx.printf("%nIn hidden space the output is 0.5 on the line %s; it separates %d of the 4 points by class.%n",
                Fmt.line("h2", "h1", -w2[0] / w2[1], (0.5 - b2) / w2[1], 2), separated);
        ctx.printf("(The tutorial draws W2.h = 0, %s, which passes through %d of the 2 class-0 points; "
                + "the tour draws the output-0.5 line.)%n", Fmt.line("h2", "h1", -w2[0] / w2[1], 0, 2),
                onTutorialLine);

        JFreeChart original = Charts.scatter("Original Space (NOT linearly separable)", "x1", "x2",
                classes(INPUTS), List.of(), new double[] {-0.5, 1.5}, new double[] {-0.5, 1.5});
        JFreeChart hidden = Charts.scatter("Hidden Space (NOW linearly separable!)", "Hidden Neuron 1 Output",
                "Hidden Neuron 2 Output", classes(h),
                List.of(Charts.Curve.of("Decision Boundary (output = 0.5)", hRange, line, 2).dashed()),
                new double[] {-0.5, 2.5}, new double[] {-0.5, 1.5});
        ctx.figure("xor_nonlinearity.png", "XOR's four points in the input space and in the ReLU hidden space, "
                + "where one line separates the classes; there both class-1 inputs, (0, 1) and (1, 0), map to "
                + "the same point h = (1, 0), so the hidden space shows three dots for four inputs.", Charts.render(1200, 500, original, hidden));
        ctx.println();
        ctx.println("ReLU transforms the space so XOR becomes linearly separable!");
    }

    /**
     * For a legend: how many of the points fall on one spot, as {@code " (2 points at (1, 0))"}, or empty.
     * In the hidden space both class-1 inputs, (0, 1) and (1, 0), map to h = (1, 0), one dot on the figure.
     */
    static String coincident(double[] x, double[] y) {
        StringBuilder sb = new StringBuilder();
        boolean[] seen = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            int same = 1;
            for (int j = i + 1; j < x.length; j++) {
                if (!seen[j] && x[j] == x[i] && y[j] == y[i]) {
                    seen[j] = true;
                    same++;
                }
            }
            if (!seen[i] && same > 1) {
                sb.append(" (").append(same).append(" points at (").append(Fmt.num(x[i], 0)).append(", ")
                        .append(Fmt.num(y[i], 0)).append("))");
            }
        }
        return sb.toString();
    }

    /** The points split by target, red for 0 and blue for 1 as in the tutorial. */
    private static List<Charts.Points> classes(double[][] points) {
        List<Charts.Points> groups = new ArrayList<>();
        for (int target = 0; target <= 1; target++) {
            List<double[]> members = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                if (TARGETS[i] == target) {
                    members.add(points[i]);
                }
            }
            double[] x = members.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = members.stream().mapToDouble(p -> p[1]).toArray();
            groups.add(new Charts.Points("target " + target + coincident(x, y), x, y,
                    target == 0 ? CLASS_0 : CLASS_1));
        }
        return groups;
    }
}
