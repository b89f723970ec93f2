package org.neurite.examples.tour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleAnchor;
import org.neurite.core.Mlp;
import org.neurite.core.data.Dataset;
import org.neurite.core.data.Split;
import org.neurite.core.train.EpochMetrics;
import org.neurite.core.train.History;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingResult;
import org.neurite.io.BundledDatasets;
import org.neurite.io.ModelFiles;

/**
 * From XOR to real data: the bundled 8 x 8 digits, {@code [64, 128, 64, 10]} trained with a validation
 * split, saved with {@link ModelFiles} and loaded back, and the loaded model scored on the held-out
 * quarter: learning curves, accuracy, confusion matrix and the digits it gets wrong.
 */
final class DigitsSection implements Section {

    /** The saved model, in the output folder. */
    static final String MODEL_FILE = "digits_model.safetensors";
    /** The share of the digits trained on; the rest is held out, stratified. */
    static final double TRAIN_FRACTION = 0.75;
    /** At most this many misclassified digits are drawn. */
    static final int MAX_SHOWN = 16;
    private static final int SHOWN_COLUMNS = 8;
    /** A digit's cell in pixels: its title above a square image. */
    static final int CELL_WIDTH = 150;
    static final int CELL_HEIGHT = 170;
    private static final int SIDE = 8;
    /** The digits' pixels are counts of set bits in 4 x 4 blocks, 0 to 16. */
    private static final double MAX_PIXEL = 16;

    @Override
    public String command() {
        return "digits";
    }

    @Override
    public String title() {
        return "Real data: handwritten digits";
    }

    @Override
    public String description() {
        return "Trains [64, 128, 64, 10] on the bundled digits, saves and reloads it: learning curves, held-out "
                + "accuracy, confusion matrix, misclassified digits (digits_*.png, " + MODEL_FILE + ").";
    }

    @Override
    public void run(TourContext ctx) {
        long seed = ctx.seedFor(42);
        Dataset digits = BundledDatasets.digits();
        Split raw = digits.split(TRAIN_FRACTION, seed);          // stratified; raw pixels, for pictures
        Split split = raw.standardized();                        // fitted on the training part only
        Mlp model = ctx.mlp().input(64).dense(128, "relu").dense(64, "relu").dense(10, "linear").seed(seed).build();
        Trainer trainer = Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.001)").batchSize(64)
                .epochs(50).seed(seed).validationSplit(0.1).build();
        TrainingResult result = trainer.fit(model, split.train());

        ctx.printf("Digits: %d images of 8 x 8 pixels, %d classes; %d to train (10%% of them watch the training as "
                + "validation), %d held out.%n", digits.size(), digits.classCount(), split.train().size(),
                split.validation().size());
        ctx.printf("Network %s, %d parameters; cross-entropy on the logits, Adam (lr 0.001), batches of 64, %d "
                + "epochs, seed %d.%n%n", TutorialMlp.sizes(model), model.parameterCount(),
                result.history().epochs().size(), seed);
        ctx.printf("%-6s %-11s %-11s %-11s %s%n", "Epoch", "Train loss", "Train acc", "Val loss", "Val acc");
        for (EpochMetrics m : result.history().epochs()) {
            if (m.epoch() == 1 || m.epoch() % 10 == 0) {
                ctx.printf("%-6d %-11.4f %-11.4f %-11.4f %.4f%n", m.epoch(), m.trainLoss(), m.trainAccuracy(),
                        m.validationLoss(), m.validationAccuracy());
            }
        }

