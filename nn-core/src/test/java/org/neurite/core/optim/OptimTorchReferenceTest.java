package org.neurite.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays PyTorch 1.13's trajectories (optim_fixtures.txt, from generate_fixtures.py): every optimizer
 * variant, every schedule and both clippings, 20 steps each, parameters to 1e-9 relative and learning rates
 * to 1e-12 after every step. Each case runs twice: fed torch's recorded gradients, and closed-loop, with the
 * gradient recomputed in Java from Java's own parameters (checked against torch's autograd gradient).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptimTorchReferenceTest {

    private static final double PARAM_TOLERANCE = 1e-9;
    private static final double LR_TOLERANCE = 1e-12;

    private TorchFixtures fixtures;

    @BeforeAll
    void load() {
        fixtures = TorchFixtures.load();
    }

    Stream<TorchFixtures.Case> cases() {
        return TorchFixtures.load().cases.stream();
    }

    @Test
    void everyVariantIsCovered() {
        List<String> optimizers = new ArrayList<>();
        List<String> schedules = new ArrayList<>();
        List<String> clips = new ArrayList<>();
        for (TorchFixtures.Case c : fixtures.cases) {
            optimizers.add(Optimizers.parse(c.optimizer()).spec());
            if (c.schedule() != null) {
                schedules.add(Schedules.parse(c.schedule()).spec() + " on " + c.optimizer());
            }
            if (c.clip() != null) {
                clips.add(c.clip());
            }
            assertEquals(20, c.steps().size(), c.name());
        }
        assertEquals(38, fixtures.cases.size());
        for (String name : Optimizers.names()) {
            assertTrue(optimizers.stream().anyMatch(s -> s.startsWith(name + "(")), name);
        }
        for (String name : Schedules.names()) {
            assertTrue(schedules.stream().anyMatch(s -> s.startsWith(name + "(") && s.contains(" on sgd")), name);
        }
        assertTrue(schedules.stream().anyMatch(s -> s.contains(" on adam")));
        assertTrue(clips.stream().anyMatch(s -> s.startsWith("norm")));
        assertTrue(clips.stream().anyMatch(s -> s.startsWith("value")));
    }

    @ParameterizedTest(name = "{0} fed torch's gradients")
    @MethodSource("cases")
    void replayWithTorchGradients(TorchFixtures.Case c) {
        run(c, false);
    }

    @ParameterizedTest(name = "{0} closed loop, Java's gradients")
    @MethodSource("cases")
    void replayClosedLoop(TorchFixtures.Case c) {
        run(c, true);
    }

    private void run(TorchFixtures.Case c, boolean closedLoop) {
        Optimizer optimizer = Optimizers.parse(c.optimizer()).create();
        Schedule schedule = c.schedule() == null ? null : Schedules.parse(c.schedule()).create(optimizer);
        GradientClipping clipping = c.clip() == null ? GradientClipping.none() : GradientClipping.parse(c.clip());
        assertEquals(c.lr0(), optimizer.learningRate(), LR_TOLERANCE, c.name() + ": lr at construction");
        List<double[]> params = fixtures.initialParameters();
        int k = 0;
        for (TorchFixtures.Step step : c.steps()) {
            k++;
            String where = c.name() + " step " + k;
            List<double[]> grads;
            if (closedLoop) {
                grads = fixtures.gradient(params);
                assertClose(step.rawGrad(), grads, PARAM_TOLERANCE, where + " autograd gradient");
            } else {
                grads = copy(step.rawGrad());
            }
            double norm = clipping.apply(grads);
            if (!Double.isNaN(step.norm())) {
                assertTrue(Math.abs(norm - step.norm()) <= PARAM_TOLERANCE * Math.max(1, Math.abs(step.norm())),
                        where + ": norm " + norm + " vs torch " + step.norm());
            }
            assertClose(step.grad(), grads, PARAM_TOLERANCE, where + " clipped gradient");
            List<double[]> before = copy(grads.toArray(double[][]::new));
            assertEquals(step.lrUsed(), optimizer.learningRate(), LR_TOLERANCE, where + ": lr used");
            optimizer.step(params, grads);
            for (int t = 0; t < grads.size(); t++) {
                assertArrayEqualsExactly(before.get(t), grads.get(t), where + ": gradient modified");
            }
            if (schedule != null) {
                if (Double.isNaN(step.metric())) {
                    schedule.step();
                } else {
                    schedule.step(step.metric());
                }
                assertEquals(step.lr(), schedule.learningRate(), LR_TOLERANCE, where + ": schedule lr");
            }
            assertEquals(step.lr(), optimizer.learningRate(), LR_TOLERANCE, where + ": lr after");
            assertClose(step.param(), params, PARAM_TOLERANCE, where + " parameters");
            assertEquals(k, optimizer.steps());
        }
    }

    static void assertClose(double[][] torch, List<double[]> ours, double tolerance, String what) {
        assertEquals(torch.length, ours.size(), what + ": tensor count");
        for (int t = 0; t < torch.length; t++) {
            assertEquals(torch[t].length, ours.get(t).length, what + ": length of " + t);
            for (int j = 0; j < torch[t].length; j++) {
                double expected = torch[t][j];
                double actual = ours.get(t)[j];
                if (!(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)))) {
                    fail(what + " [" + t + "][" + j + "]: expected torch's " + expected + ", got " + actual
                            + " (difference " + (actual - expected) + ")");
                }
            }
        }
    }

    private static void assertArrayEqualsExactly(double[] expected, double[] actual, String what) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(actual[j]), what);
        }
    }

    static List<double[]> copy(double[][] arrays) {
        List<double[]> copy = new ArrayList<>();
        for (double[] a : arrays) {
            copy.add(a.clone());
        }
        return copy;
    }
}
