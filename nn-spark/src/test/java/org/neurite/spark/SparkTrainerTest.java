package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.optim.GradientClipping;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingSession;

class SparkTrainerTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkTrainerTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** 203 rows: 3 features, a regression target {@code y1, y2} and a class index {@code label} of 3. */
    private static final int N = 203;

    private static double[][] data() {
        Random r = new Random(11);
        double[][] rows = new double[N][6];
        for (double[] row : rows) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextGaussian();
            }
            row[3] = Math.sin(row[0]) + 0.5 * row[1] * row[2];
            row[4] = row[0] - row[2];
            row[5] = row[0] + row[1] > 0.5 ? 2 : row[2] > 0 ? 1 : 0;
        }
        return rows;
    }

    private static Dataset<Row> frame(double[][] rows, int partitions) {
        StructType schema = new StructType();
        for (String c : List.of("x1", "x2", "x3", "y1", "y2", "label")) {
            schema = schema.add(c, DataTypes.DoubleType, false);
        }
        List<Row> list = new ArrayList<>();
        for (double[] row : rows) {
            list.add(RowFactory.create(row[0], row[1], row[2], row[3], row[4], row[5]));
        }
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(list, partitions),
                schema);
    }

    /** What SparkTrainer documents: step t trains on rows [b * batch, (b + 1) * batch), b = t mod batches, in order. */
    private static Mlp single(Mlp model, Trainer trainer, double[][] rows, int[] targetCols, int batch, int steps) {
        TrainingSession session = trainer.session(model);
        int batches = (N + batch - 1) / batch;
        for (int t = 0; t < steps; t++) {
            int from = (t % batches) * batch;
            int to = Math.min(N, from + batch);
            double[] x = new double[(to - from) * 3];
            double[] y = new double[(to - from) * targetCols.length];
            for (int i = from; i < to; i++) {
                System.arraycopy(rows[i], 0, x, (i - from) * 3, 3);
                for (int k = 0; k < targetCols.length; k++) {
                    y[(i - from) * targetCols.length + k] = rows[i][targetCols[k]];
                }
            }
            session.step(x, y, to - from);
        }
        return session.model();
    }

    private static void assertSameWeights(Mlp expected, Mlp actual, double tolerance) {
        assertSameWeights(expected, actual, tolerance, "single-machine training");
    }

    private static void assertSameWeights(Mlp expected, Mlp actual, double tolerance, String what) {
        List<Parameter> e = expected.parameters();
        List<Parameter> a = actual.parameters();
        assertEquals(e.size(), a.size());
        double worst = 0;
        for (int i = 0; i < e.size(); i++) {
            double[] ev = new double[(int) e.get(i).size()];
            double[] av = new double[ev.length];
            e.get(i).tensor().copyTo(ev);
            a.get(i).tensor().copyTo(av);
            for (int j = 0; j < ev.length; j++) {
                worst = Math.max(worst, Math.abs(ev[j] - av[j]));
                assertEquals(ev[j], av[j], tolerance, e.get(i).name() + "[" + j + "]");
            }
        }
        System.out.printf("largest weight difference to %s: %.3g%n", what, worst);
    }

    @Test
    void regressionWeightsEqualSingleMachineTrainingOnTheSameGlobalBatches() {
        double[][] rows = data();
        Mlp model = Mlp.builder().input(3).dense(8, "tanh").dense(6, "prelu").dense(2, "linear").seed(5).build();
        int steps = 30;
        int batch = 32; // 7 batches an epoch, the last of 11 rows; 3 partitions of ~68 rows split some batches
        Trainer trainer = Trainer.builder().loss("mse").optimizer("adam(lr=0.01)").clipping(GradientClipping.byNorm(1.0))
                .batchSize(batch).build();
        SparkTrainingResult result = SparkTrainer.builder().trainer(trainer).features("x1", "x2", "x3")
                .targets("y1", "y2").build().fit(model, frame(rows, 3), steps);
        assertSameWeights(single(model, trainer, rows, new int[] {3, 4}, batch, steps), result.model(), 1e-9);
        assertEquals(steps, result.losses().length);
        assertTrue(result.losses()[steps - 1] < result.losses()[0], java.util.Arrays.toString(result.losses()));
        System.out.printf("SparkTrainer: %d steps, %.1f ms a step (local[2], 3 partitions)%n", steps,
                result.millisPerStep());
    }

    @Test
    void classifierWithClassIndicesAndSumReductionEqualsSingleMachineTraining() {
        double[][] rows = data();
        Mlp model = Mlp.builder().input(3).dense(10, "relu").dense(3, "linear").seed(9).build();
        int steps = 25;
        int batch = 50;
        for (String loss : List.of("cross_entropy", "cross_entropy(reduction=sum)")) {
            Trainer trainer = Trainer.builder().loss(loss).optimizer("sgd(lr=0.05, momentum=0.9)").batchSize(batch)
                    .build();
            SparkTrainingResult result = SparkTrainer.builder().trainer(trainer).features("x1", "x2", "x3")
                    .targets("label").build().fit(model, frame(rows, 4), steps);
            assertSameWeights(single(model, trainer, rows, new int[] {5}, batch, steps), result.model(), 1e-9);
        }
    }

    @Test
    void parameterAveragingWithOneLocalStepOfPlainSgdEqualsSynchronousTrainingOnEqualShares() {
        double[][] rows = Arrays.copyOf(data(), 200); // 4 partitions of 50 rows
        Mlp model = Mlp.builder().input(3).dense(8, "tanh").dense(2, "linear").seed(5).build();
        Trainer full = Trainer.builder().loss("mse").optimizer("sgd(lr=0.1)").batchSize(200).build();
        SparkTrainer.Builder builder = SparkTrainer.builder().trainer(full).features("x1", "x2", "x3")
                .targets("y1", "y2");
        int steps = 20;
        SparkTrainingResult synchronous = builder.build().fit(model, frame(rows, 4), steps);
        SparkTrainingResult averaged = builder.parameterAveraging(1).build().fit(model, frame(rows, 4), steps);
        assertSameWeights(synchronous.model(), averaged.model(), 1e-9,
                "synchronous training, of parameter averaging with k = 1");
        assertArrayEquals(synchronous.losses(), averaged.losses(), 1e-9);
    }

    @Test
    void parameterAveragingRunsFewerSparkJobsPerEpochAndTheLossStillDecreases() throws Exception {
        double[][] rows = Arrays.copyOf(data(), 200); // 4 partitions of 50 rows
        Dataset<Row> frame = frame(rows, 4);
        Mlp model = Mlp.builder().input(3).dense(8, "tanh").dense(2, "linear").seed(5).build();
        Trainer settings = Trainer.builder().loss("mse").optimizer("sgd(lr=0.05)").batchSize(10).build();
        SparkTrainer.Builder builder = SparkTrainer.builder().trainer(settings).features("x1", "x2", "x3")
                .targets("y1", "y2");
        int epochs = 3;
        // synchronous: 20 global batches of 10 an epoch; averaging, k = 5: 5 local batches of 10 per partition
        JobCount sync = JobCount.of(() -> builder.build().fit(model, frame, 20 * epochs));
        JobCount averaged = JobCount.of(() -> builder.parameterAveraging(5).build().fit(model, frame, epochs));
        System.out.printf("Spark jobs for %d epochs: synchronous %d (%.1f ms a step), parameter averaging (k = 5) "
                        + "%d (%.1f ms a round of 5 local steps)%n", epochs, sync.jobs, sync.result.millisPerStep(),
                averaged.jobs, averaged.result.millisPerStep());
        assertTrue(averaged.jobs < sync.jobs, averaged.jobs + " vs " + sync.jobs);
        assertTrue(averaged.jobs <= epochs + 1, "one job a round and one to count the rows: " + averaged.jobs);

        SparkTrainingResult longer = builder.parameterAveraging(5).build().fit(model, frame, 30);
        double[] losses = longer.losses();
        System.out.printf("parameter averaging, k = 5: loss %.4f in round 1, %.4f in round 30%n", losses[0],
                losses[29]);
        assertTrue(losses[29] < 0.7 * losses[0], Arrays.toString(losses));
    }

    /** The Spark jobs a piece of training started, counted by a listener. */
    private record JobCount(SparkTrainingResult result, int jobs) {
        static JobCount of(java.util.function.Supplier<SparkTrainingResult> training) throws InterruptedException {
            AtomicInteger started = new AtomicInteger();
            AtomicInteger ended = new AtomicInteger();
            SparkListener listener = new SparkListener() {
                @Override
                public void onJobStart(SparkListenerJobStart jobStart) {
                    started.incrementAndGet();
                }

                @Override
                public void onJobEnd(SparkListenerJobEnd jobEnd) {
                    ended.incrementAndGet();
                }
            };
            spark.sparkContext().addSparkListener(listener);
            try {
                SparkTrainingResult result = training.get();
                // the listener bus is asynchronous: wait until every job that started has been seen to end
                for (int i = 0; i < 100 && (started.get() == 0 || started.get() != ended.get()); i++) {
                    Thread.sleep(50);
                }
                Thread.sleep(200);
                return new JobCount(result, started.get());
            } finally {
                spark.sparkContext().removeSparkListener(listener);
            }
        }
    }

    @Test
    void theInputModelIsUnchangedAndBadColumnsAreNamed() {
        Mlp model = Mlp.builder().input(3).dense(2, "linear").seed(1).build();
        double[] before = new double[6];
        model.parameters().get(0).tensor().copyTo(before);
        Trainer settings = Trainer.builder().loss("mse").build();
        SparkTrainer trainer = SparkTrainer.builder().trainer(settings).features("x1", "x2", "x3").targets("y1", "y2")
                .build();
        trainer.fit(model, frame(data(), 2), 3);
        double[] after = new double[6];
        model.parameters().get(0).tensor().copyTo(after);
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(after));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkTrainer.builder()
                .trainer(settings).features("x1", "x2", "nope").targets("y1", "y2").build().fit(model, frame(data(), 2), 1));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
