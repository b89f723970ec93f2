package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.api.Layer;
import org.neurite.api.Tensor;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.data.Dataset;
import org.neurite.core.data.Datasets;
import org.neurite.core.data.Split;
import org.neurite.core.train.Trainer;
import org.neurite.io.BundledDatasets;
import org.neurite.io.ModelFiles;

/**
 * The training sections, each run as its command: the numbers they print are checked against what this
 * test computes on its own (parameter counts by formula, shares and accuracies by training or loading and
 * predicting here, the accuracy counted by hand), and their figures decode at their sizes.
 */
class TrainingSectionsTest {

    private static final double[] XOR_TARGETS = {0, 1, 1, 0};

    @TempDir
    Path dir;

    private String out(String command) {
        Cli r = Cli.run(command, "--out", dir.toString());
        assertEquals(0, r.status(), command + " failed: " + r.err() + r.out());
        return r.out();
    }

    /** Weights {@code n_in × n_out} plus {@code n_out} biases per layer. */
    private static long parameters(int... sizes) {
        long total = 0;
        for (int i = 0; i + 1 < sizes.length; i++) {
            total += (long) sizes[i] * sizes[i + 1] + sizes[i + 1];
        }
        return total;
    }

    /** ReLU hidden layers, a sigmoid output, seeded: the networks the sections describe in their text. */
    private static Mlp network(long seed, int... sizes) {
        MlpBuilder b = Mlp.builder().input(sizes[0]).seed(seed);
        for (int i = 1; i < sizes.length - 1; i++) {
            b.dense(sizes[i], "relu");
        }
        return b.dense(sizes[sizes.length - 1], "sigmoid").build();
    }

