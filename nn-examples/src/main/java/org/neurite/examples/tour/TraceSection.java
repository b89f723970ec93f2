package org.neurite.examples.tour;

import org.neurite.api.Shape;
import org.neurite.core.ForwardTrace;
import org.neurite.core.Mlp;
import org.neurite.core.init.Initializers;

/**
 * "Forward Propagation Step-by-Step": a 3 -> 4 (ReLU) -> 2 (sigmoid) network with weights randn * 0.5,
 * traced by {@link Mlp#trace(double[])}, every intermediate printed, and the shapes checked against each
 * other. Neurite's batches are rows, so a single input is {@code (1, 3)} where numpy shows {@code (3,)}.
 */
final class TraceSection implements Section {

    private static final double[] X = {1.0, 0.5, -0.8};

    @Override
    public String command() {
        return "trace";
    }

    @Override
    public String title() {
        return "Forward propagation, step by step";
    }

    @Override
    public Part part() {
        return Part.NETWORK;
    }

    @Override
    public String description() {
        return "The forward pass traced layer by layer, with its dimension check.";
    }

    @Override
    public void run(TourContext ctx) {
        Mlp mlp = network(ctx);
        ForwardTrace trace = mlp.trace(X);
        ForwardTrace.Step hidden = trace.steps().get(0);
        ForwardTrace.Step output = trace.steps().get(1);
        Shape w1 = mlp.layers().get(0).parameters().get("weight").shape();
        Shape w2 = mlp.layers().get(1).parameters().get("weight").shape();
        String rule = "=".repeat(60);

        ctx.println(rule);
        ctx.println("FORWARD PROPAGATION: Step-by-Step Trace");
        ctx.println(rule);
        ctx.printf("%nNetwork: 3 -> 4 (ReLU) -> 2 (Sigmoid)   (weights randn * 0.5, java.util.Random(%d))%n",
                ctx.seedFor(123));
        ctx.printf("%nInput x = %s%n", Fmt.vec(X, 1));

        ctx.println();
        ctx.println("--- Layer 1 (Hidden) ---");
        ctx.printf("W1 shape: %s%n", w1);
        printMatrix(ctx, "W1", mlp.layers().get(0).parameters().get("weight").toDoubleArray());
        ctx.println("z1 = W1 @ x + b1");
        ctx.printf("z1 = %s%n", Fmt.vec(hidden.z()[0], 4));
        ctx.println();
        ctx.println("a1 = ReLU(z1)");
        ctx.printf("a1 = %s%n", Fmt.vec(hidden.a()[0], 4));
        int zeroed = 0;
        for (double z : hidden.z()[0]) {
            zeroed += z < 0 ? 1 : 0;
        }
        ctx.printf("(Negative values zeroed out by ReLU: %d of %d)%n", zeroed, hidden.z()[0].length);

        ctx.println();
        ctx.println("--- Layer 2 (Output) ---");
        ctx.printf("W2 shape: %s%n", w2);
        printMatrix(ctx, "W2", mlp.layers().get(1).parameters().get("weight").toDoubleArray());
        ctx.println("z2 = W2 @ a1 + b2");
        ctx.printf("z2 = %s%n", Fmt.vec(output.z()[0], 4));
        ctx.println();
        ctx.println("a2 = Sigmoid(z2)");
        ctx.printf("a2 = %s%n", Fmt.vec(output.a()[0], 4));

        ctx.printf("%n%s%nFINAL OUTPUT: %s%n%s%n", rule, Fmt.vec(trace.output()[0], 4), rule);

        dimensionCheck(ctx, trace, w1, w2);
    }

    /** The traced network: W1 = randn(4, 3) * 0.5 then W2 = randn(2, 4) * 0.5 from one source, biases 0. */
    static Mlp network(TourContext ctx) {
        // W1 = randn(4, 3) * 0.5 then W2 = randn(2, 4) * 0.5 from one source, biases 0.
        return Mlp.builder().backend(ctx.backend()).dtype(ctx.dtype()).activations(ctx.activations())
                .seed(ctx.seedFor(123))
                .input(3)
                .dense(4, "relu", Initializers.normal(0.5))
                .dense(2, "sigmoid", Initializers.normal(0.5))
                .build();
    }

    /** Each shape, and whether each product's inner sizes agree and each output has the layer's width. */
    private static void dimensionCheck(TourContext ctx, ForwardTrace trace, Shape w1, Shape w2) {
        ForwardTrace.Step hidden = trace.steps().get(0);
        ForwardTrace.Step output = trace.steps().get(1);
        Shape x = shape(trace.input());
        Shape z1 = shape(hidden.z());
        Shape a1 = shape(hidden.a());
        Shape z2 = shape(output.z());
        Shape a2 = shape(output.a());
        ctx.println();
        ctx.println("--- Dimension Check ---   (Neurite: a batch is rows, so one input is a (1, n) row)");
        ctx.printf("x:  %-8s (input)%n", x);
        ctx.printf("W1: %-8s (layer 1 weights)%n", w1);
        ctx.printf("z1: %-8s (pre-activation 1)%n", z1);
        ctx.printf("a1: %-8s (post-activation 1)%n", a1);
        ctx.printf("W2: %-8s (layer 2 weights)%n", w2);
        ctx.printf("z2: %-8s (pre-activation 2)%n", z2);
        ctx.printf("a2: %-8s (final output)%n", a2);
        boolean ok1 = x.cols() == w1.cols() && z1.equals(Shape.of(x.rows(), w1.rows())) && a1.equals(z1);
        boolean ok2 = a1.cols() == w2.cols() && z2.equals(Shape.of(a1.rows(), w2.rows())) && a2.equals(z2);
        ctx.printf("x %s . W1^T %s -> z1 %s: %s%n", x, w1, z1, ok1 ? "OK" : "MISMATCH");
        ctx.printf("a1 %s . W2^T %s -> z2 %s: %s%n", a1, w2, z2, ok2 ? "OK" : "MISMATCH");
    }

    private static void printMatrix(TourContext ctx, String name, double[][] m) {
        for (int r = 0; r < m.length; r++) {
            ctx.printf("%s %s%n", r == 0 ? name + " =" : " ".repeat(name.length() + 2), Fmt.vec(m[r], 4));
        }
    }

    private static Shape shape(double[][] m) {
        return Shape.of(m.length, m.length == 0 ? 0 : m[0].length);
    }
}
