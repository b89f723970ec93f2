package org.neurite.examples.tour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleAnchor;
import org.neurite.core.Mlp;
import org.neurite.core.data.Dataset;
import org.neurite.core.data.Datasets;
import org.neurite.core.data.Split;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingResult;

/**
 * The exercise answered by training: its three networks, wide, deep and balanced, fitted to two moons and
 * to two spirals with one budget, their boundaries on one colour scale, their loss curves and accuracies,
 * and which makes the most complex boundaries, measured as the linear regions the trained network cuts
 * its input plane into (see {@link Landscape}).
 */
final class ArchitecturesTrainedSection implements Section {

    /** One of the exercise's networks. */
    private record Architecture(String name, int[] sizes) { }

    /** One 2-D problem and the square the figures show it on. */
    private record Problem(String name, Dataset data, Grid grid) { }

    /** One trained network on one problem, with what the table prints. */
    private record Fit(Architecture architecture, Problem problem, Mlp model, TrainingResult result,
                       double trainAccuracy, double validationAccuracy, Landscape landscape) { }

    private static final List<Architecture> ARCHITECTURES = List.of(
            new Architecture("Wide and shallow", new int[] {2, 32, 1}),
            new Architecture("Narrow and deep", new int[] {2, 4, 4, 4, 4, 1}),
            new Architecture("Balanced", new int[] {2, 8, 8, 1}));
    static final int EPOCHS = 300;
    static final int POINTS = 300;
    private static final List<String> CLASS_NAMES = List.of("class 0", "class 1");

    @Override
    public String command() {
        return "architectures-trained";
    }

    @Override
    public String title() {
        return "Exercise, trained: depth versus width on moons and spirals";
    }

    @Override
    public String description() {
        return "The exercise's three networks trained on two moons and on spirals with the same budget: boundaries, "
                + "loss curves, accuracies (architectures_trained_*.png).";
    }

    /** The trainer every network gets: the same loss, optimizer, batches and epochs. */
    static Trainer trainer(long seed, Dataset validation) {
        return Trainer.builder().loss("bce").optimizer("adam(lr=0.01)").batchSize(32).epochs(EPOCHS).seed(seed)
                .validation(validation).build();
    }

    /** The two problems, 300 points each, noise drawn from {@code seed}. */
    static List<Dataset> problems(long seed) {
        return List.of(Datasets.twoMoons(POINTS, 0.2, seed), Datasets.spirals(POINTS / 2, 2, 0.2, seed));
    }

    @Override
    public void run(TourContext ctx) {
        long seed = ctx.seedFor(7);
        List<Dataset> data = problems(seed);
        List<Problem> problems = List.of(new Problem("Two moons", data.get(0), Grid.square(-1.75, 2.75, 80)),
                new Problem("Spirals", data.get(1), Grid.square(-1.25, 1.25, 80)));
        ctx.printf("Each network: ReLU hidden layers, sigmoid output, seed %d. The same budget for all: binary "
                + "cross-entropy,%nAdam (lr 0.01), batches of 32, %d epochs. Each problem: %d points (noise 0.2, "
                + "seed %d), split 75%% training / 25%% validation.%n%n", seed, EPOCHS, POINTS, seed);
        ctx.printf("%-18s %-20s %s%n", "Architecture", "Layer sizes", "Parameters");
        for (Architecture a : ARCHITECTURES) {
            Mlp m = TrainXorSection.classifier(ctx.mlp(), seed, a.sizes());
            ctx.printf("%-18s %-20s %d%n", a.name(), TutorialMlp.sizes(m), m.parameterCount());
        }

        List<Fit> fits = new ArrayList<>();
        for (Problem p : problems) {
            Split split = p.data().split(0.75, seed);
            Trainer trainer = trainer(seed, split.validation());
            for (Architecture a : ARCHITECTURES) {
                Mlp model = TrainXorSection.classifier(ctx.mlp(), seed, a.sizes());
                TrainingResult result = trainer.fit(model, split.train());
                Mlp trained = result.model();
                fits.add(new Fit(a, p, trained, result, trainer.evaluate(trained, split.train()).accuracy(),
                        trainer.evaluate(trained, split.validation()).accuracy(), Landscape.of(p.grid(), trained.trace(p.grid().points()))));
            }
        }
        ctx.println();
        ctx.printf("%-11s %-18s %-11s %-11s %-11s %-11s %s%n", "Problem", "Architecture", "Train acc", "Val acc",
                "Train loss", "Val loss", "Linear regions");
        ctx.println("-".repeat(92));
        for (Fit f : fits) {
            ctx.printf("%-11s %-18s %-11.4f %-11.4f %-11.4f %-11.4f %d%n", f.problem().name(), f.architecture().name(),
                    f.trainAccuracy(), f.validationAccuracy(), f.result().history().last().trainLoss(),
                    f.result().history().last().validationLoss(), f.landscape().regions());
        }
        ctx.println("(Accuracies: the trained model scored on each part after the last epoch; linear regions: "
                + "distinct ReLU on/off patterns on the 80 x 80 grid.)");
        answer(ctx, fits);
        boundaryFigure(ctx, fits);
        lossFigure(ctx, problems, fits);
    }

