package org.neurite.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.data.Dataset;
import org.neurite.core.data.Datasets;
import org.neurite.core.data.Split;

class TrainerTest {

    private static Mlp tutorialXor(long seed) {
        return Mlp.builder().input(2).dense(4, "relu").dense(3, "relu").dense(1, "sigmoid").seed(seed).build();
    }

    /** The history's metrics with the wall times zeroed, which differ from run to run. */
    private static List<EpochMetrics> withoutTimes(History h) {
        return h.epochs().stream().map(m -> new EpochMetrics(m.epoch(), m.trainLoss(), m.trainAccuracy(),
                m.validationLoss(), m.validationAccuracy(), m.validationMse(), m.validationMae(), m.learningRate(), 0))
                .toList();
    }

    private static double[][] weights(Mlp model) {
        List<double[]> all = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            double[] v = new double[(int) p.size()];
            p.tensor().copyTo(v);
            all.add(v);
        }
        return all.toArray(new double[0][]);
    }

    @Test
    void learnsXorWithTheTutorialNetwork() {
        Mlp model = Mlp.builder().input(2).dense(8, "tanh").dense(1, "sigmoid").seed(3).build();
        TrainingResult r = Trainer.builder().loss("bce").optimizer("adam(lr=0.05)").batchSize(4).epochs(300)
                .seed(1).build().fit(model, Datasets.xor());
        double[][] y = r.model().predict(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        double[] expected = {0, 1, 1, 0};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], y[i][0], 0.1, "XOR output " + i);
        }
        assertEquals(300, r.history().epochs().size());
        assertEquals(1.0, r.history().last().trainAccuracy());
        assertTrue(r.history().last().trainLoss() < r.history().epochs().get(0).trainLoss());
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsAndTheInputModelIsUntouched() {
        Mlp model = tutorialXor(42);
        double[][] before = weights(model);
        Dataset moons = Datasets.twoMoons(200, 0.1, 5);
        Trainer trainer = Trainer.builder().loss("bce").optimizer("sgd(lr=0.1, momentum=0.9)").batchSize(16)
                .epochs(5).seed(9).build();
        Mlp a = trainer.fit(model, moons).model();
        Mlp b = trainer.fit(model, moons).model();
        assertArrayEquals(weights(a), weights(b));
        assertArrayEquals(before, weights(model), "fit trains a copy");
        Mlp c = Trainer.builder().loss("bce").optimizer("sgd(lr=0.1, momentum=0.9)").batchSize(16).epochs(5)
                .seed(10).build().fit(model, moons).model();
        assertFalse(java.util.Arrays.deepEquals(weights(a), weights(c)), "another seed shuffles otherwise");
    }

    @Test
    void classifiesWithCrossEntropyOnLogitsAndValidates() {
        Dataset spirals = Datasets.spirals(60, 3, 0.1, 4);
        Split split = spirals.split(0.75, 11).standardized();
        Mlp model = Mlp.builder().input(2).dense(32, "relu").dense(3, "linear").seed(2).build();
        List<EpochMetrics> seen = new ArrayList<>();
        int[] batches = new int[1];
        TrainingResult r = Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.01)").batchSize(32)
                .epochs(40).seed(3).validation(split.validation())
                .listener(new TrainingListener() {
                    @Override public void onBatchEnd(int epoch, int batch, int total, double loss) { batches[0]++; }
                    @Override public void onEpochEnd(EpochMetrics m) { seen.add(m); }
                }).build().fit(model, split.train());
        assertEquals(40, seen.size());
        assertEquals(40 * 5, batches[0], "135 samples in batches of 32: 5 a epoch");
        EpochMetrics last = r.history().last();
        assertTrue(last.validated());
        assertTrue(last.validationAccuracy() > 0.8, last.toString());
        assertTrue(Double.isNaN(last.validationMse()));
        assertEquals(split.train().standardization(), r.model().standardization());
        assertEquals(java.util.Optional.of(List.of("0", "1", "2")), r.model().classNames());
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestEpoch() {
        Dataset data = Datasets.twoMoons(100, 0.3, 1);
        Split split = data.split(0.5, 2);
        Mlp model = Mlp.builder().input(2).dense(64, "relu").dense(1, "linear").seed(1).build();
        TrainingResult r = Trainer.builder().loss("bce_with_logits").optimizer("sgd(lr=2.0)").batchSize(8)
                .epochs(200).seed(1).validation(split.validation()).earlyStopping(3).build()
                .fit(model, split.train());
        History h = r.history();
        assertTrue(h.stoppedEarly(), h.toString());
        assertEquals(h.bestEpoch() + 3, h.epochs().size());
        double restored = Trainer.builder().loss("bce_with_logits").build().evaluate(r.model(), split.validation())
                .loss();
        assertEquals(h.best().validationLoss(), restored, 1e-12, "the returned weights are the best epoch's");
    }

    @Test
    void aDivergingRunStopsWithTheEpochBatchAndQuantity() {
        Dataset data = Dataset.regression(new double[][] {{1e3}, {2e3}, {-3e3}}, new double[] {1, 2, 3});
        Mlp model = Mlp.builder().input(1).dense(4, "linear").dense(1, "linear").seed(1).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> Trainer.builder()
                .loss("mse").optimizer("sgd(lr=10)").batchSize(1).epochs(50).seed(1).build().fit(model, data));
        assertTrue(e.getMessage().startsWith("training diverged: epoch " + e.epoch() + ", batch " + e.batch() + ": "),
                e.getMessage());
        assertTrue(e.quantity().equals("loss") || e.quantity().startsWith("gradient of layers."), e.quantity());
    }

    @Test
    void mismatchesAreClearErrors() {
        Mlp model = tutorialXor(1);
        Trainer trainer = Trainer.builder().loss("bce").build();
        Dataset wide = Dataset.classification(new double[][] {{1, 2, 3}}, new int[] {0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(model, wide));
        assertEquals("train: expected 2 features (the model's inputs), got 3", e.getMessage());
        Dataset three = Dataset.classification(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new int[] {0, 1, 2});
        e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(model, three));
        assertTrue(e.getMessage().contains("a single output can only tell 2 classes apart"), e.getMessage());
        Split split = Datasets.twoMoons(40, 0.1, 1).split(0.5, 1);
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder().loss("bce")
                .validation(split.validation()).build().fit(model, split.train().standardized()));
        assertTrue(e.getMessage().startsWith("validation: expected data standardized like the training data"),
                e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> Trainer.builder().build());
        assertTrue(s.getMessage().startsWith("loss: expected loss(...) before build()"));
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().validationSplit(1.0));
    }

    @Test
    void aSessionStepsLikeFitAndChecksItsArguments() {
        Dataset xor = Datasets.xor();
        Mlp model = tutorialXor(5);
        Trainer trainer = Trainer.builder().loss("bce").optimizer("sgd(lr=0.5)").batchSize(4).epochs(3)
                .shuffle(false).build();
        TrainingSession session = trainer.session(model);
        double[] x = {0, 0, 0, 1, 1, 0, 1, 1};
        double[] y = {0, 1, 1, 0};
        for (int i = 0; i < 3; i++) {
            session.step(x, y, 4);
        }
        assertEquals(3, session.steps());
        assertArrayEquals(weights(trainer.fit(model, xor).model()), weights(session.snapshot()),
                "three full-batch steps in order are three epochs of fit");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> session.step(new double[7], y, 4));
        assertEquals("inputs: expected 4 rows of 2 values (8), got 7 values", e.getMessage());
        double[] before = weights(session.model())[0];
        assertThrows(TrainingDivergedException.class,
                () -> session.step(new double[] {Double.NaN, 0, 0, 1, 1, 0, 1, 1}, y, 4));
        assertArrayEquals(before, weights(session.model())[0], "a diverged step changes nothing");
    }

    @Test
    void aModelKeepsServingTheSameAnswersWhileACopyOfItTrains() throws Exception {
        Mlp model = tutorialXor(8);
        double[] x = {0.25, 0.75};
        double expected = model.predict(x)[0];
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger differences = new java.util.concurrent.atomic.AtomicInteger();
        Thread server = new Thread(() -> {
            double[] out = new double[1];
            while (!done.get()) {
                model.predict(x, out);
                if (out[0] != expected) {
                    differences.incrementAndGet();
                }
            }
        });
        server.start();
        Trainer.builder().loss("bce").optimizer("adam(lr=0.05)").batchSize(8).epochs(30).seed(1).build()
                .fit(model, Datasets.twoMoons(200, 0.1, 3));
        done.set(true);
        server.join();
        assertEquals(0, differences.get(), "predictions of the original changed while its copy trained");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(org.neurite.api.DType.class)
    void resumingAfterAnyEpochGivesTheWeightsOfTheUninterruptedRun(org.neurite.api.DType dtype) {
        Dataset data = Datasets.spirals(40, 3, 0.2, 2).standardized();
        Mlp model = Mlp.builder().dtype(dtype).input(2).dense(16, "prelu").dense(3, "linear").seed(4).build();
        List<Checkpoint> checkpoints = new ArrayList<>();
        Trainer trainer = Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.3, amsgrad=true)")
                .schedule("reduce_on_plateau(factor=0.5, patience=1)").batchSize(16).epochs(30).seed(5)
                .validationSplit(0.25).earlyStopping(new EarlyStopping(4, 0.0, true))
                .checkpoints(checkpoints::add).build();
        TrainingResult whole = trainer.fit(model, data);
        assertEquals(whole.history().epochs().size(), checkpoints.size());
        assertTrue(whole.history().last().learningRate() < 0.3, "the plateau schedule acted: " + whole.history());
        assertTrue(whole.history().bestEpoch() < whole.history().epochs().size(), "the best epoch is restored");
        for (Checkpoint c : List.copyOf(checkpoints.subList(0, checkpoints.size() - 1))) {
            TrainingResult resumed = trainer.resume(c, data);
            assertArrayEquals(weights(whole.model()), weights(resumed.model()), "resumed after epoch " + c.epoch());
            assertEquals(withoutTimes(whole.history()), withoutTimes(resumed.history()),
                    "history after resuming at epoch " + c.epoch());
        }
        assertTrue(whole.history().stoppedEarly(), whole.history().toString());
        Checkpoint lastOne = checkpoints.get(checkpoints.size() - 1);
        assertArrayEquals(weights(whole.model()), weights(trainer.resume(lastOne, data).model()),
                "resuming a run that stopped early gives its result at once");
        Checkpoint third = checkpoints.get(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder()
                .loss("cross_entropy").epochs(2).build().resume(third, data));
        assertEquals("checkpoint: expected fewer than 2 epochs (this trainer's), got one after epoch 3", e.getMessage());
    }
}
