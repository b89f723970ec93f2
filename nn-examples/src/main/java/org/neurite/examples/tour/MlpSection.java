package org.neurite.examples.tour;

import org.neurite.core.Mlp;
import org.neurite.core.init.Initializers;

/**
 * "Putting It Together: Multi-Layer Perceptron": the tutorial's [2, 4, 3, 1] network, its summary and its
 * (untrained, random) outputs on the four XOR inputs.
 */
final class MlpSection implements Section {

    @Override
    public String command() {
        return "mlp";
    }

    @Override
    public String title() {
        return "Putting it together: the multi-layer perceptron";
    }

    @Override
    public Part part() {
        return Part.NETWORK;
    }

    @Override
    public String description() {
        return "The [2, 4, 3, 1] MLP's summary and its outputs on the XOR inputs.";
    }

    @Override
    public void run(TourContext ctx) {
        // The tutorial's MLP([2, 4, 3, 1]): ReLU hidden layers, a sigmoid output, weights drawn in order from
        // one seeded source with the tutorial's scheme (TutorialMlp.INIT_NOTE), biases 0.
        Mlp mlp = Mlp.builder().backend(ctx.backend()).dtype(ctx.dtype()).activations(ctx.activations())
                .seed(ctx.seedFor(42))
                .input(2)
                .dense(4, "relu", Initializers.heNormal())
                .dense(3, "relu", Initializers.heNormal())
                .dense(1, "sigmoid", Initializers.lecunNormal())
                .build();
        ctx.out().print(mlp.summary());
        ctx.println(TutorialMlp.INIT_NOTE);
        ctx.println();
        ctx.println("=== Forward Pass on XOR Data ===");
        double[][] y = mlp.predict(XorSection.INPUTS); // one row per input
        for (int i = 0; i < y.length; i++) {
            ctx.printf("Input: %s -> Output: %.4f%n", Fmt.ints(XorSection.INPUTS[i]), y[i][0]);
        }
        ctx.println();
        ctx.println("Note: Outputs are random (untrained network).");
        ctx.printf("The README's quick start builds [2, 4, 3, 1] with seed 42 too and prints other outputs: it "
                + "takes Neurite's default initialisers (He normal for ReLU, but Xavier normal, not the "
                + "tutorial's randn*sqrt(1/n_in), for the sigmoid layer), so the output layer's weights "
                + "differ%s.%n", ctx.seedFor(42) == 42 ? "" : ", and this run's seed is " + ctx.seedFor(42));
        ctx.println("After training (Part 3), this will solve XOR correctly!");
    }
}