    /** The exercise's question, answered from the region counts (and the accuracies beside them). */
    private static void answer(TourContext ctx, List<Fit> fits) {
        int n = ARCHITECTURES.size();
        int[] regions = new int[n];
        double[] validation = new double[n];
        for (int i = 0; i < fits.size(); i++) {
            regions[i % n] += fits.get(i).landscape().regions();
            validation[i % n] += fits.get(i).validationAccuracy() / (fits.size() / n);
        }
        int most = 0;
        int best = 0;
        for (int i = 1; i < n; i++) {
            most = regions[i] > regions[most] ? i : most;
            best = validation[i] > validation[best] ? i : best;
        }
        ctx.println();
        ctx.printf("Which makes the most complex boundaries? %s %s: %d linear regions over both problems, against "
                + "%s.%n", ARCHITECTURES.get(most).name(), sizesOf(most), regions[most], others(regions, most));
        ctx.printf("Best mean validation accuracy: %s %s (%.4f). %s%n", ARCHITECTURES.get(best).name(),
                sizesOf(best), validation[best], most == best ? "Here the most complex boundaries also generalise best."
                        : "More linear regions did not give the best validation accuracy here: a more complex "
                        + "boundary is more capacity, not a better fit.");
    }

    private static String sizesOf(int i) {
        return Arrays.toString(ARCHITECTURES.get(i).sizes());
    }

    private static String others(int[] regions, int except) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < regions.length; i++) {
            if (i != except) {
                parts.add(regions[i] + " for " + ARCHITECTURES.get(i).name().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(" and ", parts);
    }

    private static void boundaryFigure(TourContext ctx, List<Fit> fits) {
        List<JFreeChart> panels = new ArrayList<>();
        for (Fit f : fits) {
            Dataset d = f.problem().data();
            // One scale for all six panels: the output is a probability, so [0, 1] is every panel's range.
            JFreeChart heat = f.landscape().chart(f.problem().name() + ": " + f.architecture().name() + " "
                    + TutorialMlp.sizes(f.model()), "P(class 1)", 0, 1);
            panels.add(TrainingCharts.withPoints(heat, TrainingCharts.byClass(d.features(), d.labels(), CLASS_NAMES,
                    TrainingCharts.CLASS_COLOURS), 8, RectangleAnchor.BOTTOM_RIGHT));
        }
        ctx.figure("architectures_trained_boundaries.png", "The trained networks' output over the plane, one row per "
                + "problem, all six panels on one colour scale [0, 1]; the dots are the " + POINTS + " points of each "
                + "problem, in their class's colour on that scale (0 dark blue, 1 dark red): the ones that stand out are "
                + "misclassified.", TrainingCharts.renderGrid(1950, 1100, ARCHITECTURES.size(), 2, panels));
    }

    private static void lossFigure(TourContext ctx, List<Problem> problems, List<Fit> fits) {
        List<JFreeChart> panels = new ArrayList<>();
        for (Problem p : problems) {
            List<Charts.Curve> curves = new ArrayList<>();
            int colour = 0;
            for (Fit f : fits) {
                if (f.problem() == p) {
                    curves.addAll(TrainingCharts.curves(f.architecture().name(), f.result().history(),
                            TrainingCharts.Metric.LOSS, colour++));
                }
            }
            panels.add(Charts.lines(p.name() + ": Loss by Epoch", "Epoch", "Binary cross-entropy", curves,
                    RectangleAnchor.TOP_RIGHT));
        }
        ctx.figure("architectures_trained_losses.png", "Training (solid) and validation (dashed) loss of the three "
                + "networks on each problem.", Charts.render(1600, 600, panels.toArray(new JFreeChart[0])));
    }
}