    /** The share of inputs whose output falls on the side of 0.5 of its label, counted here. */
    private static double binaryAccuracy(Mlp model, Dataset data) {
        double[][] y = model.predict(data.features());
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += (y[i][0] > 0.5 ? 1 : 0) == data.label(i) ? 1 : 0;
        }
        return right / (double) y.length;
    }

    /** True if a hidden unit's pre-activation W x + b is at most 0 at every input, computed from the weights. */
    private static boolean deadUnit(Mlp model, double[][] inputs) {
        double[][] a = inputs;
        for (int l = 0; l < model.layers().size() - 1; l++) {
            Layer layer = model.layers().get(l);
            double[] w = values(layer.parameters().get("weight"));
            double[] b = values(layer.parameters().get("bias"));
            int in = layer.inputSize();
            int out = layer.outputSize();
            double[][] next = new double[a.length][out];
            boolean[] alive = new boolean[out];
            for (int p = 0; p < a.length; p++) {
                for (int j = 0; j < out; j++) {
                    double z = b[j];
                    for (int i = 0; i < in; i++) {
                        z += w[j * in + i] * a[p][i];   // the (out, in) layout MlpBuilder.dense takes
                    }
                    next[p][j] = Math.max(0, z);
                    alive[j] |= z > 0;
                }
            }
            for (boolean x : alive) {
                if (!x) {
                    return true;
                }
            }
            a = next;
        }
        return false;
    }

    private static double[] values(Tensor t) {
        double[] v = new double[t.rows() * t.cols()];
        t.copyTo(v);
        return v;
    }

    private static Matcher find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in:\n" + text);
        return m;
    }

    @Test
    void trainXorSolvesXorAndPrintsTheSharesThisTestMeasures() throws Exception {
        String out = out("train-xor");
        Trainer trainer = Trainer.builder().loss("bce").optimizer("adam(lr=0.05)").batchSize(4).epochs(500)
                .shuffle(false).build();
        Dataset xor = Datasets.xor();

        Matcher solved = find(out, "seed (\\d+): outputs \\[([^\\]]+)\\] -> solved");
        double[] printed = Arrays.stream(solved.group(2).split(", ")).mapToDouble(Double::parseDouble).toArray();
        double[][] mine = trainer.fit(network(Long.parseLong(solved.group(1)), 2, 4, 3, 1), xor).model()
                .predict(xor.features());
        for (int i = 0; i < 4; i++) {
            assertEquals(mine[i][0], printed[i], 5e-5, "output " + i);
            assertTrue(Math.abs(printed[i] - XOR_TARGETS[i]) <= 0.1, "output " + i + " solves XOR: " + printed[i]);
        }

        for (int[] sizes : new int[][] {{2, 4, 3, 1}, {2, 16, 16, 1}}) {
            String name = Arrays.toString(sizes).replace("[", "\\[").replace("]", "\\]");
            Matcher row = find(out, name + " +(\\d+) parameters: +(\\d+) of 100 solve it \\(\\S+\\)"
                    + "(?:; (\\d+) of (\\d+) failures: a dead unit)?\n");
            assertEquals(parameters(sizes), Long.parseLong(row.group(1)), name);
            int count = 0;
            int dead = 0;
            for (long seed = 0; seed < 100; seed++) {
                Mlp trained = trainer.fit(network(seed, sizes), xor).model();
                double[][] y = trained.predict(xor.features());
                boolean ok = true;
                for (int i = 0; i < 4; i++) {
                    ok &= Math.abs(y[i][0] - XOR_TARGETS[i]) <= 0.1;
                }
                count += ok ? 1 : 0;
                dead += !ok && deadUnit(trained, xor.features()) ? 1 : 0;
            }
            assertEquals(count, Integer.parseInt(row.group(2)), name + ": seeds that solve XOR");
            if (count < 100) {
                assertEquals(100 - count, Integer.parseInt(row.group(4)), name);
                assertEquals(dead, Integer.parseInt(row.group(3)), name + ": failures with a dead unit");
            }
        }
        assertEquals(31, parameters(2, 4, 3, 1));
        Figures.assertFigure(dir.resolve("train_xor_loss.png"), 800, 500);
        Figures.assertFigure(dir.resolve("train_xor_landscapes.png"), 1600, 600);
        Figures.assertFigure(dir.resolve("train_xor_hidden_space.png"), 800, 600);
        Figures.assertFigure(dir.resolve("train_xor_seeds.png"), 800, 500);
    }

    @Test
    void architecturesTrainedPrintCountsAccuraciesAndAnAnswerThatFollowsFromThem() throws Exception {
        String out = out("architectures-trained");
        Map<String, int[]> sizes = Map.of("Wide and shallow", new int[] {2, 32, 1},
                "Narrow and deep", new int[] {2, 4, 4, 4, 4, 1}, "Balanced", new int[] {2, 8, 8, 1});
        for (Map.Entry<String, int[]> e : sizes.entrySet()) {
            String name = Arrays.toString(e.getValue()).replace("[", "\\[").replace("]", "\\]");
            assertEquals(parameters(e.getValue()), Long.parseLong(find(out, e.getKey() + " +" + name + " +(\\d+)\n")
                    .group(1)), e.getKey());
        }
        assertEquals(List.of(129L, 77L, 105L), List.of(parameters(2, 32, 1), parameters(2, 4, 4, 4, 4, 1),
                parameters(2, 8, 8, 1)), "the exercise's networks");

        // Every row retrained here (seed 7 at the default --seed 42), its accuracies counted by hand.
        Map<String, Dataset> problems = Map.of("Two moons", Datasets.twoMoons(300, 0.2, 7),
                "Spirals", Datasets.spirals(150, 2, 0.2, 7));
        Matcher row = Pattern.compile("(Two moons|Spirals) +(Wide and shallow|Narrow and deep|Balanced) +(\\d\\.\\d{4}) "
                + "+(\\d\\.\\d{4}) +\\S+ +\\S+ +(\\d+)\n").matcher(out);
        Map<String, Integer> regions = new HashMap<>();
        int rows = 0;
        while (row.find()) {
            rows++;
            Split split = problems.get(row.group(1)).split(0.75, 7);
            Trainer trainer = Trainer.builder().loss("bce").optimizer("adam(lr=0.01)").batchSize(32).epochs(300).seed(7)
                    .validation(split.validation()).build();
            Mlp trained = trainer.fit(network(7, sizes.get(row.group(2))), split.train()).model();
            String what = row.group(1) + ", " + row.group(2);
            assertEquals(binaryAccuracy(trained, split.train()), Double.parseDouble(row.group(3)), 5e-5, what);
            assertEquals(binaryAccuracy(trained, split.validation()), Double.parseDouble(row.group(4)), 5e-5, what);
            regions.merge(row.group(2), Integer.parseInt(row.group(5)), Integer::sum);
        }
        assertEquals(6, rows, "two problems times three networks:\n" + out);
        String most = regions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(most, find(out, "Which makes the most complex boundaries\\? ([A-Za-z ]+) \\[").group(1));
        assertEquals((int) regions.get(most), Integer.parseInt(find(out, "\\]: (\\d+) linear regions over both").group(1)));
        Figures.assertFigure(dir.resolve("architectures_trained_boundaries.png"), 1950, 1100);
        Figures.assertFigure(dir.resolve("architectures_trained_losses.png"), 1600, 600);
    }

    @Test
    void digitsPrintTheAccuracyOfTheSavedModelFile() throws Exception {
        String out = out("digits");
        Matcher m = find(out, "Held-out accuracy of the loaded model: (\\d\\.\\d{4}) \\((\\d+) of (\\d+) right, "
                + "(\\d+) wrong\\)");
        double printed = Double.parseDouble(m.group(1));
        int right = Integer.parseInt(m.group(2));
        int total = Integer.parseInt(m.group(3));
        int wrong = Integer.parseInt(m.group(4));

        // The file the section saved, loaded here and scored by hand on the raw held-out pixels.
        Mlp model = ModelFiles.load(dir.resolve(DigitsSection.MODEL_FILE));
        Dataset test = BundledDatasets.digits().split(0.75, 42).validation();
        double[][] logits = model.predict(test.features());
        int mine = 0;
        for (int i = 0; i < logits.length; i++) {
            int best = 0;
            for (int k = 1; k < logits[i].length; k++) {
                best = logits[i][k] > logits[i][best] ? k : best;
            }
            mine += best == test.label(i) ? 1 : 0;
        }
        assertEquals(test.size(), total);
        assertEquals(mine, right);
        assertEquals(total - right, wrong);
        assertEquals(mine / (double) test.size(), printed, 5e-5);
        assertTrue(printed >= 0.97, "the default recipe reaches the measured 0.98: " + printed);
        assertEquals(17226, parameters(64, 128, 64, 10));
        assertTrue(out.contains("Network [64, 128, 64, 10], 17226 parameters"), out);

        // The printed confusion matrix holds every held-out digit, the right ones on its diagonal.
        Matcher cm = Pattern.compile("\n +(\\d) \\|((?: +\\d+){10})").matcher(out);
        int sum = 0;
        int diagonal = 0;
        List<Integer> seen = new ArrayList<>();
        while (cm.find()) {
            int t = Integer.parseInt(cm.group(1));
            seen.add(t);
            int[] counts = Arrays.stream(cm.group(2).trim().split(" +")).mapToInt(Integer::parseInt).toArray();
            sum += Arrays.stream(counts).sum();
            diagonal += counts[t];
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
        assertEquals(total, sum);
        assertEquals(right, diagonal);

        Figures.assertFigure(dir.resolve("digits_learning_curves.png"), 1400, 500);
        Figures.assertFigure(dir.resolve("digits_confusion.png"), 800, 700);
        int rows = (Math.min(wrong, DigitsSection.MAX_SHOWN) + 7) / 8;
        Figures.assertFigure(dir.resolve("digits_misclassified.png"), 1200, 170 * rows);
    }
}
