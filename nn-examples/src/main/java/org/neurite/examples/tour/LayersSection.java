package org.neurite.examples.tour;

import java.util.Random;
import org.neurite.api.Backend;
import org.neurite.api.Tensor;
import org.neurite.core.DenseLayer;
import org.neurite.core.init.Initializers;

/**
 * "Implementing a Dense Layer": two stand-alone {@link DenseLayer}s, 3 -> 4 (ReLU) and 4 -> 2 (sigmoid),
 * their shapes and parameter counts, and one forward pass through both on tensors.
 */
final class LayersSection implements Section {

    private static final double[] X = {1.0, 0.5, -0.3};

    @Override
    public String command() {
        return "layers";
    }

    @Override
    public String title() {
        return "Layers: a dense layer";
    }

    @Override
    public Part part() {
        return Part.NETWORK;
    }

    @Override
    public String description() {
        return "Two dense layers' shapes and parameters, and a forward pass through both.";
    }

    @Override
    public void run(TourContext ctx) {
        Random random = ctx.random(42);
        DenseLayer layer1 = layer(ctx, "layer 1", 3, 4, "relu", random);
        DenseLayer layer2 = layer(ctx, "layer 2", 4, 2, "sigmoid", random);

        ctx.println("=== Layer Architecture ===");
        describe(ctx, 1, layer1);
        ctx.println();
        describe(ctx, 2, layer2);
        ctx.println("(Weights are randn * sqrt(2 / n_in): He (Kaiming) normal; the tutorial's comment calls it "
                + "Xavier. Neurite's bias is a (1, n) row, added to every row of a batch.)");

        // One input is a (1, 3) batch; each layer writes its z and a into tensors the caller owns.
        Backend backend = ctx.backend();
        Tensor x = backend.fromRows(ctx.dtype(), new double[][] {X});
        Tensor z1 = backend.zeros(ctx.dtype(), 1, layer1.outputSize());
        Tensor h = backend.zeros(ctx.dtype(), 1, layer1.outputSize());
        Tensor z2 = backend.zeros(ctx.dtype(), 1, layer2.outputSize());
        Tensor y = backend.zeros(ctx.dtype(), 1, layer2.outputSize());
        layer1.forward(x, z1, h);
        layer2.forward(h, z2, y);

        ctx.println();
        ctx.println("=== Forward Pass ===");
        ctx.printf("Input: %s%n", Fmt.vec(X, 1));
        ctx.printf("After Layer 1: %s (ReLU applied)%n", Fmt.vec(h.toDoubleArray()[0], 4));
        ctx.printf("After Layer 2: %s (Sigmoid applied)%n", Fmt.vec(y.toDoubleArray()[0], 4));
        ctx.printf("%nTotal network parameters: %d%n", layer1.parameterCount() + layer2.parameterCount());
    }

    /** The tutorial's {@code DenseLayer(n_inputs, n_neurons)}: weights randn * sqrt(2 / n_in), biases 0. */
    private static DenseLayer layer(TourContext ctx, String label, int in, int out, String activation,
                                    Random random) {
        double[] flat = new double[out * in];
        Initializers.heNormal().fill(flat, in, out, random);
        double[][] w = new double[out][];
        for (int r = 0; r < out; r++) {
            w[r] = java.util.Arrays.copyOfRange(flat, r * in, (r + 1) * in);
        }
        return DenseLayer.of(label, ctx.backend(), ctx.dtype(), w, new double[out],
                ctx.activations().get(activation));
    }

    private static void describe(TourContext ctx, int number, DenseLayer layer) {
        ctx.printf("Layer %d: %s(inputs=%d, neurons=%d, activation='%s')%n", number, layer.kind(),
                layer.inputSize(), layer.outputSize(), layer.activation().spec());
        ctx.printf("  Weights shape: %s%n", layer.weight().shape());
        ctx.printf("  Biases shape: %s%n", layer.bias().shape());
        ctx.printf("  Total params: %d%n", layer.parameterCount());
    }
}
