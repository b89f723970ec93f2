package org.neurite.examples.tour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.neurite.api.Activation;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Tensor;
import org.neurite.core.ActivationTable;

/**
 * The small experiments of the activation section, each printing what Neurite computes where the
 * tutorial prints (and sometimes mis-states in a comment) a number: probabilities, gradients, ReLU
 * sparsity, dead neurons, SELU's statistics, GELU against ReLU, softmax, softplus at large inputs, and the
 * side-by-side table.
 */
final class ActivationDemos {

    private static final double[] KEY_POINTS = {-3, -1, 0, 1, 3};

    /** The side-by-side table's rows, in the tutorial's order (both GELUs, and PReLU, added). */
    private static final List<String> TABLE = List.of("sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu",
            "selu", "gelu", "gelu_tanh", "silu", "mish", "softplus");

    private final TourContext ctx;
    private final Catalogue catalogue;
    private final Backend backend;
    private final DType dtype;

    ActivationDemos(TourContext ctx, Catalogue catalogue) {
        this.ctx = ctx;
        this.catalogue = catalogue;
        this.backend = ctx.backend();
        this.dtype = ctx.dtype();
    }

    /** The sigmoid as a probability, and its stability at +-1000. */
    void sigmoidProbabilities() {
        catalogue.find("sigmoid").ifPresent(sigmoid -> {
            // An activation maps a tensor into a caller-owned tensor of the same shape: here one (1, 5) row.
            Tensor scores = backend.fromRows(dtype, new double[][] {KEY_POINTS});
            Tensor p = backend.zeros(dtype, scores.shape());
            sigmoid.forward(scores, p);
            for (int i = 0; i < KEY_POINTS.length; i++) {
                ctx.printf("score=%+.1f -> P(positive)=%.3f%n", KEY_POINTS[i], p.get(0, i));
            }
            Tensor extreme = backend.fromRows(dtype, new double[][] {{-1000, 1000}});
            sigmoid.forward(extreme, extreme); // in place: an activation's out may be its z
            ctx.printf("sigmoid(-1000) = %s, sigmoid(+1000) = %s: finite, no overflow (the tutorial's first "
                    + "sigmoid, 1/(1+exp(-z)), computes exp(1000) and overflows)%n", extreme.get(0, 0),
                    extreme.get(0, 1));
        });
    }

    /** sigmoid' against tanh' at the key points. */
    void gradientComparison() {
        Optional<Activation> sigmoid = catalogue.find("sigmoid");
        Optional<Activation> tanh = catalogue.find("tanh");
        if (sigmoid.isEmpty() || tanh.isEmpty()) {
            return;
        }
        // Each activation's value and derivative (its own backward pass) at the points, on the tour's backend.
        ActivationTable table = ActivationTable.evaluate(ctx.activations(), backend, dtype, KEY_POINTS);
        double[] ds = table.entries().get(sigmoid.get().name()).derivative();
        double[] dt = table.entries().get(tanh.get().name()).derivative();
        for (int i = 0; i < KEY_POINTS.length; i++) {
            ctx.printf("z=%+d  sigmoid'=%.4f  tanh'=%.4f%n", (int) KEY_POINTS[i], ds[i], dt[i]);
        }
        ctx.printf("At z=0 tanh's gradient is %.1fx sigmoid's.%n", dt[2] / ds[2]);
    }

    /** The share of exact zeros after ReLU on a 1000 x 64 batch of N(0, 1), and the histograms. */
    void reluSparsity() {
        Optional<Activation> relu = catalogue.find("relu");
        if (relu.isEmpty()) {
            return;
        }
        double[] batch = Stats.randn(ctx.random(42), 1000 * 64);
        Tensor z = backend.zeros(dtype, 1000, 64);
        z.assign(batch); // row-major, as randn(1000, 64) fills it
        Tensor a = backend.zeros(dtype, z.shape());
        relu.get().forward(z, a);
        double[] out = new double[1000 * 64];
        a.copyTo(out);
        double sparsity = Stats.fractionZero(out);
        ctx.printf("Sparsity of ReLU activations: %s   (a 1000 x 64 batch of N(0, 1), java.util.Random(%d))%n",
                Fmt.percent(sparsity), ctx.seedFor(42));
        ctx.println("Sparse activations -> efficient representations (only relevant neurons fire)");
        JFreeChart before = Charts.histogram("Before ReLU: N(0, 1) pre-activations", "z", "count",
                List.of("z"), List.of(batch), 64, -4, 4);
        // The exact zeros are a series of their own: in one series they would share the bin [0, 0.125) with the
        // small positive outputs, and the tall bar would not be the zeros the title counts.
        double[] zeros = Arrays.stream(out).filter(v -> v == 0.0).toArray();
        double[] positive = Arrays.stream(out).filter(v -> v != 0.0).toArray();
        JFreeChart after = Charts.histogram("After ReLU: " + Fmt.percent(sparsity) + " exactly zero", "relu(z)",
                "count", List.of("relu(z) = 0 (" + zeros.length + ")", "relu(z) > 0 (" + positive.length + ")"),
                List.of(zeros, positive), 64, -4, 4);
        ctx.figure("relu_sparsity.png", "ReLU zeroes every negative pre-activation: half of a standard normal "
                + "batch becomes exactly 0 (the tall bar is those zeros alone; the positive outputs are a "
                + "series of their own).", Charts.render(1200, 400, before, after));
    }

