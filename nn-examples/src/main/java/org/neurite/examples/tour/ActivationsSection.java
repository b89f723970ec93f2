package org.neurite.examples.tour;

import java.awt.Color;
import java.util.List;

/**
 * "Activation Functions": every activation of the tutorial, found by name in the registry, plotted with
 * its derivative, with the tutorial's comparison figures and experiments, in the tutorial's order.
 * Activations this build does not register are skipped with a note.
 */
final class ActivationsSection implements Section {

    private static final Color PURPLE = new Color(0x800080);
    private static final Color GREEN = new Color(0x008000);

    @Override
    public String command() {
        return "activation-plots";
    }

    @Override
    public String title() {
        return "Activation functions";
    }

    @Override
    public Part part() {
        return Part.NEURON;
    }

    @Override
    public String description() {
        return "Each activation with its derivative, the side-by-side table, ReLU sparsity, dead neurons, SELU "
                + "statistics, GELU versus ReLU, softmax bars.";
    }

    @Override
    public void run(TourContext ctx) {
        Catalogue catalogue = new Catalogue(ctx);
        ActivationPlots plots = new ActivationPlots(ctx, catalogue);
        ActivationDemos demos = new ActivationDemos(ctx, catalogue);
        ctx.printf("Registered activations: %s%n", String.join(", ", ctx.activations().names()));

        part(ctx, "Sigmoid");
        plots.single("sigmoid", -6, 6);
        demos.sigmoidProbabilities();

        part(ctx, "Tanh");
        plots.single("tanh", -4, 4);
        demos.gradientComparison();

        part(ctx, "ReLU");
        plots.single("relu", -4, 4);
        demos.reluSparsity();

        part(ctx, "Leaky ReLU & PReLU");
        plots.single("leaky_relu", -4, 4);
        plots.single("prelu", -4, 4);
        plots.figure("leaky_relu_prelu.png", "Leaky ReLU for three slopes, and PReLU at its initial slope.", 1200,
                plots.compare("Leaky ReLU (various alpha)", -4, 4, List.of(
                        ActivationPlots.Line.of("leaky_relu(alpha=0.01)", "alpha=0.01", 0),
                        ActivationPlots.Line.of("leaky_relu(alpha=0.1)", "alpha=0.1", 1),
                        ActivationPlots.Line.of("leaky_relu(alpha=0.3)", "alpha=0.3", 2))),
                plots.compare("PReLU - learnable slope", -4, 4, List.of(
                        ActivationPlots.Line.of("prelu(alpha=0.25)", "PReLU (alpha=0.25 learned)", 0)
                                .styled(PURPLE, Charts.Style.SOLID, 2.5f))));
        demos.deadNeurons();

        part(ctx, "ELU & SELU");
        plots.single("elu", -4, 4);
        plots.single("selu", -4, 4);
        plots.figure("elu_selu.png", "ELU for three alphas, and SELU.", 1200,
                plots.compare("ELU (various alpha)", -4, 4, List.of(
                        ActivationPlots.Line.of("elu(alpha=0.5)", "ELU alpha=0.5", 0),
                        ActivationPlots.Line.of("elu(alpha=1.0)", "ELU alpha=1.0", 1),
                        ActivationPlots.Line.of("elu(alpha=2.0)", "ELU alpha=2.0", 2))),
                plots.compare("SELU - self-normalising", -4, 4, List.of(
                        ActivationPlots.Line.of("selu", "SELU", 0).styled(GREEN, Charts.Style.SOLID, 2.5f))));
        demos.seluStatistics();

        part(ctx, "GELU");
        plots.single("gelu", -4, 4);
        plots.single("gelu_tanh", -4, 4);
        plots.figure("gelu_vs_relu.png", "Exact GELU, its tanh approximation, and ReLU.", 900,
                plots.compare("GELU vs ReLU", -4, 4, List.of(
                        ActivationPlots.Line.of("gelu", "GELU (exact)", 0).styled(Charts.PALETTE[0],
                                Charts.Style.SOLID, 2.5f),
                        ActivationPlots.Line.of("gelu_tanh", "GELU (tanh approx)", 1).styled(Charts.PALETTE[1],
                                Charts.Style.DASHED, 2f),
                        ActivationPlots.Line.of("relu", "ReLU", 7).styled(Charts.GREY, Charts.Style.DOTTED, 1.5f))));
        demos.geluVersusRelu();

        part(ctx, "Swish / SiLU & Mish");
        plots.single("silu", -4, 6);
        plots.single("mish", -4, 6);
        plots.figure("swish_mish_relu.png", "Swish / SiLU and Mish against ReLU.", 1000,
                plots.compare("Swish / SiLU vs Mish vs ReLU", -4, 6, List.of(
                        ActivationPlots.Line.of("silu", "Swish / SiLU", 0).styled(Charts.PALETTE[0],
                                Charts.Style.SOLID, 2.5f),
                        ActivationPlots.Line.of("mish", "Mish", 1).styled(Charts.PALETTE[1], Charts.Style.DASHED, 2f),
                        ActivationPlots.Line.of("relu", "ReLU (reference)", 7).styled(Charts.GREY,
                                Charts.Style.DOTTED, 1.5f))));
        demos.swishGradient();

        part(ctx, "Softmax & Softplus");
        demos.softmax();
        plots.single("softplus", -4, 4);
        plots.figure("softplus_vs_relu.png", "Softplus, smooth at the kink, against ReLU.", 800,
                plots.compare("Softplus vs ReLU - Softplus is smooth at the kink", -4, 4, List.of(
                        ActivationPlots.Line.of("softplus", "Softplus", 0).styled(Charts.PALETTE[0],
                                Charts.Style.SOLID, 2.5f),
                        ActivationPlots.Line.of("relu", "ReLU", 7).styled(Charts.GREY, Charts.Style.DASHED, 2f))));
        demos.softplusAtLargeInputs();

        part(ctx, "Side by side");
        demos.sideBySide();
    }

    private static void part(TourContext ctx, String name) {
        ctx.printf("%n--- %s ---%n", name);
    }
}
