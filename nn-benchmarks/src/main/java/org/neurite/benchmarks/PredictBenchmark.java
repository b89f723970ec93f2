package org.neurite.benchmarks;

import java.util.concurrent.TimeUnit;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One sample of {@code [2, 8, 4, 1]} through {@link Mlp#predict(double[], double[])}: the array path a
 * user calls, with the copy in and out and the per-thread workspace lookup on top of the pass.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PredictBenchmark {

    /** The backend's registered name. */
    @Param({"ejml", "nd4j"})
    public String backend;

    /** {@code float32} or {@code float64}. */
    @Param({"float32", "float64"})
    public String dtype;

    private Mlp mlp;
    private double[] sample;
    private double[] out;

    /** Builds the network once. */
    @Setup
    public void setUp() {
        BenchCase c = BenchCase.TINY_SINGLE;
        mlp = c.build(Backends.get(backend), DType.parse(dtype));
        sample = c.input();
        out = new double[mlp.outputSize()];
    }

    /** {@code predict(x, out)} on one sample. */
    @Benchmark
    public double[] predict() {
        mlp.predict(sample, out);
        return out;
    }
}
