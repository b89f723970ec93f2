package org.neurite.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.ParametricActivation;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;
import org.neurite.api.spi.ActivationFactory;

/**
 * The contract of the activations on a backend: every activation, found by name through {@link Activations},
 * gives the values and derivatives of an independent high-precision reference (the fixtures that
 * {@code org/neurite/tck/activations/generate_fixtures.py} in this jar generates with mpmath), in float64
 * and float32, at points from ±1e-8 to ±1000 and ±1e300; derivatives also agree with central differences of
 * the forward pass; softmax and log_softmax rows and their Jacobian-vector products match; PReLU's
 * parameter gradient matches; no output is NaN or infinite for a finite input; and a NaN input gives NaN
 * (element-wise), or a NaN row (row-wise), in forward and backward.
 *
 * <p>The activations come from {@link #activations()}, by default {@link Activations#discover()}: the
 * module that runs this kit needs the built-in activations (nn-core) on its test class path. Any other
 * activation on that class path is held to the finiteness part of the contract too. A backend runs it by
 * extending this class:
 *
 * <pre>{@code
 * class MyActivationContractTest extends ActivationContractTest {
 *     protected Backend backend() { return Backends.get("mine"); }
 * }
 * }</pre>
 *
 * <p>Tolerances, each an error bound {@code |actual - expected| <= rel·(|expected| + scale) + abs}:
 * <ul>
 *   <li>float64: {@code rel = 1e-12}; {@code abs} is the smallest normal double, because a subnormal result
 *       has fewer than 53 significant bits and cannot be relatively accurate. No point needs more.</li>
 *   <li>float32 (computed in double, rounded once by the backend): {@code rel = 1e-6}, about eight float
 *       ulps; {@code abs} is the smallest float32 subnormal, for results in float32's subnormal range
 *       (sigmoid(-100) = 3.7e-44). Only inputs that float32 holds exactly are used.</li>
 *   <li>{@code scale} is 0 for values and derivatives. For a Jacobian-vector product it is the size of the
 *       terms that cancel in it ({@code a_i(|g_i| + Σ|g_j a_j|)} for softmax), since no algorithm is
 *       relatively accurate where the exact result is a small difference of large terms.</li>
 * </ul>
 */
@Stability(Stability.Status.EXPERIMENTAL)
public abstract class ActivationContractTest {

    /** Relative tolerance against the reference in float64. */
    public static final double FLOAT64_RELATIVE = 1e-12;
    /** Relative tolerance against the reference in float32. */
    public static final double FLOAT32_RELATIVE = 1e-6;

    private static final Map<String, List<ActivationFixtures.Point>> ELEMENTWISE = ActivationFixtures.elementwise();
    private static final Map<String, List<ActivationFixtures.Row>> ROWWISE = ActivationFixtures.rowwise();

    /** The backend under test. */
    protected abstract Backend backend();

    /** The registry the activations are taken from; {@link Activations#discover()} unless overridden. */
    protected Activations activations() {
        return Activations.discover();
    }

    static Stream<Arguments> elementwiseSpecs() {
        List<Arguments> args = new ArrayList<>();
        for (String spec : ELEMENTWISE.keySet()) {
            for (DType dtype : DType.values()) {
                args.add(Arguments.of(spec, dtype));
            }
        }
        return args.stream();
    }

    static Stream<String> smoothSpecs() {
        return ELEMENTWISE.keySet().stream();
    }

    static Stream<Arguments> rowwiseSpecs() {
        List<Arguments> args = new ArrayList<>();
        for (String spec : ROWWISE.keySet()) {
            for (DType dtype : DType.values()) {
                args.add(Arguments.of(spec, dtype));
            }
        }
        return args.stream();
    }

    private static double relative(DType dtype) {
        return dtype == DType.FLOAT64 ? FLOAT64_RELATIVE : FLOAT32_RELATIVE;
    }

    private static double absolute(DType dtype) {
        return dtype == DType.FLOAT64 ? Double.MIN_NORMAL : Float.MIN_VALUE;
    }

    private static boolean representable(DType dtype, double x) {
        return dtype == DType.FLOAT64 || (double) (float) x == x;
    }

