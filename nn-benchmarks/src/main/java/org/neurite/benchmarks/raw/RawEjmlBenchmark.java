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

/** The baseline: {@link RawEjmlNetwork}'s hand-written EJML forward pass on the same cases. */
@Stability(Stability.Status.EXPERIMENTAL)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RawEjmlBenchmark {

    /** A {@link BenchCase} label. */
    @Param({"tiny_single", "tiny_batch10000", "mnist_b256"})
    public String network;

    /** {@code float32} or {@code float64}. */
    @Param({"float32", "float64"})
    public String dtype;

    /** A {@link RawEjmlNetwork.Kernel} name. */
    @Param({"TRANS_B", "TRANS_B_MT", "MULT", "MULT_MT"})
    public String kernel;

    private RawEjmlNetwork net;

    /** Copies the weights of the case's network (built on ejml) and fills the input. */
    @Setup
    public void setUp() {
        BenchCase c = BenchCase.of(network);
        net = new RawEjmlNetwork(c.build(Backends.get("ejml"), DType.parse(dtype)), c.batch(),
                RawEjmlNetwork.Kernel.valueOf(kernel));
        net.setInput(c.input());
    }

    /** One forward pass. */
    @Benchmark
    public Object forward() {
        return net.forward();
    }
}
