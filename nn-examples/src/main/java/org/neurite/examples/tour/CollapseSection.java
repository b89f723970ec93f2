package org.neurite.examples.tour;

import org.neurite.api.Backend;
import org.neurite.api.Tensor;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;

/**
 * "The Linear Collapse Proof": five linear layers run as a Neurite MLP, against the single matrix
 * {@code W5·W4·W3·W2·W1} multiplied out on the backend and run as a one-layer MLP.
 */
final class CollapseSection implements Section {

    private static final int INPUT = 4;
    private static final int HIDDEN = 8;
    private static final int OUTPUT = 2;

    @Override
    public String command() {
        return "collapse";
    }

    @Override
    public String title() {
        return "Why non-linearity matters: the linear collapse";
    }

    @Override
    public Part part() {
        return Part.NEURON;
    }

    @Override
    public String description() {
        return "Five linear layers against their single combined matrix, with the largest difference.";
    }

    @Override
    public void run(TourContext ctx) {
        java.util.Random random = ctx.random(42);
        int[] sizes = {INPUT, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OUTPUT};
        double[][][] w = new double[5][][];
        for (int i = 0; i < 5; i++) {
            w[i] = Stats.randn(random, sizes[i + 1], sizes[i]);
        }
        double[] x = Stats.randn(random, INPUT);

        // Five layers without activation (linear, bias 0), as the tutorial's W5 @ (W4 @ (... W1 @ x)).
        MlpBuilder deepBuilder = Mlp.builder().backend(ctx.backend()).dtype(ctx.dtype())
                .activations(ctx.activations()).input(INPUT);
        for (double[][] wi : w) {
            deepBuilder.dense("linear", wi, new double[wi.length]);
        }
        Mlp fiveLayers = deepBuilder.build();
        double[] deep = fiveLayers.predict(x);

        // W_combined = W5 @ W4 @ W3 @ W2 @ W1, multiplied on the backend.
        Backend backend = ctx.backend();
        Tensor combined = backend.fromRows(ctx.dtype(), w[0]);
        for (int i = 1; i < 5; i++) {
            Tensor next = backend.zeros(ctx.dtype(), w[i].length, combined.cols());
            backend.matmul(backend.fromRows(ctx.dtype(), w[i]), false, combined, false, next);
            combined = next;
        }
        Mlp single = Mlp.builder().backend(ctx.backend()).dtype(ctx.dtype()).activations(ctx.activations())
                .input(INPUT).dense("linear", combined.toDoubleArray(), new double[OUTPUT]).build();
        double[] one = single.predict(x);

        double diff = 0;
        double scale = 0;
        for (int i = 0; i < OUTPUT; i++) {
            diff = Math.max(diff, Math.abs(deep[i] - one[i]));
            scale = Math.max(scale, Math.abs(deep[i]));
        }
        ctx.println("=== Linear Collapse Demonstration ===");
        ctx.printf("%n5-layer output: %s%n", Fmt.vec(deep, 8));
        ctx.printf("1-layer output: %s%n", Fmt.vec(one, 8));
        ctx.printf("%nDifference: %.2e   (largest |difference|; relative to the output's size: %.1e, %s)%n",
                diff, diff / scale, ctx.dtype());
        ctx.println("(Effectively zero - just floating point noise)");
        ctx.println();
        ctx.println("--- Conclusion ---");
        ctx.printf("5 layers (%dx%dx%dx%dx%dx%d)%n", INPUT, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OUTPUT);
        ctx.printf(" = 1 layer (%dx%d)%n", INPUT, OUTPUT);
        ctx.printf("%nW_combined shape: %s%n", combined.shape());
        ctx.println("Without activation, depth is MEANINGLESS!");
        ctx.println("You cannot learn XOR, circles, or any non-linear pattern.");
    }
}