        Path file = ctx.outDir().resolve(MODEL_FILE);
        Mlp loaded = saveAndLoad(ctx, result.model(), file);
        double accuracy = trainer.evaluate(loaded, split.validation()).accuracy();
        int[] predicted = argmax(loaded.predict(raw.validation().features()));   // the model standardizes
        int[] truth = raw.validation().labels();
        int[][] confusion = new int[digits.classCount()][digits.classCount()];
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
            if (truth[i] != predicted[i]) {
                wrong.add(i);
            }
        }
        ctx.printf("%nHeld-out accuracy of the loaded model: %.4f (%d of %d right, %d wrong).%n", accuracy,
                truth.length - wrong.size(), truth.length, wrong.size());
        printConfusion(ctx, confusion);

        learningCurves(ctx, result.history());
        ctx.figure("digits_confusion.png", "How the loaded model labels the " + truth.length + " held-out digits: "
                + "true label down, predicted across; off the diagonal are its mistakes.", Charts.render(800, 700,
                TrainingCharts.confusion("Confusion Matrix (held out, " + Fmt.percent(accuracy) + " right)",
                        confusion, digits.classNames())));
        misclassified(ctx, raw.validation(), truth, predicted, wrong);
    }

    private static Mlp saveAndLoad(TourContext ctx, Mlp trained, Path file) {
        try {
            ModelFiles.save(trained, file);
            Mlp loaded = ModelFiles.load(file, ctx.backend(), ctx.dtype());
            ctx.printf("%nSaved the trained model to %s (%,d bytes) and loaded it back; everything below is the "
                    + "loaded model's.%n", file.getFileName(), Files.size(file));
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("digits: cannot save or load " + file, e);
        }
    }

    private static void printConfusion(TourContext ctx, int[][] confusion) {
        ctx.println("Confusion matrix (rows: true digit, columns: predicted):");
        StringBuilder header = new StringBuilder("      ");
        for (int p = 0; p < confusion.length; p++) {
            header.append(String.format(Locale.ROOT, "%4d", p));
        }
        ctx.println(header.toString());
        for (int t = 0; t < confusion.length; t++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %2d |", t));
            for (int count : confusion[t]) {
                row.append(String.format(Locale.ROOT, "%4d", count));
            }
            ctx.println(row.toString());
        }
    }

    private static void learningCurves(TourContext ctx, History history) {
        JFreeChart loss = Charts.lines("Loss", "Epoch", "Cross-entropy",
                TrainingCharts.curves("", history, TrainingCharts.Metric.LOSS, 0), RectangleAnchor.TOP_RIGHT);
        JFreeChart accuracy = Charts.lines("Accuracy", "Epoch", "Accuracy",
                TrainingCharts.curves("", history, TrainingCharts.Metric.ACCURACY, 1), RectangleAnchor.BOTTOM_RIGHT);
        ctx.figure("digits_learning_curves.png", "Training (solid, running over each epoch) and validation (dashed, "
                + "after each epoch) loss and accuracy.", Charts.render(1400, 500, loss, accuracy));
    }

    private static void misclassified(TourContext ctx, Dataset test, int[] truth, int[] predicted,
                                      List<Integer> wrong) {
        List<JFreeChart> panels = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        for (int i : wrong) {
            list.append(String.format(Locale.ROOT, " #%d: %d as %d;", i, truth[i], predicted[i]));
            if (panels.size() < MAX_SHOWN) {
                panels.add(TrainingCharts.image("true " + truth[i] + ", predicted " + predicted[i], test.features(i),
                        SIDE, MAX_PIXEL));
            }
        }
        ctx.printf("Misclassified held-out digits (index: true as predicted):%s%n",
                wrong.isEmpty() ? " none" : list.substring(0, list.length() - 1));
        if (panels.isEmpty()) {
            return;
        }
        int rows = misclassifiedRows(wrong.size());
        ctx.figure("digits_misclassified.png", "The held-out digits the loaded model gets wrong"
                + (wrong.size() > MAX_SHOWN ? " (the first " + MAX_SHOWN + " of " + wrong.size() + ")" : "")
                + ", as 8 x 8 images (white 0 to black 16), each with its true and predicted label.",
                TrainingCharts.renderGrid(SHOWN_COLUMNS * CELL_WIDTH, rows * CELL_HEIGHT, SHOWN_COLUMNS, rows, panels));
    }

    /** Rows of the misclassified-digits figure for {@code wrong} mistakes: 8 to a row, at most 16 shown. */
    static int misclassifiedRows(int wrong) {
        return (Math.min(wrong, MAX_SHOWN) + SHOWN_COLUMNS - 1) / SHOWN_COLUMNS;
    }

    /** The index of each row's largest value, the predicted class. */
    static int[] argmax(double[][] rows) {
        int[] k = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 1; j < rows[i].length; j++) {
                k[i] = rows[i][j] > rows[i][k[i]] ? j : k[i];
            }
        }
        return k;
    }
}
