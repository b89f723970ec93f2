package org.neurite.backend.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neurite.api.DType;
import org.neurite.api.Tensor;

/**
 * Every kernel {@link Kernels} can pick (single- or multi-threaded; {@code multTransB} or {@code mult} on a
 * transposed copy) gives the product a plain triple loop gives, in every transpose combination.
 */
class EjmlKernelsTest {

    private static final EjmlBackend SERIAL = new EjmlBackend(Long.MAX_VALUE);
    private static final EjmlBackend PARALLEL = new EjmlBackend(0);

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyKernelComputesTheSameProduct(DType dtype) {
        Random random = new Random(7);
        // (m, k, n): small (own loop), EJML multTransB, transposed mult; single rows
        int[][] shapes = {{1, 3, 5}, {40, 17, 20}, {64, 30, 16}, {33, 1, 31}, {5, 40, 2}, {20, 30, 10}, {1, 300, 20}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (int variant = 0; variant < 4; variant++) {
                boolean ta = (variant & 1) != 0;
                boolean tb = (variant & 2) != 0;
                double[] a = random(random, m * k);
                double[] b = random(random, k * n);
                double[] expected = naive(a, ta, b, tb, m, k, n, dtype);
                for (EjmlBackend backend : new EjmlBackend[] {SERIAL, PARALLEL}) {
                    Tensor ta1 = backend.zeros(dtype, ta ? k : m, ta ? m : k);
                    ta1.assign(ta ? transpose(a, m, k) : a);
                    Tensor tb1 = backend.zeros(dtype, tb ? n : k, tb ? k : n);
                    tb1.assign(tb ? transpose(b, k, n) : b);
                    Tensor out = backend.zeros(dtype, m, n);
                    backend.matmul(ta1, ta, tb1, tb, out);
                    double[] actual = new double[m * n];
                    out.copyTo(actual);
                    double tolerance = dtype == DType.FLOAT64 ? 1e-12 : 1e-4;
                    assertArrayEquals(expected, actual, tolerance,
                            "m=" + m + " k=" + k + " n=" + n + " ta=" + ta + " tb=" + tb + " " + dtype);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void transposedPathIsExactlyMultTransB(DType dtype) {
        // X·Wᵀ through mult on a transposed copy adds each element's products in multTransB's order.
        Random random = new Random(11);
        int m = 50;
        int k = 70;
        int n = 40;
        Tensor x = SERIAL.zeros(dtype, m, k);
        x.assign(random(random, m * k));
        Tensor w = SERIAL.zeros(dtype, n, k);
        w.assign(random(random, n * k));
        Tensor viaTranspose = SERIAL.zeros(dtype, m, n);
        SERIAL.matmul(x, false, w, true, viaTranspose);
        double[] reference = new double[m * n];
        if (dtype == DType.FLOAT64) {
            org.ejml.data.DMatrixRMaj c = new org.ejml.data.DMatrixRMaj(m, n);
            org.ejml.dense.row.mult.MatrixMatrixMult_DDRM.multTransB(((EjmlTensor) x).d, ((EjmlTensor) w).d, c);
            reference = c.data;
        } else {
            org.ejml.data.FMatrixRMaj c = new org.ejml.data.FMatrixRMaj(m, n);
            org.ejml.dense.row.mult.MatrixMatrixMult_FDRM.multTransB(((EjmlTensor) x).f, ((EjmlTensor) w).f, c);
            for (int i = 0; i < reference.length; i++) {
                reference[i] = c.data[i];
            }
        }
        double[] actual = new double[m * n];
        viaTranspose.copyTo(actual);
        assertArrayEquals(reference, actual, 0.0);
    }

    @org.junit.jupiter.api.Test
    void thresholdPropertyIsReadAndChecked() {
        String old = System.getProperty(EjmlBackendProvider.PARALLEL_MIN_WORK_PROPERTY);
        try {
            System.setProperty(EjmlBackendProvider.PARALLEL_MIN_WORK_PROPERTY, "12");
            assertEquals("ejml", new EjmlBackendProvider().create().name());
            System.setProperty(EjmlBackendProvider.PARALLEL_MIN_WORK_PROPERTY, "lots");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new EjmlBackendProvider().create());
            assertEquals("neurite.ejml.parallelMinWork: expected a whole number of multiply-adds, got 'lots'",
                    e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(EjmlBackendProvider.PARALLEL_MIN_WORK_PROPERTY);
            } else {
                System.setProperty(EjmlBackendProvider.PARALLEL_MIN_WORK_PROPERTY, old);
            }
        }
    }

    private static double[] random(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() * 2 - 1;
        }
        return v;
    }

    /** {@code rows × cols} row-major → its transpose, row-major. */
    private static double[] transpose(double[] v, int rows, int cols) {
        double[] t = new double[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = v[r * cols + c];
            }
        }
        return t;
    }

    /** a is (m, k) and b is (k, n), row-major; the flags only say how the tensors will store them. */
    private static double[] naive(double[] a, boolean ta, double[] b, boolean tb, int m, int k, int n, DType dtype) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    double x = a[i * k + t];
                    double y = b[t * n + j];
                    if (dtype == DType.FLOAT32) {
                        x = (float) x;
                        y = (float) y;
                    }
                    s += x * y;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }
}
