package org.neurite.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.api.Activation;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.ElementwiseKernel;
import org.neurite.api.ShapeMismatchException;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;
import org.neurite.api.support.ElementwiseActivation;

/**
 * The contract of the fused dense kernel, {@link Backend#denseForward} and {@link Backend#denseBackward}:
 * against plain-Java reference math for every {@link ElementwiseKernel} kind, on shapes from one sample
 * through a small layer to layers above any small-shape threshold, in both dtypes; the kernel path and
 * the generic path (the same function as an activation without a kernel) give the same bits; gradients
 * accumulate; bad operands fail before anything is written.
 *
 * <pre>{@code
 * class MyDenseKernelContractTest extends DenseKernelContractTest {
 *     protected Backend backend() { return Backends.get("mine"); }
 * }
 * }</pre>
 */
@Stability(Stability.Status.EXPERIMENTAL)
public abstract class DenseKernelContractTest {

    /**
     * {@code (rows, in, out)}: one sample, small layers, batches of narrow layers (row counts that are no
     * multiple of a power of two, for backends that work in blocks of rows), and layers of more than 4096
     * weights.
     */
    private static final int[][] SHAPES = {{1, 1, 1}, {1, 2, 8}, {1, 8, 4}, {5, 3, 4}, {1000, 2, 8},
        {300, 8, 4}, {257, 4, 1}, {33, 17, 9}, {40, 70, 80}, {3, 300, 20}, {0, 4, 3}};

    /** For subclasses, one per backend. */
    protected DenseKernelContractTest() {
    }

    /** The backend under test. */
    protected abstract Backend backend();

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        List<ElementwiseKernel> kernels = List.of(ElementwiseKernel.LINEAR, ElementwiseKernel.RELU,
                ElementwiseKernel.leakyRelu(0.1), ElementwiseKernel.SIGMOID, ElementwiseKernel.TANH);
        for (DType dtype : DType.values()) {
            for (int[] s : SHAPES) {
                for (ElementwiseKernel k : kernels) {
                    args.add(Arguments.of(dtype, s[0], s[1], s[2], k));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} ({1}x{2}) -> {3} {4}")
    @MethodSource("cases")
    void forwardMatchesReferenceAndTheGenericPathBitForBit(DType dtype, int rows, int in, int out,
                                                           ElementwiseKernel kernel) {
        Layer l = new Layer(dtype, rows, in, out, new Random(rows * 31L + in * 7L + out));
        Tensor z = nan(dtype, rows, out);
        Tensor a = nan(dtype, rows, out);
        backend().denseForward(l.x, l.w, l.b, new WithKernel(kernel), z, a);
        double[] zRef = l.reference();
        double[] aRef = new double[zRef.length];
        for (int i = 0; i < zRef.length; i++) {
            aRef[i] = referenceFunction(kernel, zRef[i]);
        }
        assertClose("z", zRef, z);
        assertClose("a", aRef, a);

        Tensor zGeneric = nan(dtype, rows, out);
        Tensor aGeneric = nan(dtype, rows, out);
        backend().denseForward(l.x, l.w, l.b, new WithoutKernel(kernel), zGeneric, aGeneric);
        assertArrayEquals(values(z), values(zGeneric), "z: the kernel and the generic path differ");
        assertArrayEquals(values(a), values(aGeneric), "a: the kernel and the generic path differ");

        Tensor inPlace = nan(dtype, rows, out);
        backend().denseForward(l.x, l.w, l.b, new WithKernel(kernel), inPlace, inPlace);
        assertArrayEquals(values(a), values(inPlace), "a written over z");
    }

    @ParameterizedTest(name = "{0} ({1}x{2}) -> {3} {4}")
    @MethodSource("cases")
    void backwardMatchesReferenceAccumulatesAndTheGenericPathBitForBit(DType dtype, int rows, int in, int out,
                                                                      ElementwiseKernel kernel) {
        Random random = new Random(rows * 131L + in * 17L + out);
        Layer l = new Layer(dtype, rows, in, out, random);
        Tensor z = backend().zeros(dtype, rows, out);
        Tensor a = backend().zeros(dtype, rows, out);
        backend().denseForward(l.x, l.w, l.b, new WithKernel(kernel), z, a);
        double[] upstream = rounded(dtype, gaussians(random, rows * out));
        double[] gwStart = rounded(dtype, gaussians(random, out * in));
        double[] gbStart = rounded(dtype, gaussians(random, out));

        double[] zv = values(z);
        double[] dz = new double[zv.length];
        for (int i = 0; i < dz.length; i++) {
            dz[i] = upstream[i] * referenceDerivative(kernel, zv[i]);
        }
        double[] gwRef = gwStart.clone();
        double[] gbRef = gbStart.clone();
        double[] gxRef = new double[rows * in];
        double[] x = values(l.x);
        double[] w = values(l.w);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < out; j++) {
                double d = dz[r * out + j];
                gbRef[j] += d;
                for (int k = 0; k < in; k++) {
                    gwRef[j * in + k] += d * x[r * in + k];
                    gxRef[r * in + k] += d * w[j * in + k];
                }
            }
        }
        Tensor[] kernelGrads = backward(dtype, l, z, a, new WithKernel(kernel), upstream, gwStart, gbStart, true);
        assertClose("dZ", dz, kernelGrads[0]);
        assertClose("gradX", gxRef, kernelGrads[1]);
        assertClose("gradW (accumulated)", gwRef, kernelGrads[2]);
        assertClose("gradBias (accumulated)", gbRef, kernelGrads[3]);

        Tensor[] genericGrads = backward(dtype, l, z, a, new WithoutKernel(kernel), upstream, gwStart, gbStart,
                false);
        assertArrayEquals(values(kernelGrads[0]), values(genericGrads[0]), "dZ: kernel and generic path differ");
        assertArrayEquals(values(kernelGrads[2]), values(genericGrads[2]), "gradW without gradX differs");
        assertArrayEquals(values(kernelGrads[3]), values(genericGrads[3]), "gradBias without gradX differs");
    }

