package org.neurite.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.neurite.api.Loss;
import org.neurite.api.Losses;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.Standardization;
import org.neurite.core.data.Dataset;
import org.neurite.core.optim.GradientClipping;
import org.neurite.core.optim.OptimizerFactory;
import org.neurite.core.optim.Optimizers;
import org.neurite.core.optim.Schedule;
import org.neurite.core.optim.ScheduleFactory;
import org.neurite.core.optim.Schedules;

/**
 * Fits a model to a data set with mini-batch gradient descent:
 *
 * <pre>{@code
 * TrainingResult r = Trainer.builder()
 *         .loss("cross_entropy").optimizer("adam(lr=0.001)").batchSize(64).epochs(50).seed(42)
 *         .validation(split.validation()).earlyStopping(EarlyStopping.of(5)).listener(Progress.toLog())
 *         .build().fit(model, split.train());
 * }</pre>
 *
 * <p>Each epoch visits every training sample once, in an order shuffled by a {@link Random} seeded from the
 * run's seed and the epoch (so the same seed gives the same batches, and bit-identical weights, run after
 * run, and a run resumed from a {@link Checkpoint} continues exactly); batches are
 * consecutive slices of that order and the last one may be smaller, as PyTorch's {@code DataLoader} with
 * {@code drop_last=False}. A step is: forward, loss, backward, optional clipping, the optimizer's update.
 * After each epoch the validation set is scored, listeners are told, early stopping and the learning-rate
 * schedule (stepped once per epoch; {@code reduce_on_plateau} gets the monitored loss) take their turn.
 *
 * <p>The model passed to {@link #fit} is never changed: training runs on a private {@link Mlp#copy()},
 * published as {@link TrainingResult#model()} when it ends. The optimizer works on float64 master copies of
 * the parameters, written back to the model's tensors after every step (for float32 models, rounded: the
 * master weights keep the precision small updates need). A trainer is immutable and may run several fits,
 * one after another or at once.
 *
 * <p>Standardization: when the training data carries one ({@link Dataset#standardized()},
 * {@code Split.standardized()}), the trained model carries it too, so that it takes raw features; the
 * validation data must then be standardized the same way. When only the model carries one (training
 * further), both data sets are standardized with it first.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Trainer {

    private final Loss loss;
    private final OptimizerFactory optimizer;
    private final ScheduleFactory schedule;
    private final GradientClipping clipping;
    private final int batchSize;
    private final int epochs;
    private final Long seed;
    private final boolean shuffle;
    private final Dataset validation;
    private final double validationFraction;
    private final EarlyStopping earlyStopping;
    private final List<TrainingListener> listeners;
    private final Consumer<Checkpoint> checkpoints;

    private Trainer(Builder b, Loss loss) {
        this.loss = loss;
        this.optimizer = b.optimizer;
        this.schedule = b.schedule;
        this.clipping = b.clipping;
        this.batchSize = b.batchSize;
        this.epochs = b.epochs;
        this.seed = b.seed;
        this.shuffle = b.shuffle;
        this.validation = b.validation;
        this.validationFraction = b.validationFraction;
        this.earlyStopping = b.earlyStopping;
        this.listeners = List.copyOf(b.listeners);
        this.checkpoints = b.checkpoints;
    }

    /** A builder; {@link Builder#loss} is required, everything else has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** The optimizer's factory (each run makes its own optimizer from it). */
    public OptimizerFactory optimizer() {
        return optimizer;
    }

    /** The gradient clipping applied before each update. */
    public GradientClipping clipping() {
        return clipping;
    }

    /** Rows per batch. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Trains a copy of {@code model} on {@code train}.
     *
     * @throws IllegalArgumentException if the data does not fit the model or the loss (naming which)
     * @throws TrainingDivergedException if a loss or gradient turns NaN or infinite
     * @throws UnsupportedOperationException if a layer of the model cannot be trained
     */
    public TrainingResult fit(Mlp model, Dataset train) {
        Objects.requireNonNull(model, "model");
        return run(model, train, seed != null ? seed : new Random().nextLong(), null);
    }

    /**
     * Continues the run that {@code checkpoint} was taken from, on the same training data, up to this
     * trainer's number of epochs: the weights equal those of a run that never stopped (the same trainer
     * settings, the same data). Use the trainer that made the checkpoint, or one with more epochs.
     *
     * @throws IllegalArgumentException if the checkpoint has this many epochs or more already, or does not
     *     fit the optimizer (naming the state entry)
     */
    public TrainingResult resume(Checkpoint checkpoint, Dataset train) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (checkpoint.epoch() >= epochs && !checkpoint.history().stoppedEarly()) {
            throw new IllegalArgumentException("checkpoint: expected fewer than " + epochs
                    + " epochs (this trainer's), got one after epoch " + checkpoint.epoch());
        }
        return run(checkpoint.model(), train, checkpoint.seed(), checkpoint);
    }

    private TrainingResult run(Mlp model, Dataset train, long runSeed, Checkpoint from) {
        Objects.requireNonNull(train, "train");
        Dataset trainData = train;
        Dataset validationData = validation;
        if (validationData == null && validationFraction > 0) {
            var split = train.split(1 - validationFraction, runSeed);
            trainData = split.train();
            validationData = split.validation();
        }
        Optional<Standardization> standardization = trainData.standardization();
        if (standardization.isEmpty() && model.standardization().isPresent()) {
            standardization = model.standardization();
            trainData = trainData.standardizedWith(standardization.get());
            validationData = validationData == null ? null : validationData.standardizedWith(standardization.get());
        }
        requireFit(model, trainData, "train");
        if (validationData != null) {
            requireFit(model, validationData, "validation");
            if (!validationData.standardization().equals(standardization)) {
                throw new IllegalArgumentException("validation: expected data standardized like the training data ("
                        + standardization.map(Standardization::toString).orElse("none") + "), got "
                        + validationData.standardization().map(Standardization::toString).orElse("none")
                        + "; use Split.standardized() or validation.standardizedWith(...)");
            }
        }
        Targets trainTargets = Targets.of(trainData, model.outputSize(), loss);
        Targets validationTargets = validationData == null ? null
                : Targets.of(validationData, model.outputSize(), loss);
        Run run = new Run(model, trainData, trainTargets, runSeed, standardization.orElse(null), from);
        History history = run.train(validationData, validationTargets);
        for (TrainingListener l : listeners) {
            l.onTrainingEnd(history);
        }
        Mlp trained = run.model.withStandardization(standardization.orElse(null));
        return new TrainingResult(trainData.isClassification() ? named(trained, trainData) : trained, history);
    }

    /**
     * Scores {@code model} on {@code data} with this trainer's loss, in batches of its batch size. Raw data
     * is standardized with the model's standardization first, as {@link Mlp#predict(double[][])} does.
     *
     * @throws IllegalArgumentException if the data does not fit the model or the loss
     */
    public Evaluation evaluate(Mlp model, Dataset data) {
        Dataset prepared = data;
        if (data.standardization().isEmpty() && model.standardization().isPresent()) {
            prepared = data.standardizedWith(model.standardization().get());
        }
        requireFit(model, prepared, "data");
        Targets targets = Targets.of(prepared, model.outputSize(), loss);
        return new Evaluator(model, prepared, targets, Math.min(batchSize, prepared.size())).evaluate(loss);
    }

    /** The trained classifier with its data set's class names, when their count fits the outputs. */
    private static Mlp named(Mlp model, Dataset data) {
        List<String> names = data.classNames();
        if (names.size() == model.outputSize() || (model.outputSize() == 1 && names.size() == 2)) {
            return model.withClassNames(names);
        }
        return model; // fewer classes seen than outputs: the outputs' names are not known
    }

    private static void requireFit(Mlp model, Dataset data, String name) {
        if (data.featureCount() != model.inputSize()) {
            throw new IllegalArgumentException(name + ": expected " + model.inputSize()
                    + " features (the model's inputs), got " + data.featureCount());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException(name + ": expected at least one sample, got none");
        }
    }

    /**
     * A session that trains a private copy of {@code model} one batch at a time with this trainer's loss,
     * optimizer and clipping (the schedule, epochs and early stopping are {@link #fit}'s).
     *
     * @throws UnsupportedOperationException if a layer of the model cannot be trained
     */
    public TrainingSession session(Mlp model) {
        Objects.requireNonNull(model, "model");
        return new TrainingSession(model.copy(), loss, optimizer.create(), clipping);
    }

    /** One run's state: the session (private model, master weights, optimizer), the schedule, early stopping. */
    private final class Run {
        final TrainingSession session;
        final Mlp model;
        final Dataset data;
        final Targets targets;
        final long runSeed;
        final Standardization standardization;
        final List<double[]> best = new ArrayList<>();
        final Schedule sched;
        final Batches full;
        final Batches last;
        final int[] order;
        final List<EpochMetrics> history = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch;
        int sinceBest;

        Run(Mlp start, Dataset data, Targets targets, long runSeed, Standardization standardization, Checkpoint from) {
            this.session = session(start);
            this.model = session.model();
            this.data = data;
            this.targets = targets;
            this.runSeed = runSeed;
            this.standardization = standardization;
            for (double[] m : session.masters()) {
                best.add(m.clone());
            }
            this.sched = schedule == null ? null : schedule.create(session.optimizer());
            int n = data.size();
            int size = Math.min(batchSize, n);
            this.full = session.buffers(size, targets.width());
            this.last = n % size == 0 ? null : session.buffers(n % size, targets.width());
            this.order = new int[n];
            if (from != null) {
                replay(from);
            }
        }

        /** Brings the schedule, early stopping and the optimizer to where the checkpoint's run was. */
        private void replay(Checkpoint from) {
            session.restore(from.weights());
            for (EpochMetrics m : from.history().epochs()) {
                history.add(m);
                judge(m);
            }
            if (!from.bestWeights().isEmpty()) {
                copyInto(from.bestWeights(), best);
            }
            session.optimizer().restoreState(from.optimizerState()); // after the schedule's replay: its lr wins
        }

        /** Early stopping's and the schedule's turn after an epoch; true if the epoch was the best so far. */
        private boolean judge(EpochMetrics m) {
            double monitored = m.validated() ? m.validationLoss() : m.trainLoss();
            double minDelta = earlyStopping == null ? 0 : earlyStopping.minDelta();
            boolean improved = bestEpoch == 0 || monitored < bestLoss - minDelta;
            if (improved) {
                bestLoss = monitored;
                bestEpoch = m.epoch();
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            if (sched != null) {
                sched.step(monitored); // reduce_on_plateau reads the monitored loss; the others ignore it
            }
            return improved;
        }

        /** Copies each array of {@code from} over the same-length array of {@code to}; allocates nothing. */
        private static void copyInto(List<double[]> from, List<double[]> to) {
            for (int i = 0; i < to.size(); i++) {
                System.arraycopy(from.get(i), 0, to.get(i), 0, to.get(i).length);
            }
        }

        private boolean stopsEarly() {
            return earlyStopping != null && sinceBest >= earlyStopping.patience();
        }

        History train(Dataset validationData, Targets validationTargets) {
            Evaluator evaluator = validationData == null ? null
                    : new Evaluator(model, validationData, validationTargets, Math.min(batchSize, validationData.size()));
            boolean restoreBest = earlyStopping != null && earlyStopping.restoreBest();
            boolean stopped = stopsEarly();
            for (int epoch = history.size() + 1; epoch <= epochs && !stopped; epoch++) {
                long start = System.nanoTime();
                double lr = session.optimizer().learningRate();
                double[] train = epoch(epoch);
                Evaluation v = evaluator == null ? null : evaluator.evaluate(loss);
                EpochMetrics m = new EpochMetrics(epoch, train[0], train[1],
                        v == null ? Double.NaN : v.loss(), v == null ? Double.NaN : v.accuracy(),
                        v == null ? Double.NaN : v.mse(), v == null ? Double.NaN : v.mae(), lr,
                        (System.nanoTime() - start) / 1_000_000);
                history.add(m);
                for (TrainingListener l : listeners) {
                    l.onEpochEnd(m);
                }
                if (judge(m) && restoreBest) {
                    copyInto(session.masters(), best);
                }
                stopped = stopsEarly() && epoch < epochs;
                if (checkpoints != null) {
                    checkpoints.accept(new Checkpoint(session.snapshot().withStandardization(standardization),
                            session.masters(), epoch,
                            runSeed, session.optimizer().state(), new History(history, bestEpoch, stopped),
                            restoreBest ? best : List.of()));
                }
            }
            if (restoreBest) {
                session.restore(best);
            }
            return new History(history, bestEpoch, stopped);
        }

        /**
         * Trains one epoch in an order drawn for that epoch alone (the identity shuffled by a generator seeded
         * from the run's seed and the epoch), so that a resumed run draws what the whole run would have;
         * returns {mean loss per sample, accuracy or NaN}.
         */
        private double[] epoch(int epoch) {
            int n = order.length;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            if (shuffle) {
                Random random = new Random(runSeed + epoch * 0x9E3779B97F4A7C15L);
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            }
            int batches = (n + full.rows - 1) / full.rows;
            for (TrainingListener l : listeners) {
                l.onEpochStart(epoch, epochs, batches);
            }
            double total = 0;
            int correct = 0;
            for (int b = 0, from = 0; b < batches; b++, from += full.rows) {
                Batches batch = from + full.rows <= n ? full : last;
                batch.load(data, targets, order, from);
                double value = session.step(batch, batch.targets(), targets.width(), epoch, b + 1);
                total += batch.perSampleTotal(loss, value);
                if (data.isClassification()) {
                    correct += batch.correct(data, targets, order, from);
                }
                for (int i = 0; i < listeners.size(); i++) { // indexed: no iterator per batch
                    listeners.get(i).onBatchEnd(epoch, b + 1, batches, value);
                }
            }
            return new double[] {total / n, data.isClassification() ? (double) correct / n : Double.NaN};
        }
    }

    /**
     * Builds a {@link Trainer}. Each method checks its argument at once and throws before changing the
     * builder. Defaults: {@code adam(lr=0.001)}, no schedule, no clipping, batches of 32, 10 epochs, shuffled
     * with an unseeded random source (set {@link #seed} to reproduce a run), no validation, no early
     * stopping, losses from {@link Losses#discover()}.
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    public static final class Builder {
        private String lossSpec;
        private Loss lossInstance;
        private Losses losses;
        private OptimizerFactory optimizer = Optimizers.adam(0.001);
        private ScheduleFactory schedule;
        private GradientClipping clipping = GradientClipping.none();
        private int batchSize = 32;
        private int epochs = 10;
        private Long seed;
        private boolean shuffle = true;
        private Dataset validation;
        private double validationFraction;
        private EarlyStopping earlyStopping;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private Consumer<Checkpoint> checkpoints;

        private Builder() {
        }

        /** The loss by spec, for example {@code cross_entropy(label_smoothing=0.1)}; looked up at {@link #build()}. */
        public Builder loss(String spec) {
            this.lossSpec = Objects.requireNonNull(spec, "loss");
            this.lossInstance = null;
            return this;
        }

        /** The loss itself. */
        public Builder loss(Loss loss) {
            this.lossInstance = Objects.requireNonNull(loss, "loss");
            this.lossSpec = null;
            return this;
        }

        /** The registry that {@link #loss(String)} looks names up in (user losses included). */
        public Builder losses(Losses registry) {
            this.losses = Objects.requireNonNull(registry, "losses");
            return this;
        }

        /** The optimizer by spec, for example {@code adam(lr=0.001)} or {@code sgd(lr=0.1, momentum=0.9)}. */
        public Builder optimizer(String spec) {
            this.optimizer = Optimizers.parse(spec);
            return this;
        }

        /** The optimizer. */
        public Builder optimizer(OptimizerFactory factory) {
            this.optimizer = Objects.requireNonNull(factory, "optimizer");
            return this;
        }

        /** A learning-rate schedule by spec, for example {@code cosine(t_max=50)}; stepped once per epoch. */
        public Builder schedule(String spec) {
            this.schedule = Schedules.parse(spec);
            return this;
        }

        /** A learning-rate schedule, stepped once per epoch. */
        public Builder schedule(ScheduleFactory factory) {
            this.schedule = Objects.requireNonNull(factory, "schedule");
            return this;
        }

        /** Gradient clipping, for example {@code GradientClipping.byNorm(1.0)}, applied before every update. */
        public Builder clipping(GradientClipping policy) {
            this.clipping = Objects.requireNonNull(policy, "clipping");
            return this;
        }

        /** Samples per batch, at least 1 (a data set smaller than this trains in one batch). */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batchSize: expected >= 1, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        /** Epochs to train (at most, with early stopping), at least 1. */
        public Builder epochs(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("epochs: expected >= 1, got " + count);
            }
            this.epochs = count;
            return this;
        }

        /** The seed of the shuffling and of {@link #validationSplit}: the same seed, the same run. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether each epoch reshuffles the samples (default true); false keeps the data set's order. */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** A validation set scored after every epoch; replaces {@link #validationSplit}. */
        public Builder validation(Dataset data) {
            this.validation = Objects.requireNonNull(data, "validation");
            this.validationFraction = 0;
            return this;
        }

        /**
         * Holds out this fraction of the training data for validation (stratified for classes, seeded by
         * {@link #seed}); replaces {@link #validation}.
         */
        public Builder validationSplit(double fraction) {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("validationSplit: expected a fraction in (0, 1), got " + fraction);
            }
            this.validationFraction = fraction;
            this.validation = null;
            return this;
        }

        /** Early stopping on the validation loss (or the training loss without validation). */
        public Builder earlyStopping(EarlyStopping policy) {
            this.earlyStopping = Objects.requireNonNull(policy, "earlyStopping");
            return this;
        }

        /** Early stopping after {@code patience} epochs without improvement, restoring the best weights. */
        public Builder earlyStopping(int patience) {
            return earlyStopping(EarlyStopping.of(patience));
        }

        /** Adds a listener, called in the order added. */
        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Receives a {@link Checkpoint} after every epoch (to keep in memory or save), from which
         * {@link Trainer#resume} continues the run exactly.
         */
        public Builder checkpoints(Consumer<Checkpoint> sink) {
            this.checkpoints = Objects.requireNonNull(sink, "checkpoints");
            return this;
        }

        /**
         * Makes the trainer.
         *
         * @throws IllegalStateException if no loss was given
         * @throws org.neurite.api.UnknownLossException if the loss's name is unknown
         */
        public Trainer build() {
            if (lossSpec == null && lossInstance == null) {
                throw new IllegalStateException("loss: expected loss(...) before build(), for example "
                        + "loss(\"cross_entropy\") or loss(\"mse\")");
            }
            Loss resolved = lossInstance != null ? lossInstance
                    : (losses != null ? losses : Losses.discover()).get(lossSpec);
            return new Trainer(this, resolved);
        }
    }
}
