package org.neurite.examples.tour;

import org.neurite.core.Mlp;
import org.neurite.core.init.Initializers;

/**
 * "Testing the MLP on Simple Data": the untrained [2, 8, 4, 1] network's output over an 80 x 80 grid,
 * computed as one batch of 6,400 inputs.
 */
final class LandscapeSection implements Section {

    @Override
    public String command() {
        return "landscape";
    }

    @Override
    public String title() {
        return "The untrained MLP's decision landscape";
    }

    @Override
    public Part part() {
        return Part.NETWORK;
    }

    @Override
    public String description() {
        return "The untrained [2, 8, 4, 1] network's output on an 80x80 grid (mlp_decision_landscape.png).";
    }

    @Override
    public void run(TourContext ctx) {
        Mlp mlp = Mlp.builder().backend(ctx.backend()).dtype(ctx.dtype()).activations(ctx.activations())
                .seed(ctx.seedFor(7))
                .input(2)
                .dense(8, "relu", Initializers.heNormal())
                .dense(4, "relu", Initializers.heNormal())
                .dense(1, "sigmoid", Initializers.lecunNormal())
                .build();
        // The 80 x 80 grid as one batch of 6400 inputs, traced to see every hidden unit's on/off pattern too.
        Grid grid = Grid.square(-3, 3, 80);
        Landscape landscape = Landscape.of(grid, mlp.trace(grid.points()));
        ctx.figure("mlp_decision_landscape.png", "The untrained network's output over the input plane: "
                + "piecewise-linear regions bent by ReLU.", Charts.render(800, 600,
                landscape.chart("MLP Decision Landscape (Untrained, Random Weights)", "Network Output (Sigmoid)")));
        ctx.println("=== Untrained MLP Decision Landscape ===");
        ctx.println("Even with random weights, the network creates");
        ctx.println("NON-LINEAR boundaries thanks to ReLU activations.");
        ctx.printf("%nNetwork: 2 -> 8 -> 4 -> 1   (java.util.Random(%d))%n", ctx.seedFor(7));
        ctx.println(TutorialMlp.INIT_NOTE);
        ctx.printf("Total parameters: %d%n", mlp.parameterCount());
        ctx.printf("Output range: [%.4f, %.4f]%n", landscape.min(), landscape.max());
        ctx.printf("Linear regions seen on the grid (distinct ReLU on/off patterns): %d%n", landscape.regions());
        ctx.println();
        ctx.println("The piecewise-linear regions are ReLU boundaries.");
        ctx.println("Training will adjust these to match the target function.");
    }
}
