package org.neurite.benchmarks;

import java.util.concurrent.TimeUnit;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.core.train.TrainingSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One whole training step through the public API, {@link TrainingSession#step}: forward, loss, backward,
 * gradient checks, the optimizer's update, on the same preallocated batch every time. The first step runs
 * in the set-up, so that the session's buffers for the batch size exist before anything is measured.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TrainingStepBenchmark {

    /** The backend's registered name. */
    @Param({"ejml", "nd4j"})
    public String backend;

    /** A {@link TrainingCase} label (the field cannot be named {@code case}, a Java keyword). */
    @Param({"xor_b4", "digits_b64", "mnist_b256"})
    public String network;

    /** {@code float32} or {@code float64}. */
    @Param({"float32", "float64"})
    public String dtype;

    private TrainingSession session;
    private double[] inputs;
    private double[] targets;
    private int rows;

    /** Builds the session and runs its first step. */
    @Setup
    public void setUp() {
        TrainingCase c = TrainingCase.of(network);
        session = c.session(Backends.get(backend), DType.parse(dtype));
        inputs = c.inputs();
        targets = c.targets();
        rows = c.batch();
        session.step(inputs, targets, rows);
    }

    /** One training step on the batch; returns its loss. */
    @Benchmark
    public double step() {
        return session.step(inputs, targets, rows);
    }
}
