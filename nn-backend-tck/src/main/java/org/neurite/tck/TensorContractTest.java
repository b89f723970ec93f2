package org.neurite.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.api.Backend;
import org.neurite.api.BackendMismatchException;
import org.neurite.api.DType;
import org.neurite.api.Shape;
import org.neurite.api.ShapeMismatchException;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;

/**
 * The contract of {@link Backend} and {@link Tensor}: every operation against plain-Java reference math on
 * random shapes (1×1, 1×n, n×1 and larger), in both dtypes, and the error cases. A backend runs it by
 * extending this class and naming its backend:
 *
 * <pre>{@code
 * class MyTensorContractTest extends TensorContractTest {
 *     protected Backend backend() { return Backends.get("mine"); }
 * }
 * }</pre>
 */
@Stability(Stability.Status.STABLE)
public abstract class TensorContractTest {

    /** Shapes {@code (m, k, n)} for products and {@code (m, k)} for the rest: edges first, then random. */
    private static final int[][] SHAPES = shapes();

    /** For subclasses, one per backend. */
    protected TensorContractTest() {
    }

    /** The backend under test; called once per test. */
    protected abstract Backend backend();

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (DType dtype : DType.values()) {
            for (int[] s : SHAPES) {
                args.add(Arguments.of(dtype, s[0], s[1], s[2]));
            }
        }
        return args.stream();
    }

    private static int[][] shapes() {
        List<int[]> list = new ArrayList<>(List.of(new int[] {1, 1, 1}, new int[] {1, 7, 1},
                new int[] {1, 1, 9}, new int[] {9, 1, 1}, new int[] {1, 5, 6}, new int[] {6, 5, 1},
                new int[] {3, 4, 5}, new int[] {64, 33, 17}));
        Random r = new Random(7);
        for (int i = 0; i < 6; i++) {
            list.add(new int[] {1 + r.nextInt(40), 1 + r.nextInt(40), 1 + r.nextInt(40)});
        }
        return list.toArray(new int[0][]);
    }

    private static double[] random(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * 2;
        }
        return v;
    }

    /** A tensor holding {@code values}, which are first rounded to the dtype so references see the same data. */
    private Tensor tensor(DType dtype, int rows, int cols, double[] values) {
        if (dtype == DType.FLOAT32) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) values[i];
            }
        }
        Tensor t = backend().zeros(dtype, rows, cols);
        t.assign(values);
        return t;
    }

    private static void assertClose(String what, double[] expected, Tensor actual) {
        double tol = Tolerances.of(actual.dtype());
        double[] got = new double[expected.length];
        actual.copyTo(got);
        for (int i = 0; i < expected.length; i++) {
            if (!Tolerances.close(expected[i], got[i], tol)) {
                fail(what + " " + actual.shape() + " " + actual.dtype() + ": element " + i + " expected "
                        + expected[i] + ", got " + got[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0} ({1}x{2})·({2}x{3}) all transposes")
    @MethodSource("cases")
    void matmulMatchesReferenceForEveryTranspose(DType dtype, int m, int k, int n) {
        Random r = new Random(m * 1000 + k * 10 + n);
        double[] a = random(r, m * k);
        double[] b = random(r, k * n);
        Tensor ta = tensor(dtype, m, k, a.clone());
        Tensor tb = tensor(dtype, k, n, b.clone());
        Tensor taT = tensor(dtype, k, m, transpose(a, m, k));
        Tensor tbT = tensor(dtype, n, k, transpose(b, k, n));
        ta.copyTo(a);
        tb.copyTo(b);
        double[] expected = product(a, b, m, k, n);
        Tensor out = backend().zeros(dtype, m, n);
        backend().matmul(ta, false, tb, false, out);
        assertClose("a·b", expected, out);
        backend().matmul(taT, true, tb, false, out);
        assertClose("(aᵀ)ᵀ·b", expected, out);
        backend().matmul(ta, false, tbT, true, out);
        assertClose("a·(bᵀ)ᵀ", expected, out);
        backend().matmul(taT, true, tbT, true, out);
        assertClose("(aᵀ)ᵀ·(bᵀ)ᵀ", expected, out);
    }

    /** The reference {@code a (m, k) · b (k, n)}, row-major, summed in order. */
    private static double[] product(double[] a, double[] b, int m, int k, int n) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * n + j];
                }
                out[i * n + j] = s;
            }
        }
        return out;
    }

    private static double[] transpose(double[] v, int rows, int cols) {
        double[] t = new double[v.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = v[i * cols + j];
            }
        }
        return t;
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("cases")
    void elementwiseOperationsMatchReference(DType dtype, int m, int k, int unused) {
        Random r = new Random(31L * m + k);
        Tensor x = tensor(dtype, m, k, random(r, m * k));
        Tensor y = tensor(dtype, m, k, random(r, m * k));
        Tensor row = tensor(dtype, 1, k, random(r, k));
        double[] xv = new double[m * k];
        double[] yv = new double[m * k];
        double[] rv = new double[k];
        x.copyTo(xv);
        y.copyTo(yv);
        row.copyTo(rv);
        Tensor out = backend().zeros(dtype, m, k);
        double[] expected = new double[m * k];

        backend().addRowVector(x, row, out);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = xv[i] + rv[i % k];
        }
        assertClose("addRowVector", expected, out);

        backend().map(x, v -> Math.tanh(v) * 3, out);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Math.tanh(xv[i]) * 3;
        }
        assertClose("map", expected, out);

        backend().zip(x, y, (p, q) -> p * p - q, out);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = xv[i] * xv[i] - yv[i];
        }
        assertClose("zip", expected, out);

        backend().multiply(x, y, out);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = xv[i] * yv[i];
        }
        assertClose("multiply", expected, out);

        backend().addScaled(x, -0.25, y, out);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = xv[i] - 0.25 * yv[i];
        }
        assertClose("addScaled", expected, out);

        backend().scale(x, 1.5, out);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = 1.5 * xv[i];
        }
        assertClose("scale", expected, out);

        backend().copy(y, out);
        assertClose("copy", yv, out);

        backend().mapRows(x, (in, o) -> {
            double s = 0;
            for (double v : in) {
                s += v;
            }
            for (int j = 0; j < in.length; j++) {
                o[j] = in[j] - s;
            }
        }, out);
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += xv[i * k + j];
            }
            for (int j = 0; j < k; j++) {
                expected[i * k + j] = xv[i * k + j] - s;
            }
        }
        assertClose("mapRows", expected, out);

        Tensor sums = backend().zeros(dtype, 1, k);
        backend().sumRows(x, sums);
        double[] colSums = new double[k];
        for (int i = 0; i < m * k; i++) {
            colSums[i % k] += xv[i];
        }
        assertClose("sumRows", colSums, sums);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void operationsMayWriteInPlace(DType dtype) {
        Tensor x = tensor(dtype, 2, 3, new double[] {1, -2, 3, -4, 5, -6});
        Tensor row = tensor(dtype, 1, 3, new double[] {10, 20, 30});
        backend().addRowVector(x, row, x);
        backend().map(x, v -> v * 2, x);
        backend().multiply(x, x, x);
        assertClose("in place", new double[] {22 * 22, 36 * 36, 66 * 66, 12 * 12, 50 * 50, 48 * 48}, x);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void tensorsKeepShapeDtypeAndValues(DType dtype) {
        Tensor t = backend().fromRows(dtype, new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(Shape.of(2, 3), t.shape());
        assertEquals(dtype, t.dtype());
        assertEquals(backend(), t.backend());
        assertEquals(6.0, t.get(1, 2));
        t.set(0, 1, -7.5);
        assertEquals(-7.5, t.toDoubleArray()[0][1]);
        assertEquals(-7.5f, t.toFloatArray()[0][1]);
        Tensor empty = backend().zeros(dtype, 0, 4);
        assertEquals(0, empty.shape().size());
        Tensor copy = backend().copyOf(t);
        t.set(0, 0, 99);
        assertEquals(1.0, copy.get(0, 0), "copyOf must not share storage");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void float32RoundsWhatIsWritten(DType dtype) {
        Tensor t = backend().zeros(dtype, 1, 1);
        t.set(0, 0, 0.1);
        double expected = dtype == DType.FLOAT32 ? (double) 0.1f : 0.1;
        assertEquals(expected, t.get(0, 0));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void shapeMismatchesFailWithTheArgumentAndLeaveOutputUnchanged(DType dtype) {
        Tensor a = backend().zeros(dtype, 2, 3);
        Tensor b = backend().zeros(dtype, 4, 5);
        Tensor out = tensor(dtype, 2, 5, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> backend().matmul(a, false, b, false, out));
        assertTrue(e.getMessage().contains("(4, 5)"), e.getMessage());
        assertClose("untouched out", new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, out);
        Tensor wrongOut = backend().zeros(dtype, 3, 3);
        e = assertThrows(ShapeMismatchException.class, () -> backend().map(a, v -> v, wrongOut));
        assertTrue(e.getMessage().contains("out") && e.getMessage().contains("(2, 3)")
                && e.getMessage().contains("(3, 3)"), e.getMessage());
        assertThrows(ShapeMismatchException.class,
                () -> backend().addRowVector(a, backend().zeros(dtype, 1, 2), a));
        assertThrows(ShapeMismatchException.class, () -> backend().sumRows(a, backend().zeros(dtype, 1, 2)));
        assertThrows(ShapeMismatchException.class, () -> backend().multiply(a, wrongOut, a));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void badSizesAndIndicesFailClearly(DType dtype) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend().zeros(dtype, -1, 2));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        Tensor t = backend().zeros(dtype, 2, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> t.set(0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> t.assign(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> t.copyTo(new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> backend().fromRows(dtype, new double[][] {{1, 2}, {3}}));
    }

    /**
     * Sizes are checked before anything is allocated: a null dtype, and more than {@link Shape#MAX_ELEMENTS}
     * elements (whose count would overflow an int index), fail with a message naming the dtype or the shape
     * and the limit.
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void aNullDtypeOrTooManyElementsFailBeforeAllocating(DType dtype) {
        NullPointerException npe = assertThrows(NullPointerException.class, () -> backend().zeros(null, 2, 2));
        assertTrue(npe.getMessage().contains("dtype"), npe.getMessage());
        for (int[] size : new int[][] {{46341, 46341}, {50000, 50000}, {65536, 65536}, {1, Integer.MAX_VALUE}}) {
            String shape = "(" + size[0] + ", " + size[1] + ")";
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> backend().zeros(dtype, size[0], size[1]), shape);
            assertTrue(e.getMessage().contains(shape) && e.getMessage().contains(String.valueOf(Shape.MAX_ELEMENTS)),
                    e.getMessage());
        }
        double[] row = new double[46341];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend().fromRows(dtype, java.util.Collections.nCopies(46341, row).toArray(double[][]::new)));
        assertTrue(e.getMessage().contains("(46341, 46341)"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void mixingDtypesOrBackendsFails(DType dtype) {
        DType other = dtype == DType.FLOAT64 ? DType.FLOAT32 : DType.FLOAT64;
        Tensor a = backend().zeros(dtype, 2, 2);
        Tensor b = backend().zeros(other, 2, 2);
        Tensor out = backend().zeros(dtype, 2, 2);
        assertThrows(BackendMismatchException.class, () -> backend().multiply(a, b, out));
        Tensor foreign = new ForeignTensor(dtype);
        BackendMismatchException e = assertThrows(BackendMismatchException.class,
                () -> backend().matmul(a, false, foreign, false, out));
        assertTrue(e.getMessage().contains("b:") && e.getMessage().contains("foreign"), e.getMessage());
        assertThrows(BackendMismatchException.class, () -> backend().map(foreign, v -> v, out));
        Tensor copied = backend().copyOf(foreign);
        assertEquals(backend(), copied.backend());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void zeroRowTensorsWorkWithEveryOperation(DType dtype) {
        Backend be = backend();
        Tensor x = be.zeros(dtype, 0, 3);
        Tensor y = be.zeros(dtype, 0, 3);
        Tensor out = be.zeros(dtype, 0, 3);
        Tensor row = tensor(dtype, 1, 3, new double[] {1, 2, 3});
        be.addRowVector(x, row, out);
        be.map(x, v -> v + 1, out);
        be.zip(x, y, (p, q) -> p + q, out);
        be.mapRows(x, (in, o) -> { }, out);
        be.multiply(x, y, out);
        be.addScaled(x, 2, y, out);
        be.scale(x, 2, out);
        be.copy(x, out);
        x.assign(new double[0]);
        x.copyTo(new double[0]);
        assertEquals(0, x.toDoubleArray().length);
        Tensor sums = tensor(dtype, 1, 3, new double[] {7, 7, 7});
        be.sumRows(x, sums);
        assertClose("sumRows of no rows", new double[] {0, 0, 0}, sums);
        Tensor w = tensor(dtype, 2, 3, new double[] {1, 2, 3, 4, 5, 6});
        Tensor none = be.zeros(dtype, 0, 2);
        be.matmul(x, false, w, true, none);
        assertEquals(Shape.of(0, 2), none.shape());
        Tensor a = be.zeros(dtype, 2, 0);
        Tensor b = be.zeros(dtype, 0, 3);
        Tensor product = tensor(dtype, 2, 3, new double[] {9, 9, 9, 9, 9, 9});
        be.matmul(a, false, b, false, product);
        assertClose("empty inner dimension", new double[6], product);
        be.matmul(be.zeros(dtype, 0, 2), true, be.zeros(dtype, 3, 0), true, product);
        assertClose("empty inner dimension, transposed", new double[6], product);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void outputsMayAliasTheInputsWhereDocumented(DType dtype) {
        double[] xv = {1, -2, 3, -4, 5, -6};
        double[] yv = {0.5, 4, -1, 2, -3, 0.25};
        Backend be = backend();
        Tensor x = tensor(dtype, 2, 3, xv.clone());
        Tensor y = tensor(dtype, 2, 3, yv.clone());
        be.zip(x, y, (p, q) -> p - q, y);
        assertClose("zip into b", combine(xv, yv, (p, q) -> p - q), y);
        y.assign(yv);
        be.multiply(x, y, y);
        assertClose("multiply into b", combine(xv, yv, (p, q) -> p * q), y);
        y.assign(yv);
        be.addScaled(x, -0.5, y, x);
        assertClose("addScaled into a", combine(xv, yv, (p, q) -> p - 0.5 * q), x);
        x.assign(xv);
        be.addScaled(x, 2, y, y);
        assertClose("addScaled into b", combine(xv, yv, (p, q) -> p + 2 * q), y);
        be.addScaled(x, 3, x, x);
        assertClose("addScaled of itself", combine(xv, xv, (p, q) -> p + 3 * q), x);
        x.assign(xv);
        be.scale(x, -2, x);
        assertClose("scale in place", combine(xv, xv, (p, q) -> -2 * p), x);
        x.assign(xv);
        be.mapRows(x, (in, o) -> {
            for (int j = 0; j < in.length; j++) {
                o[in.length - 1 - j] = in[j];
            }
        }, x);
        assertClose("mapRows in place", new double[] {3, -2, 1, -6, 5, -4}, x);
        x.assign(xv);
        be.copy(x, x);
        assertClose("copy onto itself", xv, x);
    }

    private static double[] combine(double[] a, double[] b, java.util.function.DoubleBinaryOperator f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = f.applyAsDouble(a[i], b[i]);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("cases")
    void zipRowsCombinesMatchingRows(DType dtype, int m, int k, int unused) {
        Random r = new Random(17L * m + k);
        Tensor x = tensor(dtype, m, k, random(r, m * k));
        Tensor y = tensor(dtype, m, k, random(r, m * k));
        double[] xv = new double[m * k];
        double[] yv = new double[m * k];
        x.copyTo(xv);
        y.copyTo(yv);
        double[] expected = new double[m * k];
        for (int i = 0; i < m; i++) {
            double dot = 0;
            for (int j = 0; j < k; j++) {
                dot += xv[i * k + j] * yv[i * k + j];
            }
            for (int j = 0; j < k; j++) {
                expected[i * k + j] = xv[i * k + j] - dot * yv[i * k + j];
            }
        }
        Backend.RowBinaryOperator op = (a, b, o) -> {
            double dot = 0;
            for (int j = 0; j < a.length; j++) {
                dot += a[j] * b[j];
            }
            for (int j = 0; j < a.length; j++) {
                o[j] = a[j] - dot * b[j];
            }
        };
        Tensor out = backend().zeros(dtype, m, k);
        backend().zipRows(x, y, op, out);
        assertClose("zipRows", expected, out);
        backend().zipRows(x, y, op, y);
        assertClose("zipRows into b", expected, y);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void staleOutputsAreOverwrittenEvenWhenNaN(DType dtype) {
        Backend be = backend();
        Tensor a = tensor(dtype, 2, 3, new double[] {1, 2, 3, 4, 5, 6});
        Tensor b = tensor(dtype, 3, 2, new double[] {1, 0, 0, 1, 1, 1});
        Tensor col = tensor(dtype, 3, 1, new double[] {1, 2, 3});
        Tensor product = nan(dtype, 2, 2);
        be.matmul(a, false, b, false, product);
        assertClose("matmul over NaN", new double[] {4, 5, 10, 11}, product);
        Tensor dot = nan(dtype, 1, 1);
        be.matmul(col, true, col, false, dot);
        assertClose("dot product over NaN", new double[] {14}, dot);
        Tensor out = nan(dtype, 2, 3);
        be.addRowVector(a, tensor(dtype, 1, 3, new double[] {1, 1, 1}), out);
        assertClose("addRowVector over NaN", new double[] {2, 3, 4, 5, 6, 7}, out);
        out = nan(dtype, 2, 3);
        be.multiply(a, a, out);
        assertClose("multiply over NaN", new double[] {1, 4, 9, 16, 25, 36}, out);
        out = nan(dtype, 2, 3);
        be.addScaled(a, 1, a, out);
        assertClose("addScaled over NaN", new double[] {2, 4, 6, 8, 10, 12}, out);
        out = nan(dtype, 2, 3);
        be.scale(a, 0, out);
        assertClose("scale over NaN", new double[6], out);
        out = nan(dtype, 2, 3);
        be.copy(a, out);
        assertClose("copy over NaN", new double[] {1, 2, 3, 4, 5, 6}, out);
        Tensor sums = nan(dtype, 1, 3);
        be.sumRows(a, sums);
        assertClose("sumRows over NaN", new double[] {5, 7, 9}, sums);
    }

    private Tensor nan(DType dtype, int rows, int cols) {
        double[] v = new double[rows * cols];
        java.util.Arrays.fill(v, Double.NaN);
        return tensor(dtype, rows, cols, v);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void zipRowsChecksItsOperands(DType dtype) {
        Tensor a = backend().zeros(dtype, 2, 3);
        Tensor out = tensor(dtype, 2, 3, new double[] {1, 1, 1, 1, 1, 1});
        Backend.RowBinaryOperator op = (x, y, o) -> { };
        assertThrows(ShapeMismatchException.class,
                () -> backend().zipRows(a, backend().zeros(dtype, 3, 2), op, out));
        DType other = dtype == DType.FLOAT64 ? DType.FLOAT32 : DType.FLOAT64;
        assertThrows(BackendMismatchException.class,
                () -> backend().zipRows(a, backend().zeros(other, 2, 3), op, out));
        assertThrows(BackendMismatchException.class, () -> backend().zipRows(a, new ForeignTensor(dtype), op, out));
        assertClose("untouched out", new double[] {1, 1, 1, 1, 1, 1}, out);
    }

    @ParameterizedTest(name = "{0} gemm ({1}x{2})·({2}x{3}) all transposes")
    @MethodSource("cases")
    void gemmAccumulatesAlphaProductPlusBetaOut(DType dtype, int m, int k, int n) {
        Random r = new Random(m * 7919 + k * 31 + n);
        double[] a = random(r, m * k);
        double[] b = random(r, k * n);
        double[] c = random(r, m * n);
        Tensor ta = tensor(dtype, m, k, a.clone());
        Tensor tb = tensor(dtype, k, n, b.clone());
        Tensor taT = tensor(dtype, k, m, transpose(a, m, k));
        Tensor tbT = tensor(dtype, n, k, transpose(b, k, n));
        ta.copyTo(a);
        tb.copyTo(b);
        Tensor start = tensor(dtype, m, n, c.clone());
        start.copyTo(c);
        double[][] alphaBeta = {{1, 1}, {-0.5, 1}, {2, 0.25}, {1.5, 0}};
        for (double[] ab : alphaBeta) {
            double[] expected = product(a, b, m, k, n);
            for (int i = 0; i < m * n; i++) {
                expected[i] = ab[0] * expected[i] + (ab[1] == 0 ? 0 : ab[1] * c[i]);
            }
            Tensor[][] operands = {{ta, tb}, {taT, tb}, {ta, tbT}, {taT, tbT}};
            for (int t = 0; t < 4; t++) {
                Tensor out = backend().zeros(dtype, m, n);
                backend().copy(start, out);
                boolean transA = t == 1 || t == 3;
                boolean transB = t >= 2;
                backend().gemm(ab[0], operands[t][0], transA, operands[t][1], transB, ab[1], out);
                assertClose("gemm alpha=" + ab[0] + " beta=" + ab[1] + " transA=" + transA + " transB=" + transB,
                        expected, out);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gemmWithBetaZeroIgnoresStaleNaNAndChecksBeforeWriting(DType dtype) {
        Tensor a = tensor(dtype, 2, 3, new double[] {1, 2, 3, 4, 5, 6});
        Tensor b = tensor(dtype, 3, 2, new double[] {1, 0, 0, 1, 1, 1});
        Tensor out = nan(dtype, 2, 2);
        backend().gemm(2, a, false, b, false, 0, out);
        assertClose("gemm beta=0 over NaN", new double[] {8, 10, 20, 22}, out);
        Tensor kept = tensor(dtype, 2, 2, new double[] {1, 2, 3, 4});
        assertThrows(ShapeMismatchException.class, () -> backend().gemm(1, a, false, a, false, 1, kept));
        assertThrows(BackendMismatchException.class,
                () -> backend().gemm(1, a, false, new ForeignTensor(dtype), false, 1, kept));
        assertClose("untouched out", new double[] {1, 2, 3, 4}, kept);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumRowsAccumulatesWithBeta(DType dtype) {
        Tensor x = tensor(dtype, 3, 2, new double[] {1, 2, 3, 4, 5, 6});
        Tensor out = tensor(dtype, 1, 2, new double[] {10, 20});
        backend().sumRows(x, 1, out);
        assertClose("sumRows beta=1", new double[] {19, 32}, out);
        backend().sumRows(x, 0.5, out);
        assertClose("sumRows beta=0.5", new double[] {18.5, 28}, out);
        Tensor stale = nan(dtype, 1, 2);
        backend().sumRows(x, 0, stale);
        assertClose("sumRows beta=0 over NaN", new double[] {9, 12}, stale);
        assertThrows(ShapeMismatchException.class, () -> backend().sumRows(x, 1, backend().zeros(dtype, 1, 3)));
        Tensor empty = backend().zeros(dtype, 0, 2);
        backend().sumRows(empty, 1, out);
        assertClose("sumRows of no rows adds nothing", new double[] {18.5, 28}, out);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void assignRangeWritesASliceAndChecksBeforeWriting(DType dtype) {
        Tensor t = tensor(dtype, 2, 3, new double[] {1, 2, 3, 4, 5, 6});
        t.assignRange(2, new double[] {9, 10, 11, 12}, 1, 3);
        assertClose("assignRange from doubles", new double[] {1, 2, 10, 11, 12, 6}, t);
        t.assignRange(0, new float[] {7, 8}, 0, 2);
        assertClose("assignRange from floats", new double[] {7, 8, 10, 11, 12, 6}, t);
        assertThrows(IndexOutOfBoundsException.class, () -> t.assignRange(5, new double[] {0, 0}, 0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> t.assignRange(0, new float[] {0}, 0, 2));
        assertClose("untouched after bad ranges", new double[] {7, 8, 10, 11, 12, 6}, t);
    }
}
