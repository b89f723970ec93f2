package org.neurite.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.core.train.TrainingSession;

/**
 * Every training case builds on both backends and its steps run and lower the loss: what
 * {@link TrainingStepBenchmark} times is a real training step. A few steps each; measures nothing.
 */
class TrainingCaseTest {

    @ParameterizedTest
    @CsvSource({"xor_b4, ejml", "xor_b4, nd4j", "digits_b64, ejml", "digits_b64, nd4j", "mnist_b256, ejml",
            "mnist_b256, nd4j"})
    void stepsRunAndLowerTheLoss(String name, String backend) {
        TrainingCase c = TrainingCase.of(name);
        assertEquals(name, c.label());
        for (DType dtype : DType.values()) {
            TrainingSession session = c.session(Backends.get(backend), dtype);
            double[] x = c.inputs();
            double[] y = c.targets();
            double first = session.step(x, y, c.batch());
            double last = first;
            for (int i = 0; i < 2; i++) {
                last = session.step(x, y, c.batch());
            }
            assertTrue(Double.isFinite(first) && last < first,
                    backend + " " + dtype + ": loss " + first + " -> " + last + " after 3 steps");
        }
    }
}
