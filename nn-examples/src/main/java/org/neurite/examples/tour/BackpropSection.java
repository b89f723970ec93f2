package org.neurite.examples.tour;

import java.util.ArrayList;
import java.util.List;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Loss;
import org.neurite.api.Losses;
import org.neurite.api.Tensor;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.TrainingWorkspace;
import org.neurite.core.Workspace;

/**
 * Part 3, "Backpropagation": the forward trace's network, {@code 3 -> 4 (ReLU) -> 2 (sigmoid)}, seed 123,
 * input {@code [1.0, 0.5, -0.8]}, target {@code [1, 0]} under {@code bce}; one backward pass traced layer
 * by layer with {@link Layer#backward} (every {@code dL/da}, {@code dL/dz}, {@code dL/dW}, {@code dL/db} and
 * its shape), the same gradients from {@link Mlp#backward(TrainingWorkspace)}, and each parameter checked
 * against central finite differences of the loss.
 */
final class BackpropSection implements Section {

    static final double[] X = {1.0, 0.5, -0.8};
    /** The target: the first output should say yes, the second no. */
    static final double[] TARGET = {1, 0};
    static final String LOSS = "bce";

    @Override
    public String command() {
        return "backprop";
    }

    @Override
    public String title() {
        return "Backpropagation, step by step";
    }

    @Override
    public String description() {
        return "One backward pass through the trace's network, every gradient and shape, checked against "
                + "finite differences.";
    }

    @Override
    public void run(TourContext ctx) {
        Mlp mlp = TraceSection.network(ctx);   // W1 = randn(4, 3) * 0.5, W2 = randn(2, 4) * 0.5, biases 0
        Loss loss = Losses.discover().get(LOSS);
        Backend backend = mlp.backend();
        DType dtype = mlp.dtype();

        // Forward, keeping every z and a in the training workspace.
        TrainingWorkspace ws = mlp.trainingWorkspace(1);
        ws.input().assign(X);
        mlp.forward(ws.forward());
        Workspace fw = ws.forward();
        double[] a2 = values(fw.output(1));
        double[] dA2 = new double[2];
        double value = loss.evaluate(a2, TARGET, 1, 2, 2, dA2);

        String rule = "=".repeat(60);
        ctx.println(rule);
        ctx.println("BACKPROPAGATION: Step-by-Step Trace");
        ctx.println(rule);
        ctx.printf("%nNetwork: 3 -> 4 (ReLU) -> 2 (Sigmoid)   (the forward trace's, java.util.Random(%d))%n",
                ctx.seedFor(123));
        ctx.printf("Input x = %s, target y = %s, loss %s (the mean over the 2 outputs)%n", Fmt.vec(X, 1),
                Fmt.ints(TARGET), loss.spec());
        ctx.printf("Forward: z1 = %s, a1 = %s%n", Fmt.vec(values(fw.preActivation(0)), 4), Fmt.vec(values(fw.output(0)), 4));
        ctx.printf("         z2 = %s, a2 = %s%n", Fmt.vec(values(fw.preActivation(1)), 4), Fmt.vec(a2, 6));
        ctx.printf("Loss L = %.6f%n", value);

        // Backward, one layer at a time: Layer.backward turns dL/da into dL/dz in place, adds dL/dW and dL/db
        // to the buffers it is given, and writes dL/da of the layer below.
        Layer hidden = mlp.layers().get(0);
        Layer output = mlp.layers().get(1);
        Tensor grad2 = tensor(backend, dtype, 1, 2, dA2);
        Tensor grad1 = backend.zeros(dtype, 1, 4);
        List<Tensor> outputGrads = zerosLike(backend, output);
        List<Tensor> hiddenGrads = zerosLike(backend, hidden);

        ctx.println();
        ctx.println("--- Layer 2 (Output) ---");
        print(ctx, "dL/da2", grad2, "bce: (a2 - y) / (a2 (1 - a2)) / 2");
        output.backward(fw.output(0), fw.preActivation(1), fw.output(1), grad2, grad1, outputGrads);
        print(ctx, "dL/dz2", grad2, "dL/da2 * sigmoid'(z2), which is (a2 - y) / 2");
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            expected[i] = (a2[i] - TARGET[i]) / 2;
        }
        ctx.printf("%8s   (a2 - y) / 2 = %s: the sigmoid's derivative cancels bce's denominator%n", "",
                Fmt.vec(expected, 6));
        print(ctx, "dL/dW2", outputGrads.get(0), "dL/dz2^T . a1");
        print(ctx, "dL/db2", outputGrads.get(1), "dL/dz2 summed over the batch");
        print(ctx, "dL/da1", grad1, "dL/dz2 . W2");

