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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Tensor;

/** What the contract kit cannot see: ND4J's global settings, and products from many threads. */
class Nd4jBackendTest {

    private final Backend backend = Backends.get("nd4j");

    @Test
    void tensorsKeepTheirDtypeWhateverNd4jsGlobalDefaultIs() {
        DataType defaultFloat = Nd4j.defaultFloatingPointType();
        DataType defaultType = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.HALF, DataType.HALF);
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

    @Test
    void thePlatformIsNamedAsNd4jNativeClassifiersAre() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64"), "checked on Linux x86-64 only");

        assertEquals("linux-x86_64", Nd4jRuntime.platform());
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
