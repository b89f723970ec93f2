package org.neurite.examples.tour;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleAnchor;
import org.neurite.core.ForwardTrace;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.data.Dataset;
import org.neurite.core.data.Datasets;
import org.neurite.core.train.History;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingResult;

/**
 * Part 3's promise kept: the tutorial's {@code [2, 4, 3, 1]} network trained on XOR with Neurite's
 * {@link Trainer}, its loss curve, its landscape before and after, its learned hidden space, and how often
 * training from a random start solves XOR at all, against a wider network.
 */
final class TrainXorSection implements Section {

    /** A network solves XOR when every output is within this of its target. */
    static final double TOLERANCE = 0.1;
    /** Seeds tried, from the tour's, before the section gives up on finding one that solves XOR. */
    static final int MAX_TRIES = 20;
    /** Seeds in the share of seeds that solve XOR. */
    static final int SEEDS = 100;
    /** The tutorial's network and a wider one, both ReLU hidden layers and a sigmoid output. */
    static final int[][] ARCHITECTURES = {{2, 4, 3, 1}, {2, 16, 16, 1}};
    private static final List<String> CLASS_NAMES = List.of("target 0", "target 1");

    @Override
    public String command() {
        return "train-xor";
    }

    @Override
    public String title() {
        return "Training the [2, 4, 3, 1] network on XOR";
    }

    @Override
    public String description() {
        return "Trains the tutorial's XOR network: loss curve, landscape before and after, hidden space, and the "
                + "share of 100 seeds that solve XOR against [2, 16, 16, 1] (train_xor_*.png).";
    }

    /** The trainer of this section: full-batch Adam on the four points, binary cross-entropy. */
    static Trainer trainer() {
        return Trainer.builder().loss("bce").optimizer("adam(lr=0.05)").batchSize(4).epochs(500).shuffle(false)
                .build();
    }