    /** Dead neurons for inputs biased towards negative (randn - 1.5): ReLU against Leaky ReLU. */
    void deadNeurons() {
        Optional<Activation> relu = catalogue.find("relu");
        if (relu.isEmpty()) {
            return;
        }
        double[] z = Stats.randn(ctx.random(0), 10_000);
        for (int i = 0; i < z.length; i++) {
            z[i] -= 1.5;
        }
        Tensor zt = backend.fromRows(dtype, new double[][] {z});
        Tensor a = backend.zeros(dtype, zt.shape());
        relu.get().forward(zt, a);
        double reluDead = Stats.fractionZero(a.toDoubleArray()[0]);
        ctx.printf("ReLU dead neurons: %s   (z = randn(10000) - 1.5, java.util.Random(%d); the tutorial's comment "
                + "says ~82%%)%n", Fmt.percent(reluDead), ctx.seedFor(0));
        List<String> names = new ArrayList<>(List.of("ReLU"));
        List<Double> dead = new ArrayList<>(List.of(100 * reluDead));
        catalogue.find("leaky_relu(alpha=0.01)").ifPresent(leaky -> {
            leaky.forward(zt, a); // the same tensors again: the caller owns the output and reuses it
            double leakyDead = Stats.fractionZero(a.toDoubleArray()[0]);
            ctx.printf("Leaky ReLU dead neurons: %s   (alpha=0.01: the leak keeps every output non-zero)%n",
                    Fmt.percent(leakyDead));
            names.add("Leaky ReLU (alpha=0.01)");
            dead.add(100 * leakyDead);
        });
        ctx.figure("dead_neurons.png", "Outputs exactly zero (no gradient) for inputs biased to negative.",
                Charts.render(800, 400, Charts.bars("Dead Neurons for z = randn - 1.5", "activation",
                        "% of outputs exactly 0", names, dead.stream().mapToDouble(Double::doubleValue).toArray(),
                        "0.0'%'")));
    }

    /** SELU on N(0, 1) input: mean and standard deviation before and after. */
    void seluStatistics() {
        catalogue.find("selu").ifPresent(selu -> {
            double[] x = Stats.randn(ctx.random(42), 10_000);
            Tensor z = backend.fromRows(dtype, new double[][] {x});
            Tensor a = backend.zeros(dtype, z.shape());
            selu.forward(z, a);
            double[] y = a.toDoubleArray()[0];
            ctx.printf("Input: mean=%.4f, std=%.4f   (randn(10000), java.util.Random(%d))%n", Stats.mean(x),
                    Stats.std(x), ctx.seedFor(42));
            ctx.printf("SELU: mean=%.4f, std=%.4f   (the tutorial's comment says mean~-0.08, std~0.96)%n",
                    Stats.mean(y), Stats.std(y));
        });
    }

    /** Exact GELU, its tanh approximation and ReLU at a few points. */
    void geluVersusRelu() {
        Optional<Activation> gelu = catalogue.find("gelu");
        Optional<Activation> relu = catalogue.find("relu");
        if (gelu.isEmpty() || relu.isEmpty()) {
            return;
        }
        Optional<Activation> approx = catalogue.find("gelu_tanh");
        double[] points = {-2, -0.5, 0, 0.5, 2};
        Tensor z = backend.fromRows(dtype, new double[][] {points});
        Tensor g = backend.zeros(dtype, z.shape());
        Tensor t = backend.zeros(dtype, z.shape());
        Tensor r = backend.zeros(dtype, z.shape());
        gelu.get().forward(z, g);
        approx.ifPresent(a -> a.forward(z, t));
        relu.get().forward(z, r);
        for (int i = 0; i < points.length; i++) {
            ctx.printf("z=%+.1f GELU=%+.4f %sReLU=%.4f%n", points[i], g.get(0, i), approx.isEmpty() ? ""
                    : String.format(Locale.ROOT, "GELU(tanh)=%+.4f ", t.get(0, i)), r.get(0, i));
        }
        ctx.println("GELU leaks a slight negative signal below 0 and gates down small positives.");
    }

