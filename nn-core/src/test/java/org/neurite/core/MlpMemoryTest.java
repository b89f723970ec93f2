package org.neurite.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** A thread that keeps predicting must not keep alive the models it predicted with and dropped. */
class MlpMemoryTest {

    @Test
    void aDroppedModelIsCollectedWhileTheSameThreadKeepsPredicting() throws InterruptedException {
        Mlp kept = Mlp.builder().input(2).dense(1, "sigmoid").seed(1).build();
        double[] out = new double[1];
        for (int round = 0; round < 3; round++) {
            WeakReference<Mlp> dropped = predictOnceWithANewModel();
            for (int i = 0; i < 50 && dropped.get() != null; i++) {
                System.gc();
                kept.predict(new double[] {1, 2}, out);   // the thread goes on predicting
                Thread.sleep(10);
            }
            assertNull(dropped.get(), "round " + round + ": the dropped model is still reachable");
        }
        assertEquals(1, out.length);
    }

    private static WeakReference<Mlp> predictOnceWithANewModel() {
        Mlp mlp = Mlp.builder().input(1000).dense(1000, "relu").dense(1, "sigmoid").seed(7).build();
        mlp.predict(new double[1000]);
        mlp.withStandardization(null).predict(new double[1000]);
        return new WeakReference<>(mlp);
    }
}
