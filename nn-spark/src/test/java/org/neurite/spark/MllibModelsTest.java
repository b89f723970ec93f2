package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.Mlp;
import org.neurite.io.ModelFiles;

/** An MLP trained and saved by MLlib, read into Neurite: the same probabilities and predictions, every row. */
class MllibModelsTest {

    /** Absolute: probabilities lie in [0, 1]. */
    private static final double TOLERANCE = 1e-12;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("MllibModelsTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** {@code n} rows of 3 features and a label of 3 classes, in a {@code features} vector column. */
    static Dataset<Row> data(SparkSession spark, int n, long seed) {
        Random r = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            double c = r.nextGaussian();
            double label = a + b > 0.5 ? 2 : c > 0 ? 1 : 0;
            rows.add(RowFactory.create(i, Vectors.dense(a, b, c), label));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType, false)
                .add("features", SQLDataTypes.VectorType(), false).add("label", DataTypes.DoubleType, false);
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2),
                schema);
    }

    /** MLlib's own training: layers [3, 5, 4, 3], seed 7, 50 iterations of L-BFGS. */
    static MultilayerPerceptronClassificationModel trained(Dataset<Row> data) {
        return new MultilayerPerceptronClassifier().setLayers(new int[] {3, 5, 4, 3}).setSeed(7).setMaxIter(50)
                .fit(data);
    }

    @Test
    void aSavedMllibModelPredictsWhatMllibPredictsAndRoundTripsThroughAModelFile(@TempDir Path dir) throws Exception {
        Dataset<Row> data = data(spark, 400, 3);
        MultilayerPerceptronClassificationModel mllib = trained(data);
        String saved = dir.resolve("mllib").toString();
        mllib.write().overwrite().save(saved);

        Mlp model = MllibModels.load(saved);
        assertEquals(List.of("0", "1", "2"), model.classNames().orElseThrow());
        Path file = dir.resolve("mlp.safetensors");
        assertEquals(3, MllibModels.toModelFile(saved, file).layers().size());
        Mlp loaded = ModelFiles.load(file);

        List<Row> rows = mllib.transform(data).orderBy("id").collectAsList();
        assertEquals(400, rows.size());
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((Vector) rows.get(i).getAs("features")).toArray();
        }
        double[][] p = model.predict(x);
        double[][] fromFile = loaded.predict(x);
        double worst = 0;
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            Row row = rows.get(i);
            double[] expected = ((Vector) row.getAs("probability")).toArray();
            for (int j = 0; j < 3; j++) {
                worst = Math.max(worst, Math.abs(expected[j] - p[i][j]));
                assertEquals(expected[j], p[i][j], TOLERANCE, "row " + i + ", class " + j);
            }
            assertArrayEquals(p[i], fromFile[i], 0.0, "row " + i + " after the model file's round trip");
            int predicted = NeuriteScorerTest.argmax(p[i]);
            assertEquals((int) row.<Double>getAs("prediction").doubleValue(), predicted, "row " + i);
            correct += predicted == (int) row.<Double>getAs("label").doubleValue() ? 1 : 0;
        }
        System.out.printf("MLlib [3, 5, 4, 3] in Neurite: largest probability difference %.3g over %d rows; "
                + "training accuracy %.3f%n", worst, x.length, correct / (double) x.length);
        assertTrue(correct > 0.8 * x.length, "MLlib learned the classes: " + correct);
    }

    @Test
    void theCommandLineSavesAModelFileAndExitsWithTwoForUsageAndOneForFailures(@TempDir Path dir) throws Exception {
        Dataset<Row> data = data(spark, 100, 4);
        String saved = dir.resolve("mllib").toString();
        trained(data).write().overwrite().save(saved);
        Path file = dir.resolve("out.safetensors");

        Output ok = main(saved, file.toString());
        assertEquals(0, ok.status, ok.err);
        assertTrue(ok.out.startsWith("saved " + file + ": MLlib multilayer perceptron [3, 5, 4, 3]"), ok.out);
        assertEquals(List.of("0", "1", "2"), ModelFiles.describe(file).classNames());
        assertArrayEquals(MllibModels.load(saved).predict(new double[] {1, 2, 3}),
                ModelFiles.load(file).predict(new double[] {1, 2, 3}), 0.0);

        for (String[] args : List.of(new String[0], new String[] {saved}, new String[] {saved, "a", "b"},
                new String[] {dir.resolve("missing").toString(), file.toString()})) {
            Output usage = main(args);
            assertEquals(2, usage.status, List.of(args) + ": " + usage.err);
            assertTrue(usage.err.contains(MllibToNeurite.USAGE), usage.err);
        }
        assertEquals(0, main("--help").status);

        Path notAModel = Files.createDirectories(dir.resolve("empty"));
        Output failed = main(notAModel.toString(), dir.resolve("x.safetensors").toString());
        assertEquals(1, failed.status, failed.err);
        assertEquals(1, failed.err.lines().count(), failed.err);
        System.out.print("not a model: " + failed.err);
        assertTrue(failed.err.startsWith("MllibToNeurite: " + notAModel + ": "), failed.err);
        assertFalse(Files.exists(dir.resolve("x.safetensors")));

        Output unwritable = main(saved, dir.resolve("no/such/folder/x.safetensors").toString());
        assertEquals(1, unwritable.status, unwritable.err);
        assertEquals(1, unwritable.err.lines().count(), unwritable.err);
    }

    private record Output(int status, String out, String err) {
    }

    private static Output main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MllibToNeurite.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theLayoutIsColumnMajorWeightsThenBiasPerLayer() {
        // [2, 1, 2]: A1 (1x2) = [1, 2], b1 = [0.5]; A2 (2x1) = [3, -1], b2 = [0, 1]
        Mlp model = MllibModels.fromLayout(new int[] {2, 1, 2}, new double[] {1, 2, 0.5, 3, -1, 0, 1});
        double h = 1 / (1 + Math.exp(-(1 * 0.25 + 2 * -0.5 + 0.5)));
        double[] z = {3 * h, -h + 1};
        double[] expected = NeuriteScorerTest.softmax(z);
        assertArrayEquals(expected, model.predict(new double[] {0.25, -0.5}), 1e-15);

        // [2, 3]: A (3x2) column-major: A(o, i) at o + 3 i
        Mlp one = MllibModels.fromLayout(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6, 0, 0, 0});
        double[] logits = {1 * 1 + 4 * 10, 2 * 1 + 5 * 10, 3 * 1 + 6 * 10};
        assertArrayEquals(NeuriteScorerTest.softmax(logits), one.predict(new double[] {1, 10}), 1e-15);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MllibModels.fromLayout(new int[] {2, 3}, new double[8]));
        assertTrue(e.getMessage().contains("expected 9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MllibModels.fromLayout(new int[] {3}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> MllibModels.fromLayout(new int[] {3, 1}, new double[4]));
    }
}
