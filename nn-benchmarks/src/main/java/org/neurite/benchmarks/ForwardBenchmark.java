package org.neurite.benchmarks;

import java.util.concurrent.TimeUnit;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;
import org.neurite.core.Mlp;
import org.neurite.core.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Neurite's forward pass through the public API: {@link Mlp#forward(Workspace)} on a workspace made once
 * (the allocation-free path). {@link PredictBenchmark} measures the single-sample array path.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ForwardBenchmark {

    /** The backend's registered name. */
    @Param({"ejml", "nd4j"})
    public String backend;

    /** A {@link BenchCase} label. */
    @Param({"tiny_single", "tiny_batch10000", "mnist_b256"})
    public String network;

    /** {@code float32} or {@code float64}. */
    @Param({"float32", "float64"})
    public String dtype;

    private Mlp mlp;
    private Workspace workspace;

    /** Builds the network and fills the workspace's input once. */
    @Setup
    public void setUp() {
        BenchCase c = BenchCase.of(network);
        mlp = c.build(Backends.get(backend), DType.parse(dtype));
        workspace = mlp.workspace(c.batch());
        workspace.input().assign(c.input());
    }

    /** One forward pass of the whole batch into the workspace. */
    @Benchmark
    public Tensor forward() {
        return mlp.forward(workspace);
    }
}
