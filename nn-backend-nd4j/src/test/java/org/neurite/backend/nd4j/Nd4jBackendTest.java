package org.neurite.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Tensor;
import org.neurite.tck.Tolerances;

/** What the contract kit cannot see: ND4J's global settings, and products from many threads. */
class Nd4jBackendTest {

    private final Backend backend = Backends.get("nd4j");

    @Test
    void tensorsKeepTheirDtypeWhateverNd4jsGlobalDefaultIs() {
        DataType defaultFloat = Nd4j.defaultFloatingPointType();
        DataType defaultType = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.FLOAT16, DataType.FLOAT16);
        try {
            Tensor d = backend.zeros(DType.FLOAT64, 2, 2);
            Tensor f = backend.zeros(DType.FLOAT32, 2, 2);
            assertEquals(DataType.DOUBLE, ((Nd4jTensor) d).array.dataType());
            assertEquals(DataType.FLOAT, ((Nd4jTensor) f).array.dataType());
            d.assign(new double[] {0.1, 0.2, 0.3, 0.4});
            Tensor product = backend.zeros(DType.FLOAT64, 2, 2);
            backend.matmul(d, false, d, true, product);
            assertEquals(0.1 * 0.3 + 0.2 * 0.4, product.get(0, 1), 1e-15, "computed in double");
            assertEquals(DataType.DOUBLE, ((Nd4jTensor) product).array.dataType());
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultFloat);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void largeElementwiseOperationsRunAsNd4jOpsAndAgreeWithTheJavaLoops(DType dtype) {
        int rows = 150;
        int cols = 250;
        assertTrue(rows * cols >= Nd4jBackend.NATIVE_MIN_ELEMENTS, "the shape must take the ND4J path");
        Random r = new Random(11);
        Nd4jTensor x = random(dtype, rows, cols, r);
        Nd4jTensor y = random(dtype, rows, cols, r);
        Nd4jTensor row = random(dtype, 1, cols, r);
        Nd4jTensor viaNd4j = (Nd4jTensor) backend.zeros(dtype, rows, cols);
        Nd4jTensor viaLoop = (Nd4jTensor) backend.zeros(dtype, rows, cols);

        backend.addRowVector(x, row, viaNd4j);
        NioKernels.addRowVector(x, row, viaLoop);
        assertSame("addRowVector", viaLoop, viaNd4j);
        backend.multiply(x, y, viaNd4j);
        NioKernels.multiply(x, y, viaLoop);
        assertSame("multiply", viaLoop, viaNd4j);
        backend.addScaled(x, -0.3, y, viaNd4j);
        NioKernels.addScaled(x, -0.3, y, viaLoop);
        assertSame("addScaled", viaLoop, viaNd4j);
        backend.scale(x, 1.7, viaNd4j);
        NioKernels.scale(x, 1.7, viaLoop);
        assertSame("scale", viaLoop, viaNd4j);

        backend.copy(x, viaNd4j);
        backend.addRowVector(viaNd4j, row, viaNd4j);
        backend.multiply(viaNd4j, y, viaNd4j);
        backend.addScaled(y, 2, viaNd4j, viaNd4j);
        backend.scale(viaNd4j, -1, viaNd4j);
        backend.copy(x, viaLoop);
        NioKernels.addRowVector(viaLoop, row, viaLoop);
        NioKernels.multiply(viaLoop, y, viaLoop);
        NioKernels.addScaled(y, 2, viaLoop, viaLoop);
        NioKernels.scale(viaLoop, -1, viaLoop);
        assertSame("in place", viaLoop, viaNd4j);
    }

    private Nd4jTensor random(DType dtype, int rows, int cols, Random r) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        Tensor t = backend.zeros(dtype, rows, cols);
        t.assign(v);
        return (Nd4jTensor) t;
    }

    private static void assertSame(String what, Tensor expected, Tensor actual) {
        double tol = Tolerances.of(expected.dtype());
        double[] e = new double[(int) expected.shape().size()];
        double[] a = new double[e.length];
        expected.copyTo(e);
        actual.copyTo(a);
        for (int i = 0; i < e.length; i++) {
            if (!Tolerances.close(e[i], a[i], tol)) {
                throw new AssertionError(what + " " + expected.dtype() + ": element " + i + " loop " + e[i]
                        + ", nd4j " + a[i]);
            }
        }
    }

    @Test
    void thePlatformIsNamedAsNd4jNativeClassifiersAre() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64"), "checked on Linux x86-64 only");

        assertEquals("linux-x86_64", Nd4jRuntime.platform());
    }

    @Test
    void moreElementsThanAnIntCountsAreRefusedBeforeAllocating() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> backend.zeros(DType.FLOAT32, 65_536, 65_536));

        assertTrue(e.getMessage().contains("(65536, 65536)"), e.getMessage());
    }

    @Test
    void arraysAreRowMajorAndOwnTheirBuffer() {
        Nd4jTensor t = (Nd4jTensor) backend.fromRows(DType.FLOAT32, new double[][] {{1, 2, 3}, {4, 5, 6}});

        assertEquals('c', t.array.ordering());
        assertEquals(0, t.array.offset());
        assertTrue(!t.array.isView());
        assertEquals(6.0, t.array.getDouble(1, 2), "the NIO view and ND4J see the same memory");
    }

    @Test
    void productsFromManyThreadsOnSeparateOutputsAgreeWithOneThread() throws Exception {
        int n = 48;
        Random r = new Random(3);
        double[] values = new double[n * n];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextGaussian();
        }
        Tensor a = backend.zeros(DType.FLOAT64, n, n);
        a.assign(values);
        Tensor expected = backend.zeros(DType.FLOAT64, n, n);
        backend.matmul(a, false, a, true, expected);
        double[] want = new double[n * n];
        expected.copyTo(want);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    Tensor out = backend.zeros(DType.FLOAT64, n, n);
                    for (int rep = 0; rep < 50; rep++) {
                        backend.matmul(a, false, a, true, out);
                    }
                    double[] got = new double[n * n];
                    out.copyTo(got);
                    return got;
                }));
            }
            for (Future<double[]> result : results) {
                double[] got = result.get();
                for (int i = 0; i < got.length; i++) {
                    assertEquals(want[i], got[i], 1e-12 * Math.max(1, Math.abs(want[i])), "element " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
