package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.data.Datasets;
import org.neurite.core.data.Split;
import org.neurite.core.train.Trainer;

/**
 * The same seed gives bit-identical trained weights run after run on one backend, and EJML and ND4J agree
 * within 1e-9 (float64) after 100 steps.
 */
class TrainingDeterminismTest {

    /** Spirals, 3 classes, 300 samples in batches of 30: 10 steps an epoch, 10 epochs. */
    private static double[][] train(String backend) {
        Split split = Datasets.spirals(100, 3, 0.2, 7).split(0.8, 1).standardized();
        Mlp model = Mlp.builder().backend(Backends.get(backend)).dtype(DType.FLOAT64).input(2)
                .dense(32, "relu").dense(16, "tanh").dense(3, "linear").seed(42).build();
        Mlp trained = Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.01)").batchSize(24).epochs(10)
                .seed(42).validation(split.validation()).build().fit(model, split.train()).model();
        List<double[]> all = new ArrayList<>();
        for (Parameter p : trained.parameters()) {
            double[] v = new double[(int) p.size()];
            p.tensor().copyTo(v);
            all.add(v);
        }
        return all.toArray(new double[0][]);
    }

    @Test
    void sameSeedSameBitsAndBackendsAgreeAfter100Steps() {
        double[][] ejml = train("ejml");
        assertArrayEquals(ejml, train("ejml"), "bit-identical on ejml");
        double[][] nd4j = train("nd4j");
        assertArrayEquals(nd4j, train("nd4j"), "bit-identical on nd4j");
        double worst = 0;
        for (int i = 0; i < ejml.length; i++) {
            for (int j = 0; j < ejml[i].length; j++) {
                worst = Math.max(worst, Math.abs(ejml[i][j] - nd4j[i][j]) / Math.max(1, Math.abs(ejml[i][j])));
            }
        }
        assertTrue(worst <= 1e-9, "ejml and nd4j differ by " + worst + " after 100 steps");
    }
}
