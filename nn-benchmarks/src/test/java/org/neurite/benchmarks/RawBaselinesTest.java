package org.neurite.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.benchmarks.raw.RawEjmlNetwork;
import org.neurite.benchmarks.raw.RawNd4jNetwork;
import org.neurite.core.Mlp;
import org.neurite.core.Workspace;

/**
 * The baselines compute what the framework computes (same weights, same math), so that a ratio compares
 * like with like. Runs each case once; measures nothing.
 */
class RawBaselinesTest {

    @ParameterizedTest
    @CsvSource({"tiny_single, float64", "tiny_single, float32", "tiny_batch10000, float64",
            "tiny_batch10000, float32", "mnist_b256, float64", "mnist_b256, float32"})
    void rawEjmlAndNd4jAgreeWithTheFramework(String name, String dtypeLabel) {
        BenchCase c = BenchCase.of(name);
        DType dtype = DType.parse(dtypeLabel);
        Mlp mlp = c.build(Backends.get("ejml"), dtype);
        Workspace ws = mlp.workspace(c.batch());
        ws.input().assign(c.input());
        double[] expected = new double[c.batch() * mlp.outputSize()];
        mlp.forward(ws).copyTo(expected);
        double tolerance = dtype == DType.FLOAT64 ? 1e-9 : 1e-3;

        for (RawEjmlNetwork.Kernel kernel : RawEjmlNetwork.Kernel.values()) {
            RawEjmlNetwork raw = new RawEjmlNetwork(mlp, c.batch(), kernel);
            raw.setInput(c.input());
            raw.forward();
            assertArrayEquals(expected, raw.output(), tolerance, "ejml " + kernel);
        }
        for (RawNd4jNetwork.Kernel kernel : new RawNd4jNetwork.Kernel[] {RawNd4jNetwork.Kernel.GEMM_OPS,
                RawNd4jNetwork.Kernel.GEMM_LOOP}) {
            RawNd4jNetwork raw = new RawNd4jNetwork(mlp, c.batch(), kernel);
            raw.setInput(c.input());
            raw.forward();
            assertArrayEquals(expected, raw.output(), tolerance, "nd4j " + kernel);
        }
        // The framework on nd4j, from the same seed, computes the same too.
        Mlp onNd4j = c.build(Backends.get("nd4j"), dtype);
        Workspace ws2 = onNd4j.workspace(c.batch());
        ws2.input().assign(c.input());
        double[] actual = new double[expected.length];
        onNd4j.forward(ws2).copyTo(actual);
        assertArrayEquals(expected, actual, tolerance, "framework on nd4j");
        assertEquals(c.flops(), flops(c.sizes(), c.batch()));
    }

    private static double flops(int[] sizes, int batch) {
        double f = 0;
        for (int i = 1; i < sizes.length; i++) {
            f += 2.0 * batch * sizes[i - 1] * sizes[i];
        }
        return f;
    }
}
