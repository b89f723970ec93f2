package org.neurite.benchmarks;

import java.util.concurrent.TimeUnit;
import org.neurite.api.Backend;
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
 * {@code tiny_batch10000} as in {@link ForwardBenchmark}, but after the JVM has run networks with tanh and
 * linear as well as relu and sigmoid through the same code, as an application
 * using several activations does. The element-wise map then calls the activation through a megamorphic
 * call site, which the JIT cannot inline; the difference to ForwardBenchmark's (bimorphic: relu and
 * sigmoid only) time is that cost.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MegamorphicBenchmark {

    /** The backend's registered name. */
    @Param({"ejml", "nd4j"})
    public String backend;

    /** {@code float32} or {@code float64}. */
    @Param({"float64"})
    public String dtype;

    private Mlp mlp;
    private Workspace workspace;

    /** Runs the other activations hot, then builds the measured network. */
    @Setup
    public void setUp() {
        Backend b = Backends.get(backend);
        DType d = DType.parse(dtype);
        for (String activation : new String[] {"tanh", "linear", "relu", "sigmoid"}) {
            Mlp other = Mlp.builder().backend(b).dtype(d).seed(1).input(2).dense(64, activation)
                    .dense(1, activation).build();
            Workspace ws = other.workspace(256);
            for (int i = 0; i < 20_000; i++) {
                other.forward(ws);
            }
        }
        BenchCase c = BenchCase.TINY_BATCH10000;
        mlp = c.build(b, d);
        workspace = mlp.workspace(c.batch());
        workspace.input().assign(c.input());
    }

    /** One forward pass of 10,000 rows. */
    @Benchmark
    public Tensor forward() {
        return mlp.forward(workspace);
    }
}