    /** Runs denseBackward from fresh buffers: {@code {dZ, gradX or null, gradW, gradBias}}. */
    private Tensor[] backward(DType dtype, Layer l, Tensor z, Tensor a, Activation f, double[] upstream,
                              double[] gw, double[] gb, boolean withGradX) {
        Tensor gradA = tensor(dtype, z.rows(), z.cols(), upstream.clone());
        Tensor gradX = withGradX ? nan(dtype, l.x.rows(), l.x.cols()) : null;
        Tensor gradW = tensor(dtype, l.w.rows(), l.w.cols(), gw.clone());
        Tensor gradB = tensor(dtype, 1, l.w.rows(), gb.clone());
        backend().denseBackward(l.x, l.w, z, a, f, gradA, gradX, gradW, gradB);
        return new Tensor[] {gradA, gradX, gradW, gradB};
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void nanPropagatesThroughEveryKernel(DType dtype) {
        Layer l = new Layer(dtype, 2, 3, 4, new Random(5));
        l.x.set(0, 1, Double.NaN);
        for (ElementwiseKernel k : List.of(ElementwiseKernel.LINEAR, ElementwiseKernel.RELU,
                ElementwiseKernel.leakyRelu(0.2), ElementwiseKernel.SIGMOID, ElementwiseKernel.TANH)) {
            Tensor z = backend().zeros(dtype, 2, 4);
            Tensor a = backend().zeros(dtype, 2, 4);
            backend().denseForward(l.x, l.w, l.b, new WithKernel(k), z, a);
            for (int j = 0; j < 4; j++) {
                assertTrue(Double.isNaN(a.get(0, j)), k + ": a[0][" + j + "] = " + a.get(0, j));
                assertTrue(Double.isFinite(a.get(1, j)), k + ": row 1 stays finite");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void badOperandsFailBeforeAnythingIsWritten(DType dtype) {
        Layer l = new Layer(dtype, 3, 4, 5, new Random(9));
        Activation relu = new WithKernel(ElementwiseKernel.RELU);
        Tensor z = backend().zeros(dtype, 3, 5);
        Tensor a = backend().zeros(dtype, 3, 5);
        Tensor wrongBias = backend().zeros(dtype, 1, 4);
        Tensor wrongA = backend().zeros(dtype, 3, 4);
        Tensor wrongX = backend().zeros(dtype, 3, 3);
        z.set(0, 0, 7);
        a.set(0, 0, 7);
        assertThrows(ShapeMismatchException.class, () -> backend().denseForward(l.x, l.w, wrongBias, relu, z, a));
        assertThrows(ShapeMismatchException.class, () -> backend().denseForward(l.x, l.w, l.b, relu, z, wrongA));
        assertThrows(ShapeMismatchException.class, () -> backend().denseForward(wrongX, l.w, l.b, relu, z, a));
        assertTrue(z.get(0, 0) == 7 && a.get(0, 0) == 7, "z or a changed by a failed call");

        Tensor gradA = backend().zeros(dtype, 3, 5);
        gradA.set(0, 0, 7);
        Tensor gradW = backend().zeros(dtype, 5, 4);
        Tensor wrongGradB = backend().zeros(dtype, 1, 4);
        Tensor wrongGradW = backend().zeros(dtype, 4, 5);
        assertThrows(ShapeMismatchException.class,
                () -> backend().denseBackward(l.x, l.w, z, a, relu, gradA, null, gradW, wrongGradB));
        assertThrows(ShapeMismatchException.class,
                () -> backend().denseBackward(l.x, l.w, z, a, relu, gradA, null, wrongGradW,
                        backend().zeros(dtype, 1, 5)));
        assertTrue(gradA.get(0, 0) == 7, "gradA changed by a failed call");
    }

    /** The formulas written out again, independently of {@link ElementwiseKernel}'s. */
    private static double referenceFunction(ElementwiseKernel k, double z) {
        return switch (k.kind()) {
            case LINEAR -> z;
            case RELU -> Math.max(0, z);
            case LEAKY_RELU -> z > 0 ? z : k.slope() * z;
            case SIGMOID -> 0.5 * (1 + Math.tanh(z / 2));
            case TANH -> Math.tanh(z);
        };
    }

    private static double referenceDerivative(ElementwiseKernel k, double z) {
        return switch (k.kind()) {
            case LINEAR -> 1;
            case RELU -> z > 0 ? 1 : 0;
            case LEAKY_RELU -> z > 0 ? 1 : k.slope();
            case SIGMOID -> {
                double s = 0.5 * (1 + Math.tanh(z / 2));
                yield s * (1 - s);
            }
            case TANH -> 1 - Math.tanh(z) * Math.tanh(z);
        };
    }

    /** A built-in-style activation that hands its kernel to the backend. */
    private static final class WithKernel extends KernelFunction {
        WithKernel(ElementwiseKernel kernel) {
            super("tck_kernel", kernel);
        }

        @Override
        public Optional<ElementwiseKernel> kernel() {
            return Optional.of(function);
        }
    }

    /** The same function as a user's activation would be: no kernel, so the generic path. */
    private static final class WithoutKernel extends KernelFunction {
        WithoutKernel(ElementwiseKernel kernel) {
            super("tck_generic", kernel);
        }
    }

    /** An element-wise activation computing {@code function}'s formulas. */
    private abstract static class KernelFunction extends ElementwiseActivation {
        final ElementwiseKernel function;

        KernelFunction(String name, ElementwiseKernel function) {
            super(name);
            this.function = function;
        }

        @Override
        public double apply(double z) {
            return function.apply(z);
        }

        @Override
        public double derivative(double z) {
            return function.derivative(z);
        }
    }

    /** Random {@code x (rows, in)}, {@code w (out, in)}, {@code b (1, out)}, rounded to the dtype. */
    private final class Layer {
        final Tensor x;
        final Tensor w;
        final Tensor b;

        Layer(DType dtype, int rows, int in, int out, Random random) {
            x = tensor(dtype, rows, in, rounded(dtype, gaussians(random, rows * in)));
            w = tensor(dtype, out, in, rounded(dtype, gaussians(random, out * in)));
            b = tensor(dtype, 1, out, rounded(dtype, gaussians(random, out)));
        }

        /** {@code x·wᵀ + b} in double. */
        double[] reference() {
            double[] xv = values(x);
            double[] wv = values(w);
            double[] bv = values(b);
            int rows = x.rows();
            int in = x.cols();
            int out = w.rows();
            double[] z = new double[rows * out];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    double sum = bv[j];
                    for (int k = 0; k < in; k++) {
                        sum += xv[r * in + k] * wv[j * in + k];
                    }
                    z[r * out + j] = sum;
                }
            }
            return z;
        }
    }

    private static double[] gaussians(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double[] rounded(DType dtype, double[] v) {
        if (dtype == DType.FLOAT32) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) v[i];
            }
        }
        return v;
    }

    private Tensor tensor(DType dtype, int rows, int cols, double[] values) {
        Tensor t = backend().zeros(dtype, rows, cols);
        t.assign(values);
        return t;
    }

    private Tensor nan(DType dtype, int rows, int cols) {
        double[] v = new double[rows * cols];
        java.util.Arrays.fill(v, Double.NaN);
        return tensor(dtype, rows, cols, v);
    }

    private static double[] values(Tensor t) {
        double[] v = new double[t.rows() * t.cols()];
        t.copyTo(v);
        return v;
    }

    /** Within the dtype's tolerance, scaled by the inner dimension's sum for float32. */
    private static void assertClose(String what, double[] expected, Tensor actual) {
        double tol = Tolerances.of(actual.dtype()) * (actual.dtype() == DType.FLOAT32 ? 10 : 1);
        double[] got = values(actual);
        for (int i = 0; i < expected.length; i++) {
            if (!Tolerances.close(expected[i], got[i], tol)) {
                fail(what + " " + actual.shape() + " " + actual.dtype() + ": element " + i + " expected "
                        + expected[i] + ", got " + got[i]);
            }
        }
    }
}