    private static void check(String what, DType dtype, double expected, double actual, double scale) {
        double bound = relative(dtype) * (Math.abs(expected) + scale) + absolute(dtype);
        if (!(Math.abs(actual - expected) <= bound)) {
            fail(what + " " + dtype + ": expected " + expected + ", got " + actual + " (error "
                    + Math.abs(actual - expected) + ", allowed " + bound + ")");
        }
    }

    private Tensor column(DType dtype, double[] values) {
        Tensor t = backend().zeros(dtype, values.length, 1);
        t.assign(values);
        return t;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseSpecs")
    void valuesAndDerivativesMatchTheReference(String spec, DType dtype) {
        Activation activation = activations().get(spec);
        List<ActivationFixtures.Point> points = ELEMENTWISE.get(spec).stream()
                .filter(p -> representable(dtype, p.x())).toList();
        double[] x = points.stream().mapToDouble(ActivationFixtures.Point::x).toArray();
        // Float64 lays the points out as a column, float32 as a row: both orientations get exercised.
        Tensor z = dtype == DType.FLOAT64 ? column(dtype, x) : backend().fromRows(dtype, new double[][] {x});
        Tensor a = backend().zeros(dtype, z.shape());
        activation.forward(z, a);
        Tensor ones = backend().zeros(dtype, z.shape());
        backend().map(ones, v -> 1.0, ones);
        Tensor gradZ = backend().zeros(dtype, z.shape());
        activation.backward(z, a, ones, gradZ);
        double[] value = new double[x.length];
        double[] derivative = new double[x.length];
        a.copyTo(value);
        gradZ.copyTo(derivative);
        for (int i = 0; i < x.length; i++) {
            ActivationFixtures.Point p = points.get(i);
            check(spec + " at " + p.x(), dtype, p.value(), value[i], 0);
            check(spec + "' at " + p.x(), dtype, p.derivative(), derivative[i], 0);
        }
        // In place, as the contract allows: out = z for forward, gradZ = gradA for backward.
        Tensor zCopy = backend().copyOf(z);
        activation.forward(zCopy, zCopy);
        activation.backward(z, a, ones, ones);
        double[] inPlace = new double[x.length];
        zCopy.copyTo(inPlace);
        assertTrue(Arrays.equals(value, inPlace), spec + ": forward in place differs from forward");
        ones.copyTo(inPlace);
        assertTrue(Arrays.equals(derivative, inPlace), spec + ": backward in place differs from backward");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smoothSpecs")
    void derivativesAgreeWithCentralDifferences(String spec) {
        Activation activation = activations().get(spec);
        for (ActivationFixtures.Point p : ELEMENTWISE.get(spec)) {
            if (!p.smooth() || Math.abs(p.x()) > 1000) {
                continue;
            }
            double h = 1e-6 * Math.max(1.0, Math.abs(p.x()));
            double[] at = forward64(activation, new double[] {p.x() - 2 * h, p.x() - h, p.x() + h, p.x() + 2 * h,
                p.x()});
            Tensor z = column(DType.FLOAT64, new double[] {p.x()});
            Tensor a = column(DType.FLOAT64, new double[] {at[4]});
            Tensor g = column(DType.FLOAT64, new double[] {1.0});
            activation.backward(z, a, g, g);
            double analytic = g.get(0, 0);
            double central = (at[2] - at[1]) / (2 * h);
            double wide = (at[3] - at[0]) / (4 * h);
            // The truncation error of the central difference is about |central - wide| / 3 (Richardson), which
            // matters where the derivative is tiny next to the curvature (tanhshrink' at 1e-8 is 1e-16); the
            // rounding error is about ε·|f|/h.
            double bound = 1e-6 * Math.abs(analytic) + Math.abs(central - wide)
                    + 8 * Math.ulp(1.0) * (Math.abs(at[0]) + Math.abs(at[3])) / (2 * h) + Double.MIN_NORMAL;
            if (!(Math.abs(central - analytic) <= bound)) {
                fail(spec + "' at " + p.x() + ": backward gives " + analytic + ", central difference "
                        + central + " (allowed " + bound + ")");
            }
        }
    }

    private double[] forward64(Activation activation, double[] x) {
        Tensor z = column(DType.FLOAT64, x);
        activation.forward(z, z);
        double[] out = new double[x.length];
        z.copyTo(out);
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rowwiseSpecs")
    void rowsAndJacobianVectorProductsMatchTheReference(String spec, DType dtype) {
        Activation activation = activations().get(spec);
        assertFalse(activations().factories().get(activation.name()).elementwise(),
                spec + " should be registered as row-wise");
        // Rows of equal length go into one batch, so that rows are also checked not to mix.
        Map<Integer, List<ActivationFixtures.Row>> byLength = new LinkedHashMap<>();
        for (ActivationFixtures.Row row : ROWWISE.get(spec)) {
            byLength.computeIfAbsent(row.z().length, k -> new ArrayList<>()).add(row);
        }
        for (List<ActivationFixtures.Row> rows : byLength.values()) {
            Tensor z = backend().fromRows(dtype, rows.stream().map(ActivationFixtures.Row::z).toArray(double[][]::new));
            Tensor g = backend().fromRows(dtype,
                    rows.stream().map(ActivationFixtures.Row::gradA).toArray(double[][]::new));
            Tensor a = backend().zeros(dtype, z.shape());
            Tensor gradZ = backend().zeros(dtype, z.shape());
            activation.forward(z, a);
            activation.backward(z, a, g, gradZ);
            double[][] value = a.toDoubleArray();
            double[][] jvp = gradZ.toDoubleArray();
            for (int r = 0; r < rows.size(); r++) {
                ActivationFixtures.Row row = rows.get(r);
                for (int j = 0; j < row.z().length; j++) {
                    String where = spec + " of " + Arrays.toString(row.z()) + " [" + j + "]";
                    check(where, dtype, row.value()[j], value[r][j], 0);
                    check(where + " JVP with gradA " + Arrays.toString(row.gradA()), dtype, row.gradZ()[j],
                            jvp[r][j], jvpScale(spec, row, j));
                }
            }
        }
    }

    /** The size of the terms that cancel in element {@code j} of the row's Jacobian-vector product. */
    private static double jvpScale(String spec, ActivationFixtures.Row row, int j) {
        double[] g = row.gradA();
        if (spec.equals("softmax")) {
            double[] a = row.value();
            double dot = 0;
            for (int k = 0; k < g.length; k++) {
                dot += Math.abs(g[k] * a[k]);
            }
            return a[j] * (Math.abs(g[j]) + dot);
        }
        double total = 0;
        for (double v : g) {
            total += Math.abs(v);
        }
        return Math.abs(g[j]) + Math.exp(row.value()[j]) * total;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void preluAlphaGradientMatchesTheReference(DType dtype) {
        for (ActivationFixtures.ParameterGradient c : ActivationFixtures.preluGradients()) {
            Activation activation = activations().get(c.spec());
            assertTrue(activation instanceof ParametricActivation, c.spec() + " should be a ParametricActivation");
            ParametricActivation prelu = (ParametricActivation) activation;
            assertEquals(List.of("alpha"), prelu.learnableParameters());
            Tensor z = backend().zeros(dtype, c.rows(), c.cols());
            z.assign(c.z());
            Tensor g = backend().zeros(dtype, c.rows(), c.cols());
            g.assign(c.gradA());
            Tensor a = backend().zeros(dtype, z.shape());
            prelu.forward(z, a);
            double[] gradient = prelu.parameterGradient(z, a, g);
            assertEquals(1, gradient.length);
            double scale = 0;
            for (int i = 0; i < c.z().length; i++) {
                scale += Math.abs(c.z()[i] * c.gradA()[i]);
            }
            check(c.spec() + " dL/dalpha", dtype, c.gradient(), gradient[0], scale);
        }
    }

    /** Finite inputs whose results are all representable; the huge ones check overflow-free forms. */
    private static double[] finiteInputs(DType dtype) {
        double big = dtype == DType.FLOAT64 ? 1e300 : 1e38;
        double tiny = dtype == DType.FLOAT64 ? Double.MIN_VALUE : Float.MIN_VALUE;
        return new double[] {-big, -1e10, -1000, -745, -710, -100, -40, -1, -tiny, 0, tiny, 1, 40, 100, 710, 745,
            1000, 1e10, big};
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void noActivationGivesNanOrInfinityForFiniteInput(DType dtype) {
        double[] x = finiteInputs(dtype);
        double max = dtype == DType.FLOAT64 ? Double.MAX_VALUE : Float.MAX_VALUE;
        for (Map.Entry<String, ActivationFactory> e : activations().factories().entrySet()) {
            Activation activation = activations().get(e.getKey());
            if (e.getValue().elementwise()) {
                assertFinite(activation, dtype, new double[][] {x}, true);
                // At the largest finite input a result may round to infinity (selu(MAX) > MAX); never NaN.
                assertFinite(activation, dtype, new double[][] {{-max, max}}, false);
            } else {
                assertFinite(activation, dtype, new double[][] {{1000, 1000, 999}, {-1000, 1000, 0}}, true);
                double big = dtype == DType.FLOAT64 ? 1e300 : 1e38;
                assertFinite(activation, dtype, new double[][] {{big, -big, 0}, {-big, -big, -big}}, true);
            }
        }
    }

    /** The values and the derivatives (backward with a gradient of ones) of {@code activation} at {@code rows}. */
    private double[][][] forwardAndBackward(Activation activation, DType dtype, double[][] rows) {
        Tensor z = backend().fromRows(dtype, rows);
        Tensor a = backend().zeros(dtype, z.shape());
        Tensor g = backend().zeros(dtype, z.shape());
        backend().map(g, v -> 1.0, g);
        Tensor gradZ = backend().zeros(dtype, z.shape());
        activation.forward(z, a);
        activation.backward(z, a, g, gradZ);
        return new double[][][] {a.toDoubleArray(), gradZ.toDoubleArray()};
    }

    private void assertFinite(Activation activation, DType dtype, double[][] rows, boolean finite) {
        double[][][] pass = forwardAndBackward(activation, dtype, rows);
        double[][] values = pass[0];
        double[][] grads = pass[1];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < rows[r].length; j++) {
                for (double v : new double[] {values[r][j], grads[r][j]}) {
                    boolean ok = finite ? Double.isFinite(v) : !Double.isNaN(v);
                    assertTrue(ok, activation.spec() + " " + dtype + " at " + rows[r][j] + " (row "
                            + Arrays.toString(rows[r]) + "): value " + values[r][j] + ", derivative "
                            + grads[r][j]);
                }
            }
        }
    }

    /**
     * NaN in, NaN out, as in PyTorch: an element-wise activation gives NaN as value and derivative where its
     * input is NaN (a comparison such as {@code z > 0 ? z : 0} would turn it into a number); a row-wise one
     * makes a row with a NaN all NaN, in forward and backward, and leaves the other rows finite.
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void everyActivationPropagatesNan(DType dtype) {
        double nan = Double.NaN;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, ActivationFactory> e : activations().factories().entrySet()) {
            Activation activation = activations().get(e.getKey());
            boolean elementwise = e.getValue().elementwise();
            double[][] rows = elementwise ? new double[][] {{nan, -1, 0, 1, nan}}
                    : new double[][] {{nan, 1, 2}, {1, 2, 3}, {-1, nan, nan}};
            double[][][] pass = forwardAndBackward(activation, dtype, rows);
            double[][] values = pass[0];
            double[][] grads = pass[1];
            for (int r = 0; r < rows.length; r++) {
                boolean rowHasNan = Arrays.stream(rows[r]).anyMatch(Double::isNaN);
                for (int j = 0; j < rows[r].length; j++) {
                    boolean nanExpected = elementwise ? Double.isNaN(rows[r][j]) : rowHasNan;
                    if (Double.isNaN(values[r][j]) != nanExpected || Double.isNaN(grads[r][j]) != nanExpected) {
                        failures.add(activation.spec() + " " + dtype + " at " + rows[r][j] + " (row "
                                + Arrays.toString(rows[r]) + "): expected " + (nanExpected ? "NaN" : "a number")
                                + ", got value " + values[r][j] + ", derivative " + grads[r][j]);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyReferenceSpecIsRegisteredAndParsesBack() {
        for (String spec : ELEMENTWISE.keySet()) {
            Activation activation = activations().get(spec);
            assertTrue(activations().factories().get(activation.name()).elementwise(),
                    spec + " should be registered as element-wise");
            assertEquals(activation, activations().get(activation.spec()), spec + ": spec() should parse back");
        }
    }
}
