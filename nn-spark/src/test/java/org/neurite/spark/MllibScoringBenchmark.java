package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neurite.core.Mlp;

/**
 * Not run by the normal build (the {@code benchmark} tag is excluded): the same 1,000,000 rows scored by the
 * same network three ways, (a) {@link NeuriteScorer} in {@code local[2]}, (b) batches of {@code Mlp.predict}
 * in this one JVM, as {@code neurite predict} streams them, and (c) MLlib's own {@code transform}; the network
 * is an MLlib {@code [3, 32, 16, 4]} perceptron, converted by {@link MllibModels} for (a) and (b). Each is
 * run three times; the class counts of all three must agree. Run with:
 *
 * <pre>
 * ./mvnw -B -q -o -pl nn-spark -am test -Dtest=MllibScoringBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dneurite.spark.excludedGroups=none
 * </pre>
 */
@Tag("benchmark")
class MllibScoringBenchmark {
    private static final int ROWS = 1_000_000;
    private static final int BATCH = 1024;
    private static final int RUNS = 3;
    private static final String[] FEATURES = {"(id % 1000) / 1000D AS x1", "(id % 777) / 777D - 0.5D AS x2",
            "id / 250000D - 2D AS x3"};

    @Test
    void scoreAMillionRowsThreeWays() {
        SparkSession spark = LocalSpark.start("MllibScoringBenchmark");
        try {
            Dataset<Row> train = spark.range(0, ROWS, 997, 2).selectExpr(FEATURES)
                    .selectExpr("*", "CAST((CASE WHEN x1 > 0.5 THEN 1 ELSE 0 END) + (CASE WHEN x2 + x3 > 0 THEN 2 "
                            + "ELSE 0 END) AS DOUBLE) AS label");
            VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"x1", "x2", "x3"})
                    .setOutputCol("features");
            MultilayerPerceptronClassificationModel mllib = new MultilayerPerceptronClassifier()
                    .setLayers(new int[] {3, 32, 16, 4}).setSeed(42).setMaxIter(30).fit(assembler.transform(train));
            Mlp model = MllibModels.of(mllib);
            Dataset<Row> rows = spark.range(0, ROWS, 1, 2).selectExpr(FEATURES);

            NeuriteScorer scorer = NeuriteScorer.of(model).withFeatureColumns("x1", "x2", "x3");
            Map<String, Long> a = best("(a) NeuriteScorer, local[2]", () -> counts(scorer.transform(rows), false));
            Map<String, Long> b = best("(b) Mlp.predict in batches of " + BATCH + ", one JVM", () -> predict(model));
            Map<String, Long> c = best("(c) MLlib transform, local[2]",
                    () -> counts(mllib.transform(assembler.transform(rows)), true));
            assertEquals(a, b);
            assertEquals(a, c);
            System.out.println("class counts, equal in all three: " + a);
        } finally {
            spark.stop();
        }
    }

    private static Map<String, Long> best(String what, Supplier<Map<String, Long>> run) {
        Map<String, Long> counts = null;
        double best = Double.POSITIVE_INFINITY;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            counts = run.get();
            double seconds = (System.nanoTime() - started) / 1e9;
            best = Math.min(best, seconds);
            all.append(String.format(" %.2f", seconds));
        }
        assertEquals(ROWS, counts.values().stream().mapToLong(Long::longValue).sum());
        System.out.printf("%s: %,d rows, best %.2f s (runs:%s s): %,.0f rows/s%n", what, ROWS, best, all, ROWS / best);
        return counts;
    }

    /** The rows per predicted class, by a {@code groupBy} of the scored rows (MLlib's index as a name). */
    private static Map<String, Long> counts(Dataset<Row> scored, boolean mllib) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : scored.groupBy("prediction").count().collectAsList()) {
            String name = mllib ? String.valueOf((int) r.getDouble(0)) : r.getString(0);
            counts.put(name, r.getLong(1));
        }
        return counts;
    }

    /** The same rows made in this JVM, scored by {@code Mlp.predict} a batch at a time. */
    private static Map<String, Long> predict(Mlp model) {
        long[] counts = new long[model.outputSize()];
        double[][] batch = new double[BATCH][3];
        for (long from = 0; from < ROWS; from += BATCH) {
            int n = (int) Math.min(BATCH, ROWS - from);
            double[][] x = n == BATCH ? batch : new double[n][3];
            for (int i = 0; i < n; i++) {
                long id = from + i;
                x[i][0] = (id % 1000) / 1000D;
                x[i][1] = (id % 777) / 777D - 0.5D;
                x[i][2] = id / 250000D - 2D;
            }
            for (double[] p : model.predict(x)) {
                counts[NeuriteScorerTest.argmax(p)]++;
            }
        }
        Map<String, Long> byName = new TreeMap<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                byName.put(model.classNames().orElseThrow().get(c), counts[c]);
            }
        }
        return byName;
    }
}
