package org.neurite.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.neurite.api.Loss;
import org.neurite.api.Losses;
import org.neurite.api.Reduction;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.optim.GradientClipping;
import org.neurite.core.optim.Optimizer;
import org.neurite.core.optim.OptimizerFactory;
import org.neurite.core.optim.Optimizers;
import org.neurite.core.train.Trainer;

/**
 * Data-parallel training on Spark: synchronous mini-batch gradient averaging, one Spark job per step (the
 * default), or parameter averaging, one Spark job per round of local steps ({@link Builder#parameterAveraging}).
 *
 * <pre>{@code
 * Trainer settings = Trainer.builder().loss("mse").optimizer("adam(lr=0.01)").batchSize(256).build();
 * SparkTrainingResult result = SparkTrainer.builder().trainer(settings)
 *         .features("x1", "x2", "x3").targets("y")
 *         .build()
 *         .fit(model, data, 500);
 * }</pre>
 *
 * <p><b>The global batches.</b> The rows are numbered by their place in {@code data}: partition by partition,
 * in each partition in its order (so, for a data set made from a list, the list's order). Global batch
 * {@code b} holds rows {@code [b * batchSize, min(n, (b + 1) * batchSize))}, the last one of an epoch the
 * remainder, and step {@code t} (0-based) trains on batch {@code t mod ceil(n / batchSize)}: epochs in row
 * order, without shuffling (shuffle {@code data} yourself, with a seed, between runs).
 *
 * <p><b>A step.</b> The driver broadcasts the weights; each partition that holds rows of the batch runs the
 * forward pass, the loss and {@link Mlp#backward} on them, with the loss's gradient scaled by
 * {@code rows / batch rows} for a {@code mean} reduction, so that the sum over partitions is the gradient
 * of the whole batch; {@code treeAggregate} sums those gradients (and the scaled losses); the driver checks
 * that they are finite, clips them and steps the optimizer on its float64 master weights, exactly as
 * {@link org.neurite.core.train.TrainingSession#step} does on one machine. The weights after any number of
 * steps therefore equal a session's on the same batches up to the rounding of the summation order.
 *
 * <p>The features are fed as they are (standardized, if the model expects it), and the targets are what
 * the loss takes: one class index column for {@code cross_entropy} and {@code nll}, else one column per
 * output (one-hot for classes), as {@code TrainingSession.step} takes them. The mean reduction must be a
 * mean over rows or over elements (every built-in loss). The data are read once into a cached RDD of one
 * block per partition, released when {@link #fit} returns.
 *
 * <p><b>Parameter averaging</b> ({@code parameterAveraging(k)}, DL4J's {@code ParameterAveragingTrainingMaster}).
 * {@code fit}'s {@code steps} are then rounds. In a round the driver broadcasts the weights; each partition
 * runs {@code k} steps of a fresh optimizer on its own rows, its local batch {@code j} (0-based, of
 * {@code batchSize} rows: here the batch size is per partition) in the round {@code r} being its local batch
 * {@code (r * k + j) mod ceil(rows / batchSize)} in its order, each step's gradient clipped; then
 * {@code treeAggregate} sums each partition's weights times the rows it trained on, and the driver divides
 * by the rows: the weights' row-weighted mean (the plain mean when the partitions hold equal shares) is the
 * next round's start. The loss of a round is the row-weighted mean of its local steps' losses.
 * <ul>
 *   <li><b>The optimizer's state is not averaged, nor kept</b>: every partition starts every round with a
 *       fresh optimizer (made from the trainer's spec), so momentum and Adam's moments and bias correction
 *       restart each round; {@code k} steps are what carries state. Plain SGD has no state to lose.</li>
 *   <li><b>The trade-off</b>: one Spark job (one broadcast, one scheduling round trip, one aggregation) per
 *       {@code k} local steps instead of per step, so far less overhead per step; but the partitions drift
 *       apart during a round and the average of their weights is not what synchronous SGD would reach, the
 *       more so with larger {@code k}, a larger learning rate, stateful optimizers and partitions that hold
 *       different kinds of rows (shuffle {@code data} first). With {@code k = 1}, plain SGD without momentum
 *       and a mean loss, a round is exactly one synchronous step on the union of the partitions' local
 *       batches: the mean of {@code w - lr * g_p} weighted by rows is {@code w - lr} times the batch's
 *       gradient (with the whole data as one batch, the synchronous mode's full-batch step;
 *       {@code SparkTrainerTest}).</li>
 * </ul>
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class SparkTrainer {

    private final String lossSpec;
    private final OptimizerFactory optimizer;
    private final GradientClipping clipping;
    private final int batchSize;
    private final List<String> features;
    private final List<String> targets;
    private final int treeDepth;
    /** Local steps per round of parameter averaging; 0 for synchronous gradient averaging. */
    private final int localSteps;

    private SparkTrainer(Builder b) {
        this.lossSpec = b.trainer.loss().spec();
        this.optimizer = b.trainer.optimizer();
        this.clipping = b.trainer.clipping();
        this.batchSize = b.trainer.batchSize();
        this.features = b.features;
        this.targets = b.targets;
        this.treeDepth = b.treeDepth;
        this.localSteps = b.localSteps;
    }

    /** A builder: {@link Builder#trainer}, {@link Builder#features} and {@link Builder#targets} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains a copy of {@code model} for {@code steps} global steps on {@code data} (rounds, with parameter
     * averaging).
     *
     * @return the trained model (with {@code model}'s standardization and class names) and the loss per step
     *         (per round)
     * @throws IllegalArgumentException if a column is missing or not numeric, or the widths do not fit
     * @throws IllegalStateException if a step's loss or gradient is NaN or infinite (naming the step)
     */
    public SparkTrainingResult fit(Mlp model, Dataset<Row> data, int steps) {
        Objects.requireNonNull(model, "model");
        if (steps < 0) {
            throw new IllegalArgumentException("steps: expected >= 0, got " + steps);
        }
        Loss loss = Losses.discover().get(lossSpec);
        if (features.size() != model.inputSize()) {
            throw new IllegalArgumentException("features: expected " + model.inputSize()
                    + " columns (the model's inputs), got " + features.size() + ": " + features);
        }
        loss.checkTarget(model.outputSize(), targets.size());
        StructType schema = data.schema();
        List<String> columns = new ArrayList<>(features);
        columns.addAll(targets);
        for (String c : columns) {
            if (!Arrays.asList(schema.fieldNames()).contains(c)) {
                throw new IllegalArgumentException("column " + c + " not found in " + schema.simpleString());
            }
            if (!(schema.apply(c).dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("column " + c + ": expected a numeric type, got "
                        + schema.apply(c).dataType().simpleString());
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        int nx = features.size();
        int ny = targets.size();
        JavaRDD<Block> blocks = data.select(columns.stream().map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new))
                .javaRDD()
                .mapPartitionsWithIndex((partition, rows) -> List.of(Block.of(partition, rows, nx, ny)).iterator(),
                        true)
                .persist(StorageLevel.MEMORY_ONLY());
        Broadcast<ModelBytes> file = null;
        try {
            List<long[]> counts = blocks.map(b -> new long[] {b.partition, b.rows}).collect();
            long[] offsets = new long[counts.size() + 1];
            for (long[] c : counts) {
                offsets[(int) c[0] + 1] = c[1];
            }
            for (int i = 1; i < offsets.length; i++) {
                offsets[i] += offsets[i - 1];
            }
            long n = offsets[offsets.length - 1];
            if (steps > 0 && n == 0) {
                throw new IllegalArgumentException("data: expected at least one row, got none");
            }
            ModelBytes bytes = ModelBytes.of(model);
            file = jsc.broadcast(bytes);
            return localSteps > 0 ? average(model.copy(), blocks, steps, jsc, bytes.sha256(), file)
                    : run(model.copy(), loss, blocks, offsets, n, steps, jsc, bytes.sha256(), file);
        } finally {
            blocks.unpersist(false);
            if (file != null) {
                file.destroy();
            }
        }
    }

    /** Parameter averaging: {@code rounds} rounds of {@link #localSteps} local steps per partition. */
    private SparkTrainingResult average(Mlp model, JavaRDD<Block> blocks, int rounds, JavaSparkContext jsc, String key,
                                        Broadcast<ModelBytes> file) {
        List<Parameter> parameters = model.parameters();
        double[][] masters = new double[parameters.size()][];
        int total = 0;
        for (int i = 0; i < masters.length; i++) {
            masters[i] = new double[(int) parameters.get(i).size()];
            parameters.get(i).tensor().copyTo(masters[i]);
            total += masters[i].length;
        }
        double[] losses = new double[rounds];
        String spec = lossSpec;
        String optimizerSpec = optimizer.spec();
        String clippingSpec = clipping.spec();
        int k = localSteps;
        int batch = batchSize;
        int depth = treeDepth;
        int width = total + 2;
        long started = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            long round = r;
            Broadcast<double[][]> current = jsc.broadcast(masters);
            double[] sum;
            try {
                sum = blocks.treeAggregate(new double[width],
                        (acc, block) -> {
                            Replica.of(key, file, spec).train(block, current.value(), round, k, batch,
                                    Optimizers.parse(optimizerSpec).create(), GradientClipping.parse(clippingSpec),
                                    acc);
                            return acc;
                        },
                        SparkTrainer::add, depth);
            } finally {
                current.destroy();
            }
            double rows = sum[total + 1];
            losses[r] = sum[total] / rows;
            if (!Double.isFinite(losses[r])) {
                throw new IllegalStateException("training diverged in round " + (r + 1) + ": the loss is " + losses[r]);
            }
            double[][] next = new double[masters.length][];
            int at = 0;
            for (int i = 0; i < masters.length; i++) {
                next[i] = new double[masters[i].length];
                for (int j = 0; j < next[i].length; j++) {
                    next[i][j] = sum[at++] / rows;
                    if (!Double.isFinite(next[i][j])) {
                        throw new IllegalStateException("training diverged in round " + (r + 1)
                                + ": the averaged " + parameters.get(i).name() + " has " + next[i][j]);
                    }
                }
            }
            masters = next;
        }
        long nanos = System.nanoTime() - started;
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).tensor().assign(masters[i]);
        }
        return new SparkTrainingResult(model, losses, nanos);
    }

    /** {@code treeAggregate}'s combiner: {@code a += b}. */
    private static double[] add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    private SparkTrainingResult run(Mlp model, Loss loss, JavaRDD<Block> blocks, long[] offsets, long n, int steps,
                                    JavaSparkContext jsc, String key, Broadcast<ModelBytes> file) {
        List<Parameter> parameters = model.parameters();
        List<double[]> masters = new ArrayList<>();
        List<double[]> gradients = new ArrayList<>();
        int total = 0;
        for (Parameter p : parameters) {
            double[] values = new double[(int) p.size()];
            p.tensor().copyTo(values);
            masters.add(values);
            gradients.add(new double[values.length]);
            total += values.length;
        }
        Optimizer opt = optimizer.create();
        long batches = (n + batchSize - 1) / batchSize;
        double[] losses = new double[steps];
        String spec = lossSpec;
        int depth = treeDepth;
        long started = System.nanoTime();
        for (int t = 0; t < steps; t++) {
            long from = (t % batches) * batchSize;
            long to = Math.min(n, from + batchSize);
            double[][] weights = new double[masters.size()][];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = masters.get(i).clone();
            }
            Broadcast<double[][]> current = jsc.broadcast(weights);
            double[] sum;
            try {
                int width = total + 1;
                sum = blocks.treeAggregate(new double[width],
                        (acc, block) -> {
                            Replica.of(key, file, spec).addGradient(block, offsets[block.partition], from, to,
                                    current.value(), acc);
                            return acc;
                        },
                        SparkTrainer::add, depth);
            } finally {
                current.destroy();
            }
            losses[t] = sum[total];
            if (!Double.isFinite(losses[t])) {
                throw new IllegalStateException("training diverged at step " + (t + 1) + ": the loss is " + losses[t]);
            }
            int at = 0;
            for (int i = 0; i < gradients.size(); i++) {
                double[] g = gradients.get(i);
                System.arraycopy(sum, at, g, 0, g.length);
                at += g.length;
                for (double v : g) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalStateException("training diverged at step " + (t + 1)
                                + ": the gradient of " + parameters.get(i).name() + " has " + v);
                    }
                }
            }
            clipping.apply(gradients);
            opt.step(masters, gradients);
        }
        long nanos = System.nanoTime() - started;
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).tensor().assign(masters.get(i));
        }
        return new SparkTrainingResult(model, losses, nanos);
    }

    /** One partition's rows, read once: features and targets row-major, and where they stand globally. */
    static final class Block implements Serializable {
        private static final long serialVersionUID = 1L;
        final int partition;
        final int rows;
        final double[] x;
        final double[] y;

        private Block(int partition, int rows, double[] x, double[] y) {
            this.partition = partition;
            this.rows = rows;
            this.x = x;
            this.y = y;
        }

        static Block of(int partition, Iterator<Row> it, int nx, int ny) {
            DoubleList x = new DoubleList();
            DoubleList y = new DoubleList();
            int rows = 0;
            while (it.hasNext()) {
                Row r = it.next();
                for (int j = 0; j < nx + ny; j++) {
                    if (r.isNullAt(j)) {
                        throw new IllegalArgumentException("column " + r.schema().fieldNames()[j] + ": null in row "
                                + r);
                    }
                    (j < nx ? x : y).add(((Number) r.get(j)).doubleValue());
                }
                rows++;
            }
            return new Block(partition, rows, x.toArray(), y.toArray());
        }
    }

    /** A growable double array, for reading a partition of unknown length. */
    private static final class DoubleList {
        private double[] values = new double[1024];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** The loss's reduction scale for {@code rows} of a batch of {@code batchRows}: the share of a mean. */
    static double share(Loss loss, int rows, long batchRows) {
        return loss.reduction() == Reduction.SUM ? 1.0 : (double) rows / batchRows;
    }

    /** Settings of a {@link SparkTrainer}. */
    public static final class Builder {
        private Trainer trainer;
        private List<String> features = List.of();
        private List<String> targets = List.of();
        private int treeDepth = 2;
        private int localSteps;

        private Builder() {
        }

        /**
         * Parameter averaging instead of synchronous gradient averaging: each round, every partition runs
         * {@code localSteps} steps of a fresh optimizer on its own rows (the trainer's batch size is then per
         * partition) from the broadcast weights, and their row-weighted mean is the next round's weights;
         * {@code fit}'s steps count rounds. The class comment says what this trades.
         */
        public Builder parameterAveraging(int localSteps) {
            this.localSteps = positive("localSteps", localSteps);
            return this;
        }

        /** Synchronous gradient averaging, one Spark job per step: the default. */
        public Builder synchronous() {
            this.localSteps = 0;
            return this;
        }

        /**
         * The loss, optimizer, clipping and batch size (the global batch; per partition with parameter
         * averaging) of {@code trainer}, as {@link Trainer#session} would use them; its schedule, epochs,
         * shuffling and validation are {@code Trainer.fit}'s and play no part here. Executors look the loss up by its
         * {@link Loss#spec()}.
         */
        public Builder trainer(Trainer trainer) {
            this.trainer = Objects.requireNonNull(trainer, "trainer");
            return this;
        }

        /** The numeric feature columns, in the model's input order. */
        public Builder features(String... columns) {
            this.features = List.of(columns);
            return this;
        }

        /** The numeric target columns, as the loss takes them (one class index column for cross-entropy). */
        public Builder targets(String... columns) {
            this.targets = List.of(columns);
            return this;
        }

        /** The depth of {@code treeAggregate}'s tree (2). */
        public Builder treeDepth(int depth) {
            this.treeDepth = positive("depth", depth);
            return this;
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + ": expected >= 1, got " + value);
            }
            return value;
        }

        /**
         * The trainer.
         *
         * @throws IllegalStateException if no trainer, feature or target column is set
         * @throws IllegalArgumentException if the loss cannot be looked up by its spec (or, with parameter
         *         averaging, the optimizer or clipping by theirs)
         */
        public SparkTrainer build() {
            if (trainer == null || features.isEmpty() || targets.isEmpty()) {
                throw new IllegalStateException("expected trainer(...), features(...) and targets(...), got "
                        + (trainer == null ? "no trainer" : "a trainer") + ", " + features + " and " + targets);
            }
            Losses.discover().get(trainer.loss().spec());
            if (localSteps > 0) {
                // the executors make their optimizers and clipping from the specs
                Optimizers.parse(trainer.optimizer().spec());
                GradientClipping.parse(trainer.clipping().spec());
            }
            return new SparkTrainer(this);
        }
    }
}
