package org.neurite.benchmarks.raw;

import java.util.concurrent.TimeUnit;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.benchmarks.BenchCase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The ND4J baseline: {@link RawNd4jNetwork}'s hand-written forward pass on the same cases; with
 * {@code kernel=GEMM_ONLY}, only its matrix products (the GEMM rate, for the mnist target).
 */
@Stability(Stability.Status.EXPERIMENTAL)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RawNd4jBenchmark {

    /** A {@link BenchCase} label. */
    @Param({"tiny_single", "tiny_batch10000", "mnist_b256"})
    public String network;

    /** {@code float32} or {@code float64}. */
    @Param({"float32", "float64"})
    public String dtype;

    /** A {@link RawNd4jNetwork.Kernel} name. */
    @Param({"GEMM_OPS", "GEMM_LOOP", "GEMM_ONLY"})
    public String kernel;

    private RawNd4jNetwork net;

    /** Copies the weights of the case's network (built on ejml, the same seed) and fills the input. */
    @Setup
    public void setUp() {
        BenchCase c = BenchCase.of(network);
        net = new RawNd4jNetwork(c.build(Backends.get("ejml"), DType.parse(dtype)), c.batch(),
                RawNd4jNetwork.Kernel.valueOf(kernel));
        net.setInput(c.input());
    }

    /** One forward pass. */
    @Benchmark
    public Object forward() {
        return net.forward();
    }
}
