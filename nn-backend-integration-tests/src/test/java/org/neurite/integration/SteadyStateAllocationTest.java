package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.Workspace;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingSession;

/**
 * A forward pass on a kept workspace and a training step on a kept session allocate nothing once warm, on
 * both backends and dtypes, softmax and log_softmax included (their row buffers are per thread): the
 * bytes this thread allocates over many calls, as the JVM counts them, stay below what a single 16-byte
 * object per call would add. Interpreted or compiled, so the code itself must not allocate (no reliance on
 * escape analysis).
 */
class SteadyStateAllocationTest {

    private static final int CALLS = 2000;
    /** Far below {@link #CALLS} × 16 bytes: one object per call fails. */
    private static final long SLACK_BYTES = 4096;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (String backend : List.of("ejml", "nd4j")) {
            for (DType dtype : DType.values()) {
                for (String output : List.of("sigmoid", "softmax", "log_softmax", "linear")) {
                    args.add(Arguments.of(backend, dtype, output));
                }
            }
        }
        return args.stream();
    }

    private static Mlp network(String backend, DType dtype, String output) {
        int outputs = output.equals("sigmoid") ? 1 : 3;
        return Mlp.builder().backend(Backends.get(backend)).dtype(dtype).input(4).dense(8, "relu")
                .dense(6, "tanh").dense(outputs, output).seed(3).build();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("cases")
    void forwardOnAKeptWorkspaceAllocatesNothing(String backend, DType dtype, String output) {
        Mlp mlp = network(backend, dtype, output);
        for (int rows : new int[] {1, 16}) {
            Workspace ws = mlp.workspace(rows);
            ws.input().assign(new Random(1).doubles((long) rows * 4).toArray());
            long bytes = allocatedOver(() -> mlp.forward(ws));
            assertTrue(bytes <= SLACK_BYTES, backend + " " + dtype + " " + output + " batch " + rows + ": "
                    + bytes + " bytes over " + CALLS + " forward passes");
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("cases")
    void aTrainingStepOnAKeptSessionAllocatesNothing(String backend, DType dtype, String output) {
        Mlp mlp = network(backend, dtype, output);
        String loss = switch (output) {
            case "sigmoid" -> "bce";
            case "log_softmax" -> "nll";
            case "linear" -> "cross_entropy";
            default -> "mse";
        };
        TrainingSession session = Trainer.builder().loss(loss).optimizer("adam(lr=0.001)").batchSize(8).build()
                .session(mlp);
        int rows = 8;
        double[] inputs = new Random(2).doubles(rows * 4L).toArray();
        double[] targets = new double[rows * (loss.equals("mse") ? 3 : 1)];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = loss.equals("bce") ? i % 2 : loss.equals("mse") ? 0.25 * (i % 4) : i % 3;
        }
        long bytes = allocatedOver(() -> session.step(inputs, targets, rows));
        assertTrue(bytes <= SLACK_BYTES, backend + " " + dtype + " " + output + " (" + loss + "): " + bytes
                + " bytes over " + CALLS + " training steps");
    }

    /** Warms {@code call} up, then counts this thread's allocated bytes over {@link #CALLS} calls. */
    private static long allocatedOver(Runnable call) {
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }
}
