package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.data.Dataset;
import org.neurite.core.data.Datasets;
import org.neurite.core.data.Split;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingResult;
import org.neurite.io.BundledDatasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accuracy on real data: the optical-recognition digits with the recipe ({@code [64, 128, 64, 10]}
 * relu, Adam lr 1e-3, batch 64, 50 epochs, standardized, a 25% stratified hold-out) reach at least 96% held
 * out on both backends (scikit-learn's {@code MLPClassifier} with the same settings reaches 96.9%); and the
 * share of 100 seeds with which the tutorial's {@code [2, 4, 3, 1]} network learns XOR, measured and logged.
 */
class RealDataAccuracyTest {

    private static final Logger LOG = LoggerFactory.getLogger(RealDataAccuracyTest.class);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ejml, FLOAT64", "nd4j, FLOAT32"})
    void digitsReachAtLeast96PercentHeldOut(String backend, DType dtype) {
        Split split = BundledDatasets.digits().split(0.75, 42).standardized();
        Mlp model = Mlp.builder().backend(Backends.get(backend)).dtype(dtype).input(64)
                .dense(128, "relu").dense(64, "relu").dense(10, "linear").seed(42).build();
        Trainer trainer = Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.001)").batchSize(64)
                .epochs(50).seed(42).build();
        TrainingResult r = trainer.fit(model, split.train());
        double accuracy = trainer.evaluate(r.model(), split.validation()).accuracy();
        LOG.info("digits on {} {}: held-out accuracy {} ({} test samples)", backend, dtype, accuracy,
                split.validation().size());
        assertTrue(accuracy >= 0.96, "held-out accuracy " + accuracy);
    }

    /**
     * The tutorial's XOR network, {@code [2, 4, 3, 1]} relu-relu-sigmoid, trained with full-batch Adam
     * (lr 0.05, BCE, 500 epochs) from 100 seeds; a seed solves XOR when all four outputs are within 0.1 of
     * 0, 1, 1, 0. ReLU networks this narrow often start with dead units, so the share is well below 1; the
     * test pins that it is measured and in a plausible range, and logs it.
     */
    @Test
    void shareOfSeedsThatSolveXorWithTheTutorialNetwork() {
        Dataset xor = Datasets.xor();
        double[] expected = {0, 1, 1, 0};
        Trainer trainer = Trainer.builder().loss("bce").optimizer("adam(lr=0.05)").batchSize(4).epochs(500)
                .shuffle(false).build();
        List<Integer> solved = new ArrayList<>();
        for (int seed = 0; seed < 100; seed++) {
            Mlp model = Mlp.builder().input(2).dense(4, "relu").dense(3, "relu").dense(1, "sigmoid").seed(seed)
                    .build();
            double[][] y = trainer.fit(model, xor).model().predict(xor.features());
            boolean ok = true;
            for (int i = 0; i < 4; i++) {
                ok &= Math.abs(y[i][0] - expected[i]) <= 0.1;
            }
            if (ok) {
                solved.add(seed);
            }
        }
        LOG.info("XOR with [2, 4, 3, 1] relu: {} of 100 seeds solve it", solved.size());
        assertTrue(solved.size() >= 20 && solved.size() <= 100, solved.size() + " of 100 seeds");
    }
}
