package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrainCommandTest {

    @TempDir
    static Path dir;

    private static Path classes;
    private static Path targets;
    private static Path bad;

    /** Two classes a and b told apart by x1 + x2; y = 2 x1 - x2 plus noise; and a file with a bad cell. */
    @BeforeAll
    static void files() throws IOException {
        Random random = new Random(7);
        StringBuilder c = new StringBuilder("x1,x2,x3,kind\n");
        StringBuilder r = new StringBuilder("x1,x2,y,z\n");
        for (int i = 0; i < 60; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            double x3 = random.nextGaussian();
            c.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%s%n", x1, x2, x3, x1 + x2 > 0 ? "a" : "b"));
            r.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f%n", x1, x2, 2 * x1 - x2 + 0.1 * x3, x1 * x2));
        }
        classes = Files.writeString(dir.resolve("classes.csv"), c);
        targets = Files.writeString(dir.resolve("targets.csv"), r);
        bad = Files.writeString(dir.resolve("bad.csv"), "x1,x2,kind\n1,2,a\n3,abc,b\n");
    }

    /** Runs the CLI and checks that it succeeded with nothing on stderr; returns stdout. */
    private static String ok(String... args) {
        Object[] r = NeuriteCliTest.run(args);
        assertEquals(0, r[0], (String) r[2]);
        assertEquals("", r[2]);
        return (String) r[1];
    }

    private static Map<?, ?> json(String... args) {
        String[] withJson = Stream.concat(Stream.of(args), Stream.of("--json")).toArray(String[]::new);
        return (Map<?, ?>) Json.parse(ok(withJson).strip());
    }

    private static double number(Map<?, ?> map, String key) {
        Object v = map.get(key);
        assertTrue(v instanceof Double && Double.isFinite((Double) v), key + " in " + map);
        return (Double) v;
    }

    @Test
    void irisPrintsTheModelEveryEpochAndTheHeldOutAccuracy() {
        List<String> lines = ok("train", "--data", "iris", "--epochs", "3", "--layers", "16", "--batch", "16")
                .lines().toList();
        assertEquals(3 + 3, lines.size(), String.join("\n", lines));
        assertEquals("model 4 -> 16 relu -> 3 linear, 131 parameters; backend ejml, float64; data iris: "
                + "150 rows (120 train, 30 validation), 4 features, 3 classes", lines.get(0));
        String number = "\\d+\\.\\d{4}";
        for (int e = 1; e <= 3; e++) {
            assertTrue(lines.get(e).matches("epoch " + e + "/3 train_loss=" + number + " train_accuracy=" + number
                    + " val_loss=" + number + " val_accuracy=" + number), lines.get(e));
        }
        assertTrue(lines.get(4).matches("final \\(validation, 30 rows\\): loss=" + number + " accuracy=" + number),
                lines.get(4));
        assertTrue(lines.get(5).matches("best epoch [1-3] of 3; trained in \\d+\\.\\d\\d s"), lines.get(5));
    }

    @Test
    void jsonIsOneObjectWithTheHistoryAndTheFinalMetrics() {
        Map<?, ?> r = json("train", "--data", "iris", "--epochs", "4", "--seed", "7", "--optimizer", "adam(lr=0.01)");
        assertEquals(4.0, r.get("epochs"));
        List<?> history = (List<?>) r.get("history");
        assertEquals(4, history.size());
        for (int e = 0; e < history.size(); e++) {
            Map<?, ?> epoch = (Map<?, ?>) history.get(e);
            assertEquals(e + 1.0, epoch.get("epoch"));
            for (String key : List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy", "learning_rate")) {
                number(epoch, key);
            }
            assertFalse(epoch.containsKey("val_mse"), epoch::toString);
        }
        Map<?, ?> result = (Map<?, ?>) r.get("final");
        assertEquals("validation", result.get("on"));
        assertTrue(number(result, "accuracy") > 0.5, result::toString);
        number(result, "loss");
        assertTrue(r.get("best_epoch") instanceof Double && r.get("stopped_early") == Boolean.FALSE, r::toString);
        assertEquals(List.of(Map.of("units", 64.0, "activation", "relu", "parameters", 320.0),
                Map.of("units", 3.0, "activation", "linear", "parameters", 195.0)), r.get("layers"));
        assertEquals(515.0, r.get("parameters"));
        assertEquals("ejml", r.get("backend"));
        assertEquals("float64", r.get("dtype"));
        assertEquals(7.0, r.get("seed"));
        assertTrue(((String) r.get("optimizer")).startsWith("adam(lr=0.01, "), r::toString);
        assertEquals(Map.of("name", "iris", "rows", 150.0, "train", 120.0, "validation", 30.0, "features", 4.0,
                "classes", 3.0), r.get("data"));
        number(r, "seconds");
    }

    @Test
    void theSameCommandTwiceGivesTheSameHistory() {
        String[] args = {"train", "--data", "iris", "--epochs", "3", "--dtype", "float32"};
        assertEquals(json(args).get("history"), json(args).get("history"));
    }

    @Test
    void digitsTrains() {
        Map<?, ?> r = json("train", "--data", "digits", "--layers", "32", "--epochs", "3");
        assertEquals(3, ((List<?>) r.get("history")).size());
        assertEquals(64 * 32 + 32 + 32 * 10 + 10.0, r.get("parameters"));
        assertTrue(number((Map<?, ?>) r.get("final"), "accuracy") > 0.5, r::toString);
    }

    @Test
    void aCsvFileTrainsAClassifier() {
        Map<?, ?> r = json("train", "--data", classes.toString(), "--label", "kind", "--epochs", "5",
                "--optimizer", "sgd(lr=0.1, momentum=0.9)", "--batch", "8", "--no-shuffle");
        assertEquals(Map.of("name", "classes.csv", "rows", 60.0, "train", 48.0, "validation", 12.0, "features", 3.0,
                "classes", 2.0), r.get("data"));
        assertTrue(number((Map<?, ?>) r.get("final"), "accuracy") >= 0.75, r::toString);
    }

    @Test
    void bceOnTwoClassesHasOneSigmoidOutput() {
        Map<?, ?> r = json("train", "--data", classes.toString(), "--label", "kind", "--epochs", "2", "--loss", "bce",
                "--layers", "4,4");
        List<?> layers = (List<?>) r.get("layers");
        assertEquals(Map.of("units", 1.0, "activation", "sigmoid", "parameters", 5.0), layers.get(2));
        number((Map<?, ?>) r.get("final"), "accuracy");
    }

    @Test
    void aCsvFileTrainsARegressionWithSeveralTargets() {
        String out = ok("train", "--data", targets.toString(), "--label", "y,z", "--regression", "--epochs", "3",
                "--validation", "0.25", "--early-stopping", "2", "--schedule", "cosine(t_max=3)",
                "--clip", "norm(max_norm=1.0)");
        assertTrue(out.lines().findFirst().orElseThrow().endsWith(
                "data targets.csv: 60 rows (45 train, 15 validation), 2 features, 2 targets"), out);
        assertTrue(out.lines().anyMatch(
                l -> l.matches("epoch 3/3 train_loss=\\S+ val_loss=\\S+ val_mse=\\S+ val_mae=\\S+")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("final \\(validation, 15 rows\\): loss=\\S+ mse=\\S+ mae=\\S+")),
                out);
        Map<?, ?> r = json("train", "--data", targets.toString(), "--label", "y", "--regression", "--epochs", "2",
                "--validation", "0");
        Map<?, ?> epoch = (Map<?, ?>) ((List<?>) r.get("history")).get(1);
        assertEquals(List.of("epoch", "train_loss", "learning_rate"), List.copyOf(epoch.keySet()));
        Map<?, ?> result = (Map<?, ?>) r.get("final");
        assertEquals("train", result.get("on"));
        number(result, "mse");
        number(result, "mae");
        assertEquals("mse", r.get("loss"));
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("--data", "/no/such/file.csv", "--label", "y"), "no such file"),
                Arguments.of(List.of("--data", "irises"), "bundled data set (digits, iris)"),
                Arguments.of(List.of("--data", "iris", "--label", "kind"), "expected 'species'"),
                Arguments.of(List.of("--data", "iris", "--regression"), "--regression"),
                Arguments.of(List.of("--data", "@CLASSES"), "--label: expected the label column of classes.csv"),
                Arguments.of(List.of("--data", "iris", "--loss", "nope"), "--loss: "),
                Arguments.of(List.of("--data", "iris", "--optimizer", "adamx(lr=0.1)"), "--optimizer: "),
                Arguments.of(List.of("--data", "iris", "--optimizer", "adam(lr=-1)"), "--optimizer: "),
                Arguments.of(List.of("--data", "iris", "--schedule", "sometimes"), "--schedule: "),
                Arguments.of(List.of("--data", "iris", "--clip", "norm(max_norm=0)"), "--clip: "),
                Arguments.of(List.of("--data", "iris", "--activation", "relu7"), "--activation: "),
                Arguments.of(List.of("--data", "iris", "--batch", "0"), "--batch: expected a number >= 1, got 0"),
                Arguments.of(List.of("--data", "iris", "--batch", "x"), "Invalid value for option '--batch'"),
                Arguments.of(List.of("--data", "iris", "--validation", "1"), "--validation: expected a fraction"),
                Arguments.of(List.of("--data", "iris", "--layers", "8,0"), "--layers: expected sizes >= 1, got 8,0"),
                Arguments.of(List.of("--data", "iris", "--no-such-option"), "Unknown option"),
                Arguments.of(List.of("--label", "y"), "Missing required option: '--data"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsExitWithTwoAndOneLine(List<String> args, String message) {
        assertFailure(2, args, message);
    }

    @Test
    void aBadCsvCellExitsWithOneNamingFileLineAndColumn() {
        assertFailure(1, List.of("--data", bad.toString(), "--label", "kind"),
                "neurite train: bad.csv: line 3, column x2: expected a finite number, got 'abc'");
    }

    @Test
    void divergingTrainingExitsWithOne() {
        assertFailure(1, List.of("--data", "@TARGETS", "--label", "y", "--regression", "--optimizer", "sgd(lr=1e200)"),
                "neurite train: training diverged: epoch 1");
    }

    @Test
    void outSavesTheModelWithItsStandardizationAndClassesAndInitStartsFromIt() throws Exception {
        Path model = dir.resolve("classes.safetensors");
        String text = ok("train", "--data", classes.toString(), "--label", "kind", "--layers", "6", "--epochs", "20",
                "--out", model.toString());
        assertTrue(text.strip().endsWith("saved to " + model), text);
        org.neurite.core.Mlp saved = org.neurite.io.ModelFiles.load(model);
        assertEquals(List.of("a", "b"), saved.classNames().orElseThrow());
        assertTrue(saved.standardization().isPresent());

        Map<?, ?> fresh = json("train", "--data", classes.toString(), "--label", "kind", "--layers", "6", "--epochs", "1");
        Map<?, ?> resumed = json("train", "--data", classes.toString(), "--label", "kind", "--layers", "6",
                "--epochs", "1", "--init", model.toString());
        double freshLoss = number((Map<?, ?>) ((List<?>) fresh.get("history")).get(0), "train_loss");
        double resumedLoss = number((Map<?, ?>) ((List<?>) resumed.get("history")).get(0), "train_loss");
        assertTrue(resumedLoss < freshLoss, "from the saved weights " + resumedLoss + ", fresh " + freshLoss);
    }

    @Test
    void initWithAnotherArchitectureIsABadArgumentNamingTheDifference() throws Exception {
        Path model = dir.resolve("small.safetensors");
        ok("train", "--data", classes.toString(), "--label", "kind", "--layers", "6", "--epochs", "1",
                "--out", model.toString());
        assertFailure(2, List.of("--data", classes.toString(), "--label", "kind", "--layers", "7", "--init",
                model.toString()), "neurite: --init: small.safetensors is 3 -> 6 relu -> 2 linear, the options "
                + "describe 3 -> 7 relu -> 2 linear: layer 1 has 6 units, the options 7");
        assertFailure(2, List.of("--data", classes.toString(), "--label", "kind", "--layers", "6",
                "--activation", "tanh", "--init", model.toString()), "neurite: --init: small.safetensors is 3 -> 6 "
                + "relu -> 2 linear, the options describe 3 -> 6 tanh -> 2 linear: layer 1's activation is relu, "
                + "the options' tanh");
        assertFailure(2, List.of("--data", classes.toString(), "--label", "kind", "--init",
                dir.resolve("none.safetensors").toString()), "neurite: --init: no such file: ");
    }

    private static void assertFailure(int status, List<String> args, String message) {
        Stream<String> command = Stream.concat(Stream.of("train", "--epochs", "2"), args.stream()
                .map(a -> a.replace("@CLASSES", classes.toString()).replace("@TARGETS", targets.toString())));
        Object[] r = NeuriteCliTest.run(command.toArray(String[]::new));
        String err = ((String) r[2]).strip();
        assertEquals(status, r[0], err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(message), err);
        assertTrue(err.startsWith("neurite"), err);
    }
}
