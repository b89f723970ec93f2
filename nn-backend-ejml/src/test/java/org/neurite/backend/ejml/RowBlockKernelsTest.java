package org.neurite.backend.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neurite.api.Activation;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.ElementwiseKernel;
import org.neurite.api.Tensor;
import org.neurite.api.support.ElementwiseActivation;

/**
 * The block path ({@link RowBlockKernels}) gives the row path's bits ({@link DenseKernels#forward}): on row
 * counts around the block size, one row and no rows, narrow and widest layers, with NaN, infinities,
 * {@code -0.0}, subnormals and NaNs of either sign and another payload among the inputs, in both dtypes.
 * Bit for bit means {@link Double#doubleToLongBits}: every NaN counts as one value, since Java leaves open
 * which NaN an operation on NaNs returns (the JIT may swap the operands of a product, which decides it).
 * Both paths are run directly on the same arrays, so the comparison does not depend on which one the
 * backend picks.
 */
class RowBlockKernelsTest {

    private static final int B = RowBlockKernels.BLOCK_ROWS;
    private static final int[] ROWS = {0, 1, 2, 15, 16, 17, B - 1, B, B + 1, 2 * B + 7, 1000};
    private static final int[][] WIDTHS = {{1, 1}, {2, 8}, {8, 4}, {4, 1}, {1, 5}, {3, 64}, {64, 3}, {64, 64}};
    private static final List<ElementwiseKernel> KERNELS = Arrays.asList(null, ElementwiseKernel.LINEAR,
            ElementwiseKernel.RELU, ElementwiseKernel.leakyRelu(0.1), ElementwiseKernel.SIGMOID,
            ElementwiseKernel.TANH);
    private static final double[] SPECIAL = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, Float.MIN_VALUE,
        Double.longBitsToDouble(0xfff8000000000000L), Double.longBitsToDouble(0x7ff8000000000123L)};

    @Test
    void float64BlocksAreTheRowPathBitForBit() {
        Random random = new Random(3);
        for (int rows : ROWS) {
            for (int[] width : WIDTHS) {
                int in = width[0];
                int out = width[1];
                double[] x = values(random, rows * in);
                double[] w = values(random, out * in);
                double[] b = values(random, out);
                for (ElementwiseKernel kernel : KERNELS) {
                    double[] zRow = filled(rows * out);
                    double[] aRow = filled(rows * out);
                    DenseKernels.forward(x, w, b, zRow, aRow, rows, in, out, kernel);
                    double[] zBlock = filled(rows * out);
                    double[] aBlock = filled(rows * out);
                    RowBlockKernels.forward(x, w, b, zBlock, aBlock, rows, in, out, kernel,
                            new RowBlockKernels.Scratch());
                    String what = rows + "x" + in + " -> " + out + " " + kernel;
                    assertSameBits("z " + what, zRow, zBlock);
                    assertSameBits("a " + what, aRow, aBlock);
                }
            }
        }
    }

    @Test
    void float32BlocksAreTheRowPathBitForBit() {
        Random random = new Random(4);
        RowBlockKernels.Scratch scratch = new RowBlockKernels.Scratch(); // reused: stale blocks must not leak
        for (int rows : ROWS) {
            for (int[] width : WIDTHS) {
                int in = width[0];
                int out = width[1];
                float[] x = floats(values(random, rows * in));
                float[] w = floats(values(random, out * in));
                float[] b = floats(values(random, out));
                for (ElementwiseKernel kernel : KERNELS) {
                    float[] zRow = floats(filled(rows * out));
                    float[] aRow = floats(filled(rows * out));
                    DenseKernels.forward(x, w, b, zRow, aRow, rows, in, out, kernel);
                    float[] zBlock = floats(filled(rows * out));
                    float[] aBlock = floats(filled(rows * out));
                    RowBlockKernels.forward(x, w, b, zBlock, aBlock, rows, in, out, kernel, scratch);
                    String what = rows + "x" + in + " -> " + out + " " + kernel;
                    assertSameBits("z " + what, zRow, zBlock);
                    assertSameBits("a " + what, aRow, aBlock);
                }
            }
        }
    }

    @Test
    void aSumOfNegativeZerosIsPositiveZeroAsOnTheRowPath() {
        // (0 + (-0.0)·1) + (-0.0) is +0.0; a sum started from the first product would give -0.0.
        for (int in : new int[] {1, 2, 3, 4, 5}) {
            int rows = 20;
            double[] x = new double[rows * in];
            Arrays.fill(x, -0.0);
            double[] w = new double[in];
            Arrays.fill(w, 1.0);
            double[] z = filled(rows);
            RowBlockKernels.forward(x, w, new double[] {-0.0}, z, z, rows, in, 1, null, new RowBlockKernels.Scratch());
            float[] zf = floats(filled(rows));
            RowBlockKernels.forward(floats(x), floats(w), new float[] {-0.0f}, zf, zf, rows, in, 1, null,
                    new RowBlockKernels.Scratch());
            for (int r = 0; r < rows; r++) {
                assertEquals(0L, Double.doubleToRawLongBits(z[r]), "in=" + in + " row " + r + ": " + z[r]);
                assertEquals(0, Float.floatToRawIntBits(zf[r]), "float in=" + in + " row " + r + ": " + zf[r]);
            }
        }
    }

    @Test
    void aWrittenOverZHoldsTheActivation() {
        Random random = new Random(5);
        int rows = B + 3;
        double[] x = values(random, rows * 2);
        double[] w = values(random, 16);
        double[] b = values(random, 8);
        double[] z = filled(rows * 8);
        double[] a = filled(rows * 8);
        DenseKernels.forward(x, w, b, z, a, rows, 2, 8, ElementwiseKernel.RELU);
        double[] both = filled(rows * 8);
        RowBlockKernels.forward(x, w, b, both, both, rows, 2, 8, ElementwiseKernel.RELU,
                new RowBlockKernels.Scratch());
        assertSameBits("a over z", a, both);
    }

    @Test
    void vectorizedReluIsTheKernelsReluOnEverySpecialValue() {
        // Math.max must give relu's bits (+0.0 for -0.0, NaN for NaN) in the interpreter and once the JIT has
        // compiled the loop to vector code: run it often enough for C2 to compile it, checking every time.
        double[] z = new double[4 * SPECIAL.length + 3];
        Random random = new Random(6);
        for (int i = 0; i < z.length; i++) {
            z[i] = i < 2 * SPECIAL.length ? SPECIAL[i % SPECIAL.length] : random.nextGaussian();
        }
        float[] zf = floats(z);
        double[] a = new double[z.length];
        float[] af = new float[z.length];
        for (int round = 0; round < 20_000; round++) {
            RowBlockKernels.activate(ElementwiseKernel.RELU, z, a, 0, z.length);
            RowBlockKernels.activate(ElementwiseKernel.RELU, zf, af, 0, zf.length, null);
            if (round % 1000 == 0 || round == 19_999) {
                for (int i = 0; i < z.length; i++) {
                    assertEquals(Double.doubleToLongBits(ElementwiseKernel.relu(z[i])), Double.doubleToLongBits(a[i]),
                            "relu(" + z[i] + ") in round " + round);
                    assertEquals(Float.floatToIntBits((float) ElementwiseKernel.relu(zf[i])),
                            Float.floatToIntBits(af[i]), "float relu(" + zf[i] + ") in round " + round);
                }
            }
        }
    }

    @Test
    void theBackendTakesTheBlockPathForABatchAndAgreesWithOneRowAtATime() {
        // Through the public API: a batch (block path) row by row equals each row alone (row path).
        for (DType dtype : DType.values()) {
            var backend = Backends.get("ejml");
            int rows = B + 5;
            Random random = new Random(8);
            Tensor x = backend.zeros(dtype, rows, 2);
            x.assign(values(random, rows * 2));
            Tensor w = backend.zeros(dtype, 8, 2);
            w.assign(values(random, 16));
            Tensor bias = backend.zeros(dtype, 1, 8);
            bias.assign(values(random, 8));
            Tensor z = backend.zeros(dtype, rows, 8);
            Tensor a = backend.zeros(dtype, rows, 8);
            assertTrue(RowBlockKernels.applies(rows, 2, 8));
            backend.denseForward(x, w, bias, RELU, z, a);
            Tensor x1 = backend.zeros(dtype, 1, 2);
            Tensor z1 = backend.zeros(dtype, 1, 8);
            Tensor a1 = backend.zeros(dtype, 1, 8);
            for (int r = 0; r < rows; r++) {
                x1.assign(new double[] {x.get(r, 0), x.get(r, 1)});
                backend.denseForward(x1, w, bias, RELU, z1, a1);
                for (int j = 0; j < 8; j++) {
                    assertEquals(Double.doubleToLongBits(z1.get(0, j)), Double.doubleToLongBits(z.get(r, j)),
                            dtype + " z[" + r + "][" + j + "]");
                    assertEquals(Double.doubleToLongBits(a1.get(0, j)), Double.doubleToLongBits(a.get(r, j)),
                            dtype + " a[" + r + "][" + j + "]");
                }
            }
        }
    }

    /** ReLU as a built-in activation hands it to the backend: with its kernel. */
    private static final Activation RELU = new ElementwiseActivation("relu") {
        @Override
        public double apply(double z) {
            return ElementwiseKernel.relu(z);
        }

        @Override
        public double derivative(double z) {
            return ElementwiseKernel.reluDerivative(z);
        }

        @Override
        public Optional<ElementwiseKernel> kernel() {
            return Optional.of(ElementwiseKernel.RELU);
        }
    };

    /** Gaussians with a special value in about one place in eight. */
    private static double[] values(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(8) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : random.nextGaussian();
        }
        return v;
    }

    private static double[] filled(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 12345.0); // a value neither path writes, so an unwritten element shows
        return v;
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static void assertSameBits(String what, double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                fail(what + ": element " + i + " expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    private static void assertSameBits(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + ": element " + i + " expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }
}