    /** The derivative of Swish / SiLU at key points. */
    void swishGradient() {
        catalogue.find("silu").ifPresent(silu -> {
            double[] z = {-2, -0.5, 0, 1, 3};
            double[] d = ActivationTable.evaluate(ctx.activations(), backend, dtype, z).entries().get(silu.name())
                    .derivative();
            ctx.println("Swish gradient at key points:");
            for (int i = 0; i < z.length; i++) {
                ctx.printf("  z=%+.1f swish'=%+.4f%n", z[i], d[i]);
            }
        });
    }

    /** Softmax of five logits, row-wise on a (1, 5) tensor, as text bars and a bar chart. */
    void softmax() {
        catalogue.find("softmax").ifPresent(softmax -> {
            double[] logits = {2.0, 1.0, 0.1, -0.5, 3.5};
            // Softmax works on rows: each row of the (1, 5) batch becomes a probability distribution.
            Tensor z = backend.fromRows(dtype, new double[][] {logits});
            Tensor probabilities = backend.zeros(dtype, z.shape());
            softmax.forward(z, probabilities);
            double[] p = probabilities.toDoubleArray()[0];
            ctx.println("Logits -> Softmax probabilities:");
            List<String> classes = new ArrayList<>();
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                ctx.printf("  Class %d: logit=%+.1f P=%.3f %s%n", i, logits[i], p[i], "#".repeat((int) (p[i] * 40)));
                classes.add("Class " + i + " (" + logits[i] + ")");
                sum += p[i];
            }
            ctx.printf("  Sum = %.6f%n", sum);
            ctx.figure("softmax_probabilities.png", "Softmax turns five logits into probabilities that sum to 1.",
                    Charts.render(800, 400, Charts.bars("Softmax of logits [2.0, 1.0, 0.1, -0.5, 3.5]",
                            "class (logit)", "probability", classes, p, "0.000")));
        });
    }

    /** Softplus where the tutorial's clipped version goes wrong. */
    void softplusAtLargeInputs() {
        catalogue.find("softplus").ifPresent(softplus -> {
            Tensor z = backend.fromRows(dtype, new double[][] {{-100, 20, 100, 1000}});
            Tensor a = backend.zeros(dtype, z.shape());
            softplus.forward(z, a);
            double[] y = a.toDoubleArray()[0];
            ctx.printf("softplus(-100) = %.4g, softplus(20) = %.4f,%nsoftplus(100) = %.4f, softplus(1000) = %.4f%n",
                    y[0], y[1], y[2], y[3]);
            ctx.println("(the tutorial's softplus clips z at 20, so it returns about 20 for both 100 and 1000)");
        });
    }

    /** The tutorial's table: every activation at z = -3, -1, 0, 1, 3, then any other element-wise one registered. */
    void sideBySide() {
        ctx.printf("%-30s", "Function");
        for (double v : KEY_POINTS) {
            ctx.printf(" %8s", String.format(Locale.ROOT, "z=%+.0f", v));
        }
        ctx.println();
        ctx.println("-".repeat(30 + 9 * KEY_POINTS.length));
        // One input row and one output row, reused by every activation.
        Tensor z = backend.fromRows(dtype, new double[][] {KEY_POINTS});
        Tensor a = backend.zeros(dtype, z.shape());
        for (String name : TABLE) {
            catalogue.find(name).ifPresent(f -> tableRow(f, z, a));
        }
        ctx.activations().factories().forEach((name, factory) -> {
            if (!TABLE.contains(name) && !name.equals("linear") && factory.elementwise()) {
                tableRow(ctx.activations().get(name), z, a);
            }
        });
    }

    private void tableRow(Activation f, Tensor z, Tensor a) {
        f.forward(z, a);
        ctx.printf("%-30s", Catalogue.displayWithParameters(f));
        for (int i = 0; i < a.cols(); i++) {
            ctx.printf(" %+8.3f", a.get(0, i));
        }
        ctx.println();
    }
}