        ctx.println();
        ctx.println("--- Layer 1 (Hidden) ---");
        hidden.backward(fw.input(), fw.preActivation(0), fw.output(0), grad1, null, hiddenGrads);
        print(ctx, "dL/dz1", grad1, "dL/da1 * relu'(z1): 0 where z1 < 0");
        print(ctx, "dL/dW1", hiddenGrads.get(0), "dL/dz1^T . x");
        print(ctx, "dL/db1", hiddenGrads.get(1), "dL/dz1 summed over the batch");

        // The same pass as training runs it: Mlp.backward through the whole network.
        List<Tensor> layerByLayer = new ArrayList<>(hiddenGrads);
        layerByLayer.addAll(outputGrads);
        ws.zeroGradients();
        ws.outputGradient().assign(dA2);
        mlp.backward(ws);
        double same = 0;
        for (int i = 0; i < layerByLayer.size(); i++) {
            same = Math.max(same, maxDifference(values(layerByLayer.get(i)), values(ws.gradient(i))));
        }
        ctx.printf("%nMlp.backward(workspace) gives the same gradients: largest difference %.1e%n", same);

        gradientCheck(ctx, mlp, loss, ws);
    }

    /**
     * Each parameter's gradient against central differences of the loss, {@code (L(θ + h) - L(θ - h)) / 2h}
     * per element, with the model's own forward pass; the parameters are put back after each probe.
     */
    private static void gradientCheck(TourContext ctx, Mlp mlp, Loss loss, TrainingWorkspace ws) {
        // Rounding error of the loss over h against the h^2 truncation error: about cbrt(epsilon) each.
        double h = mlp.dtype() == DType.FLOAT64 ? 1e-5 : 1e-2;
        ctx.printf("%n--- Gradient check: central differences, h = %.0e ---%n", h);
        ctx.printf("%-16s %-8s %14s %24s%n", "parameter", "shape", "max |gradient|", "max |backprop - diff|");
        List<Parameter> parameters = mlp.parameters();
        double worst = 0;
        for (int i = 0; i < parameters.size(); i++) {
            Tensor t = parameters.get(i).tensor();
            Tensor backprop = ws.gradient(i);
            double largest = 0;
            double diff = 0;
            for (int r = 0; r < t.rows(); r++) {
                for (int c = 0; c < t.cols(); c++) {
                    double original = t.get(r, c);
                    t.set(r, c, original + h);
                    double up = lossAt(mlp, loss);
                    t.set(r, c, original - h);
                    double down = lossAt(mlp, loss);
                    t.set(r, c, original);
                    double numeric = (up - down) / (2 * h);
                    largest = Math.max(largest, Math.abs(backprop.get(r, c)));
                    diff = Math.max(diff, Math.abs(backprop.get(r, c) - numeric));
                }
            }
            worst = Math.max(worst, diff);
            ctx.printf("%-16s %-8s %14.6f %24.2e%n", parameters.get(i).name(), t.shape(), largest, diff);
        }
        ctx.printf("Largest difference over all %d parameters: %.2e, the differences' own error (h^2 and rounding):%n",
                mlp.parameterCount(), worst);
        ctx.println("backpropagation is the chain rule, applied layer by layer from the loss back to the input.");
    }

    private static double lossAt(Mlp mlp, Loss loss) {
        return loss.evaluate(mlp.predict(X), TARGET, 1, 2, 2, null);
    }

    private static void print(TourContext ctx, String name, Tensor t, String how) {
        double[][] m = t.toDoubleArray();
        for (int r = 0; r < m.length; r++) {
            String head = r == 0 ? String.format(java.util.Locale.ROOT, "%s %-6s =", name, t.shape())
                    : " ".repeat(name.length() + 9);
            ctx.printf("%s %s%s%n", head, Fmt.vec(m[r], 6), r == 0 ? "   (" + how + ")" : "");
        }
    }

    private static List<Tensor> zerosLike(Backend backend, Layer layer) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : layer.parameters().values()) {
            grads.add(backend.zeros(p.dtype(), p.shape()));
        }
        return grads;
    }

    private static Tensor tensor(Backend backend, DType dtype, int rows, int cols, double[] values) {
        Tensor t = backend.zeros(dtype, rows, cols);
        t.assign(values);
        return t;
    }

    private static double[] values(Tensor t) {
        double[] v = new double[t.rows() * t.cols()];
        t.copyTo(v);
        return v;
    }

    private static double maxDifference(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
