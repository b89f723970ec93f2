package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
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
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.Standardization;
import org.neurite.io.ModelFiles;

class NeuriteScorerTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("NeuriteScorerTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** {@code n} rows of {@code width} random features, in {@code partitions} partitions, in order, with an id. */
    private static Dataset<Row> features(double[][] x, int partitions) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType, false);
        for (int j = 0; j < x[0].length; j++) {
            schema = schema.add("x" + (j + 1), DataTypes.DoubleType, false);
        }
        schema = schema.add("v", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            Object[] values = new Object[x[i].length + 2];
            values[0] = i;
            for (int j = 0; j < x[i].length; j++) {
                values[j + 1] = x[i][j];
            }
            values[x[i].length + 1] = x[i].clone();
            rows.add(RowFactory.create(values));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(jsc.parallelize(rows, partitions), schema);
    }

    private static double[][] random(int n, int width, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][width];
        for (double[] row : x) {
            for (int j = 0; j < width; j++) {
                row[j] = r.nextGaussian() * 3 + 1;
            }
        }
        return x;
    }

    private static Mlp classifier(DType dtype, String last, int outputs, List<String> names) {
        return Mlp.builder().input(3).dense(16, "relu").dense(8, "tanh").dense(outputs, last)
                .dtype(dtype).seed(7).build()
                .withStandardization(Standardization.of(new double[] {1, 0.5, -1}, new double[] {3, 2, 4}))
                .withClassNames(names);
    }

    private static List<Row> byId(Dataset<Row> scored) {
        return scored.orderBy("id").collectAsList();
    }

    @Test
    void classifierScoresEqualPredictBitForBitWithProbabilitiesAndNames(@TempDir Path dir) throws Exception {
        double[][] x = random(2500, 3, 1);
        for (DType dtype : DType.values()) {
            Mlp model = classifier(dtype, "linear", 3, List.of("a", "b", "c"));
            Path file = dir.resolve(dtype + ".safetensors");
            ModelFiles.save(model, file);
            Mlp local = ModelFiles.load(file);
            double[][] expected = local.predict(x);
            NeuriteScorer scorer = NeuriteScorer.fromFile(file).withFeatureColumns("x1", "x2", "x3");
            assertTrue(scorer.isClassifier());
            List<Row> rows = byId(scorer.withBatchSize(1024).transform(features(x, 3)));
            assertEquals(x.length, rows.size());
            for (Row row : rows) {
                int i = row.getInt(0);
                double[] logits = expected[i];
                double[] p = softmax(logits);
                List<Double> got = row.getList(row.fieldIndex("probability"));
                for (int j = 0; j < 3; j++) {
                    assertEquals(p[j], got.get(j), 0.0, dtype + " row " + i);
                }
                assertEquals(List.of("a", "b", "c").get(argmax(logits)), row.getString(row.fieldIndex("prediction")),
                        dtype + " row " + i);
            }
        }
    }

    /**
     * An executor parses the model on the backend its JVM selects ({@code -Dneurite.backend}, as
     * {@code spark.executor.extraJavaOptions} would set it): here, in local mode, ND4J; the scores equal
     * {@code Mlp.predict} on ND4J bit for bit, in both dtypes.
     */
    @Test
    void onNd4jTooScoresEqualPredictBitForBit(@TempDir Path dir) throws Exception {
        double[][] x = random(700, 3, 5);
        String before = System.getProperty("neurite.backend");
        System.setProperty("neurite.backend", "nd4j");
        try {
            for (DType dtype : DType.values()) {
                // Seed 31, not the other tests' 7: the executors' cache is keyed by the file's content.
                Mlp model = Mlp.builder().input(3).dense(12, "gelu").dense(3, "linear").dtype(dtype).seed(31).build()
                        .withClassNames(List.of("a", "b", "c"));
                Path file = dir.resolve("nd4j-" + dtype + ".safetensors");
                ModelFiles.save(model, file);
                Mlp local = ModelFiles.load(file, org.neurite.api.Backends.get("nd4j"), null);
                double[][] expected = local.predict(x);
                List<Row> rows = byId(NeuriteScorer.fromFile(file).withFeatureColumns("x1", "x2", "x3")
                        .transform(features(x, 2)));
                assertEquals(x.length, rows.size());
                for (Row row : rows) {
                    int i = row.getInt(0);
                    double[] p = softmax(expected[i]);
                    List<Double> got = row.getList(row.fieldIndex("probability"));
                    for (int j = 0; j < 3; j++) {
                        assertEquals(p[j], got.get(j), 0.0, "nd4j " + dtype + " row " + i);
                    }
                }
            }
        } finally {
            if (before == null) {
                System.clearProperty("neurite.backend");
            } else {
                System.setProperty("neurite.backend", before);
            }
        }
    }

    @Test
    void regressionOutputsEqualPredictBitForBitFromTheVectorColumnAtAnyBatchSize() {
        double[][] x = random(777, 3, 2);
        Mlp model = Mlp.builder().input(3).dense(5, "gelu").dense(2, "linear").seed(3).build();
        double[][] expected = model.predict(x);
        for (int batch : new int[] {1, 100, 1024}) {
            List<Row> rows = byId(NeuriteScorer.of(model).withFeaturesColumn("v").withBatchSize(batch)
                    .transform(features(x, 2)));
            assertEquals(x.length, rows.size());
            assertFalse(List.of(rows.get(0).schema().fieldNames()).contains("probability"));
            for (Row row : rows) {
                List<Double> got = row.getList(row.fieldIndex("prediction"));
                double[] out = {got.get(0), got.get(1)};
                assertArrayEquals(expected[row.getInt(0)], out, 0.0, "batch " + batch + " row " + row.getInt(0));
            }
        }
    }

    @Test
    void binaryClassifiersGiveTheComplementAndAThresholdOfOneHalf() {
        double[][] x = random(300, 3, 3);
        for (String last : List.of("sigmoid", "linear")) {
            Mlp model = classifier(DType.FLOAT64, last, 1, List.of("no", "yes"));
            double[][] out = model.predict(x);
            for (Row row : byId(NeuriteScorer.of(model).withFeatureColumns("x1", "x2", "x3").transform(features(x, 2)))) {
                double y = out[row.getInt(0)][0];
                double p = last.equals("sigmoid") ? y : 1 / (1 + Math.exp(-y));
                List<Double> got = row.getList(row.fieldIndex("probability"));
                assertEquals(p, got.get(1), 1e-15);
                assertEquals(1 - p, got.get(0), 1e-15);
                assertEquals(p > 0.5 ? "yes" : "no", row.getString(row.fieldIndex("prediction")));
            }
        }
    }

    @Test
    void schemaErrorsNameTheColumn() {
        Dataset<Row> data = features(random(10, 3, 4), 1);
        NeuriteScorer scorer = NeuriteScorer.of(classifier(DType.FLOAT64, "softmax", 3, List.of("a", "b", "c")));
        assertThrows(IllegalArgumentException.class, () -> scorer.withFeatureColumns("x1", "x2"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> scorer.withFeatureColumns("x1", "x2", "nope").transform(data));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> scorer.withFeatureColumns("x1", "x2", "x3").withPredictionColumn("id").transform(data));
        assertTrue(taken.getMessage().contains("id"), taken.getMessage());
        assertThrows(IllegalStateException.class, () -> scorer.transform(data));
    }

    @Test
    void eachExecutorJvmParsesAFileOnceHoweverManyTasksAndJobsUseIt() {
        NeuriteScorer scorer = NeuriteScorer.of(classifier(DType.FLOAT64, "softmax", 3, List.of("a", "b", "c")).copy()
                .withClassNames(List.of("p", "q", "r")))
                .withFeatureColumns("x1", "x2", "x3");
        int before = ModelBytes.parses();
        Dataset<Row> data = features(random(400, 3, 5), 4);
        assertEquals(400, scorer.transform(data).collectAsList().size());
        assertEquals(400, scorer.withBatchSize(7).transform(data).collectAsList().size());
        assertEquals(before + 1, ModelBytes.parses(), "parses of one model file by 8 tasks in 2 jobs");
    }

    /** A million rows made by Spark from their id; the count, and a sample against Mlp.predict, bit for bit. */
    @Test
    void aMillionRowsGeneratedInSpark() {
        Mlp model = Mlp.builder().input(3).dense(32, "relu").dense(16, "relu").dense(4, "linear").seed(42).build()
                .withClassNames(List.of("w", "x", "y", "z"));
        int n = 1_000_000;
        Dataset<Row> rows = spark.range(0, n, 1, 2).selectExpr("id", "(id % 1000) / 1000D AS x1",
                "(id % 777) / 777D - 0.5D AS x2", "id / 250000D - 2D AS x3");
        Dataset<Row> scored = NeuriteScorer.of(model).withFeatureColumns("x1", "x2", "x3").transform(rows);
        long started = System.nanoTime();
        long total = 0;
        for (Row r : scored.groupBy("prediction").count().collectAsList()) {
            total += r.getLong(1);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("scored %,d rows in %.2f s: %,.0f rows/s (local[2], 2 partitions, batches of %d)%n", total,
                seconds, total / seconds, NeuriteScorer.DEFAULT_BATCH_SIZE);
        assertEquals(n, total);
        List<Row> sample = scored.filter("id % 99991 = 7").orderBy("id").collectAsList();
        assertEquals(11, sample.size());
        for (Row r : sample) {
            long id = r.getLong(0);
            double[] x = {(id % 1000) / 1000D, (id % 777) / 777D - 0.5D, id / 250000D - 2D};
            assertEquals(x[0], r.getDouble(1), 0.0);
            double[] logits = model.predict(new double[][] {x})[0];
            assertEquals(List.of("w", "x", "y", "z").get(argmax(logits)), r.getString(r.fieldIndex("prediction")));
            List<Double> p = r.getList(r.fieldIndex("probability"));
            double[] expected = softmax(logits);
            for (int j = 0; j < 4; j++) {
                assertEquals(expected[j], p.get(j), 0.0, "row " + id);
            }
        }
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            p[j] = Math.exp(z[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < z.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    static int argmax(double[] z) {
        int best = 0;
        for (int j = 1; j < z.length; j++) {
            if (z[j] > z[best]) {
                best = j;
            }
        }
        return best;
    }
}