    /** True if every output is within {@link #TOLERANCE} of its XOR target. */
    static boolean solves(Mlp model, Dataset xor) {
        double[][] y = model.predict(xor.features());
        for (int i = 0; i < y.length; i++) {
            if (Math.abs(y[i][0] - xor.label(i)) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /** ReLU hidden layers of {@code sizes[1..n-2]} units and a sigmoid output, Neurite's default initialisation. */
    static Mlp classifier(MlpBuilder builder, long seed, int... sizes) {
        MlpBuilder b = builder.input(sizes[0]).seed(seed);
        for (int i = 1; i < sizes.length - 1; i++) {
            b.dense(sizes[i], "relu");
        }
        return b.dense(sizes[sizes.length - 1], "sigmoid").build();
    }

    @Override
    public void run(TourContext ctx) {
        Dataset xor = Datasets.xor();
        Trainer trainer = trainer();
        ctx.println("=== Training [2, 4, 3, 1] on XOR ===");
        ctx.println("ReLU, ReLU, sigmoid; Neurite's default initialisation; binary cross-entropy; Adam (lr 0.05)");
        ctx.println("on the full batch of the 4 points, 500 epochs. Solved = every output within 0.1 of its target.");
        ctx.println();

        // Train until it solves XOR: a seed whose start does not lead there is reported, and the next one tried.
        Mlp untrained = null;
        TrainingResult result = null;
        long seed = ctx.seedFor(42);
        for (int tries = 0; result == null || !solves(result.model(), xor); tries++, seed++) {
            if (tries == MAX_TRIES) {
                throw new IllegalStateException("train-xor: no seed of " + ctx.seedFor(42) + ".." + (seed - 1)
                        + " solved XOR in 500 epochs");
            }
            untrained = ctx.mlp().input(2).dense(4, "relu").dense(3, "relu").dense(1, "sigmoid").seed(seed).build();
            result = trainer.fit(untrained, xor);
            ctx.printf("seed %d: outputs %s -> %s%n", seed, Fmt.vec(column(result.model().predict(xor.features())), 4),
                    solves(result.model(), xor) ? "solved" : "not solved");
        }
        Mlp trained = result.model();
        History history = result.history();
        ctx.printf("%nParameters: %d. Loss (binary cross-entropy) by epoch:%n", trained.parameterCount());
        for (int epoch : new int[] {1, 10, 50, 100, 200, 300, 400, 500}) {
            ctx.printf("  epoch %3d: %.6f%n", epoch, history.epochs().get(epoch - 1).trainLoss());
        }
        ctx.println();
        ctx.printf("%-10s %-7s %-18s %s%n", "Input", "Target", "Before training", "After training");
        double[][] before = untrained.predict(xor.features());
        double[][] after = trained.predict(xor.features());
        for (int i = 0; i < xor.size(); i++) {
            ctx.printf("%-10s %-7d %-18s %.4f%n", Fmt.ints(xor.features(i)), xor.label(i), Fmt.num(before[i][0], 4),
                    after[i][0]);
        }

        lossFigure(ctx, history);
        landscapeFigure(ctx, xor, untrained, trained);
        hiddenSpaceFigure(ctx, xor, trained);
        seedShares(ctx, xor, trainer);
    }

    private static void lossFigure(TourContext ctx, History history) {
        JFreeChart loss = Charts.lines("Training Loss on XOR, [2, 4, 3, 1]", "Epoch", "Binary cross-entropy",
                TrainingCharts.curves("", history, TrainingCharts.Metric.LOSS, 0), RectangleAnchor.TOP_RIGHT);
        ctx.figure("train_xor_loss.png", "The loss of the four points, epoch by epoch (full batch: one step per "
                + "epoch).", Charts.render(800, 500, loss));
    }

    private static void landscapeFigure(TourContext ctx, Dataset xor, Mlp untrained, Mlp trained) {
        Grid grid = Grid.square(-0.5, 1.5, 81);
        Landscape start = Landscape.of(grid, untrained.trace(grid.points()));
        Landscape end = Landscape.of(grid, trained.trace(grid.points()));
        ctx.printf("%nLandscape on [-0.5, 1.5]^2: output range before [%.4f, %.4f] (%d linear regions), after "
                + "[%.4f, %.4f] (%d linear regions).%n", start.min(), start.max(), start.regions(), end.min(),
                end.max(), end.regions());
        // Both panels on the probability scale [0, 1], so that one colour is one output in both.
        List<Charts.Points> points = TrainingCharts.byClass(xor.features(), xor.labels(), CLASS_NAMES,
                TrainingCharts.CLASS_COLOURS);
        JFreeChart left = TrainingCharts.withPoints(start.chart("Before Training", "Network Output (Sigmoid)", 0, 1),
                points, 16, RectangleAnchor.TOP_RIGHT);
        JFreeChart right = TrainingCharts.withPoints(end.chart("After Training", "Network Output (Sigmoid)", 0, 1),
                points, 16, RectangleAnchor.TOP_RIGHT);
        ctx.figure("train_xor_landscapes.png", "The network's output over the plane before and after training, on "
                + "one colour scale [0, 1]: the trained network puts the class-1 corners high and the class-0 "
                + "corners low. The dots have their class's colour on that scale (0 dark blue, 1 dark red), so they "
                + "blend into the map where the network is right.", Charts.render(1600, 600, left, right));
    }

    private static void hiddenSpaceFigure(TourContext ctx, Dataset xor, Mlp trained) {
        HiddenSpace hs = HiddenSpace.of(trained, xor.features());
        ctx.printf("%nLast hidden layer (3 ReLU units) after training, and the output's pre-activation w.h + b:%n");
        for (int i = 0; i < xor.size(); i++) {
            ctx.printf("  %s -> h = %s, w.h + b = %8.4f, plotted at %s%n", Fmt.ints(xor.features(i)),
                    Fmt.vec(hs.hidden()[i], 4), hs.logit(i), Fmt.vec(hs.points()[i], 4));
        }
        ctx.printf("Output weights w = %s, b = %.4f.%n", Fmt.vec(hs.weights(), 4), hs.bias());
        ctx.println("The 3-D hidden space is drawn in a plane: horizontal = h.w/|w|, the position along the output");
        ctx.printf("weights, so the boundary w.h + b = 0 is the vertical line at -b/|w| = %.4f and every point is on "
                + "its true side;%n", hs.boundaryPosition());
        ctx.printf("vertical = h.v with v = %s, the direction orthogonal to w in which the points spread most "
                + "(power iteration on their covariance).%n", Fmt.vec(hs.vertical(), 4));

        double[][] p = hs.points();
        double[] xr = padded(p, 0);
        double[] yr = padded(p, 1);
        yr[1] += (yr[1] - yr[0]) * 0.3; // room for the legend above the points
        if (hs.projected()) {
            // The vertical boundary must fall inside the horizontal range, with room either side.
            xr[0] = Math.min(xr[0], hs.boundaryPosition() - 0.5);
            xr[1] = Math.max(xr[1], hs.boundaryPosition() + 0.5);
        }
        double[][] line = hs.boundary(yr[0], yr[1], 2);
        List<Charts.Points> groups = new ArrayList<>();
        for (Charts.Points g : TrainingCharts.byClass(p, xor.labels(), CLASS_NAMES, TrainingCharts.TUTORIAL_COLOURS)) {
            groups.add(new Charts.Points(g.label() + XorSection.coincident(g.x(), g.y()), g.x(), g.y(), g.colour()));
        }
        JFreeChart chart = Charts.scatter("Hidden Space After Training (projected)", "h . w / |w| (along the output "
                + "weights)", "h . v (largest spread orthogonal to w)", groups,
                List.of(Charts.Curve.of("Decision boundary (output = 0.5)", line[0], line[1], 2).dashed()), xr, yr);
        ctx.figure("train_xor_hidden_space.png", "The four inputs in the trained network's last hidden layer, "
                + "projected to the plane of the output weights and the points' largest orthogonal spread; the "
                + "dashed line is the learned boundary.", Charts.render(800, 600, chart));
    }

    private static void seedShares(TourContext ctx, Dataset xor, Trainer trainer) {
        long first = ctx.seedFor(0);
        ctx.printf("%nShare of %d seeds (%d..%d) that solve XOR with the same training:%n", SEEDS, first,
                first + SEEDS - 1);
        List<String> names = new ArrayList<>();
        double[] shares = new double[ARCHITECTURES.length];
        for (int a = 0; a < ARCHITECTURES.length; a++) {
            int solved = 0;
            int dead = 0;
            for (int s = 0; s < SEEDS; s++) {
                Mlp model = trainer.fit(classifier(ctx.mlp(), first + s, ARCHITECTURES[a]), xor).model();
                boolean ok = solves(model, xor);
                solved += ok ? 1 : 0;
                dead += !ok && hasDeadUnit(model, xor.features()) ? 1 : 0;
            }
            shares[a] = solved / (double) SEEDS;
            Mlp shape = classifier(ctx.mlp(), first, ARCHITECTURES[a]);
            names.add(TutorialMlp.sizes(shape) + ", " + shape.parameterCount() + " params");
            ctx.printf("  %-16s %3d parameters: %3d of %d solve it (%s)%s%n", TutorialMlp.sizes(shape),
                    shape.parameterCount(), solved, SEEDS, Fmt.percent(shares[a]), solved == SEEDS ? ""
                            : "; " + dead + " of " + (SEEDS - solved) + " failures: a dead unit");
        }
        ctx.println("(A dead unit outputs 0 for all four inputs, so no gradient reaches its weights; the narrow "
                + "network has few units to lose.)");
        ctx.figure("train_xor_seeds.png", "The share of " + SEEDS + " random starts from which 500 epochs of Adam "
                + "solve XOR, for the tutorial's network and a wider one.", Charts.render(800, 500,
                Charts.bars("Seeds That Solve XOR (of " + SEEDS + ")", "Architecture", "Share solved", names, shares,
                        "0.00")));
    }

    /** True if some hidden ReLU unit of {@code model} is 0 at every one of {@code inputs}. */
    static boolean hasDeadUnit(Mlp model, double[][] inputs) {
        List<ForwardTrace.Step> steps = model.trace(inputs).steps();
        for (int layer = 0; layer < steps.size() - 1; layer++) {
            double[][] a = steps.get(layer).a();
            for (int unit = 0; unit < a[0].length; unit++) {
                boolean zero = true;
                for (double[] row : a) {
                    zero &= row[unit] == 0;
                }
                if (zero) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[] column(double[][] y) {
        double[] c = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = y[i][0];
        }
        return c;
    }

    /** The range of column {@code c} of {@code p}, widened by a quarter of its span (at least 0.5) each side. */
    private static double[] padded(double[][] p, int c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : p) {
            lo = Math.min(lo, row[c]);
            hi = Math.max(hi, row[c]);
        }
        double pad = Math.max(0.5, (hi - lo) / 4);
        return new double[] {lo - pad, hi + pad};
    }
}
