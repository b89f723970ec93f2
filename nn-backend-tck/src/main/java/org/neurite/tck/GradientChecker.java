package org.neurite.tck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.neurite.api.Activation;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Loss;
import org.neurite.api.ParametricActivation;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;

/**
 * Checks the gradients of an activation, a loss or a layer, yours or Neurite's, against central finite
 * differences of its own forward computation. Depends on the JDK and nn-api only: call it from any test
 * framework, or from a {@code main}.
 *
 * <pre>{@code
 * GradientChecker checker = GradientChecker.on(Backends.get("ejml"));   // float64, step 1e-6, tolerance 1e-6, seed 42
 * checker.checkActivation(new BentIdentity(), 4, 5).assertPassed();     // throws AssertionError listing failures
 * GradientReport report = checker.checkLayer(mlp.layers().get(0), 8);
 * if (!report.passed()) {
 *     System.out.println(report.failures());   // which tensor, which index, analytic and numeric
 * }
 * }</pre>
 *
 * <p>Every check compares, element by element, the analytic gradient of a scalar {@code L} (what the code
 * under test computes) with the central difference {@code (L(x+h) - L(x-h)) / (x+h - (x-h))}, where
 * {@code h} is {@link #step(double)} and the denominator is the step actually taken after rounding:
 * <ul>
 *   <li>{@link #checkActivation}: {@code L = Σ gradA ⊙ f(z)} for a random upstream gradient {@code gradA}
 *       drawn uniformly from [-1, 1], so the analytic side is {@code backward(z, f(z), gradA)}. For a
 *       {@link ParametricActivation} the forward and backward passes read the learnable values from
 *       {@code (1, 1)} tensors, as a layer does, and the gradient of every learnable parameter
 *       ({@code accumulateParameterGradients}, given zeroed buffers) is checked too, under its name.</li>
 *   <li>{@link #checkLoss}: {@code L} is the value of {@code evaluate}, and the analytic side is the
 *       gradient it writes.</li>
 *   <li>{@link #checkLayer}: {@code L = Σ gradOutput ⊙ layer(x)} for a random input {@code x} and upstream
 *       gradient, both uniform in [-1, 1]; every input element and every element of every parameter is
 *       perturbed, the parameters in the live tensors of a {@link Layer#copy()} (each restored exactly
 *       afterwards; the layer passed in is never touched). The analytic side is what {@code backward} writes
 *       to {@code gradInput} and adds to zeroed parameter-gradient buffers.</li>
 * </ul>
 * For activations and layers the numeric side is {@code Σ gradA ⊙ (f(x+h) - f(x-h))}, summed after the
 * subtraction, so outputs that the perturbation does not move add exactly nothing.
 *
 * <p>An element fails when {@link #relativeError(double, double)}, {@code |a - n| / max(|a| + |n|, 1e-2)},
 * exceeds the tolerance. The floor of {@value #ERROR_FLOOR} keeps gradients that are zero or tiny from
 * failing on rounding noise, which is about {@code 1e-16 · |L| / h}: with the defaults an absolute
 * difference below {@code 1e-8} always passes. Raise the tolerance for functions whose values are far
 * above 1.
 *
 * <p>Kinks: a central difference across a point where the function is not differentiable (ReLU at 0) does
 * not give the derivative. So {@link #checkActivation(Activation, int, int)} draws {@code |z|} uniformly from
 * [{@value #MIN_ABS_Z}, {@value #MAX_ABS_Z}] with a random sign, away from the kink at 0 that most
 * activations have; for other points pass {@code z} yourself, and declare the kinks with
 * {@link #kinks(double...)} to have elements within one step of them skipped (counted in
 * {@link GradientReport#skipped()}). Nothing is skipped unless you declare it, and the kinks concern
 * {@code checkActivation} alone: {@link #checkLayer} draws its own inputs and skips nothing (a random
 * pre-activation lands within a step of a fixed kink with a chance of about {@code 1e-6} per element; change
 * the seed if it does), and {@link #checkLoss} checks where the caller says, so pick loss inputs away from
 * kinks (an {@code l1} prediction not equal to its target).
 *
 * <p>Precision: finite differences need float64, the default. {@link #dtype(DType)} accepts float32 for
 * activations and layers, but float32's rounding (about {@code 6e-8 · |L| / h}) then needs a step near
 * {@code 1e-2} and a tolerance near {@code 1e-2}, which hides small mistakes. Losses work on double arrays
 * and ignore the dtype.
 *
 * <p>A checker is immutable and thread-safe: each setter returns a new checker. Each check draws its random
 * numbers from a new {@code java.util.Random(seed)}, so the same call gives the same report.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class GradientChecker {

    /** The default step {@code h}. */
    public static final double DEFAULT_STEP = 1e-6;
    /** The default tolerance on the relative error. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** The default seed of the random inputs and upstream gradients. */
    public static final long DEFAULT_SEED = 42;
    /** The smallest denominator of {@link #relativeError(double, double)}. */
    public static final double ERROR_FLOOR = 1e-2;
    /** The smallest {@code |z|} that {@link #checkActivation(Activation, int, int)} draws. */
    public static final double MIN_ABS_Z = 0.1;
    /** The largest {@code |z|} that {@link #checkActivation(Activation, int, int)} draws. */
    public static final double MAX_ABS_Z = 2.0;

    private final Backend backend;
    private final DType dtype;
    private final double step;
    private final double tolerance;
    private final long seed;
    private final double[] kinks;

    private GradientChecker(Backend backend, DType dtype, double step, double tolerance, long seed, double[] kinks) {
        this.backend = backend;
        this.dtype = dtype;
        this.step = step;
        this.tolerance = tolerance;
        this.seed = seed;
        this.kinks = kinks;
    }

    /**
     * A checker whose tensors belong to {@code backend}, in float64, with the default step, tolerance and
     * seed and no kinks.
     *
     * @throws NullPointerException if {@code backend} is null
     */
    public static GradientChecker on(Backend backend) {
        Objects.requireNonNull(backend, "backend");
        return new GradientChecker(backend, DType.FLOAT64, DEFAULT_STEP, DEFAULT_TOLERANCE, DEFAULT_SEED,
                new double[0]);
    }

    /**
     * This checker with tensors of {@code dtype}. Finite differences need float64 (see the class comment).
     *
     * @throws NullPointerException if {@code dtype} is null
     */
    public GradientChecker dtype(DType dtype) {
        Objects.requireNonNull(dtype, "dtype");
        return new GradientChecker(backend, dtype, step, tolerance, seed, kinks);
    }

    /**
     * This checker with central differences of step {@code h}.
     *
     * @throws IllegalArgumentException if {@code h} is not finite and positive
     */
    public GradientChecker step(double h) {
        requirePositive("step", h);
        return new GradientChecker(backend, dtype, h, tolerance, seed, kinks);
    }

    /**
     * This checker with the largest relative error that passes.
     *
     * @throws IllegalArgumentException if {@code tolerance} is not finite and positive
     */
    public GradientChecker tolerance(double tolerance) {
        requirePositive("tolerance", tolerance);
        return new GradientChecker(backend, dtype, step, tolerance, seed, kinks);
    }

    /** This checker with another seed for the random inputs and upstream gradients. */
    public GradientChecker seed(long seed) {
        return new GradientChecker(backend, dtype, step, tolerance, seed, kinks);
    }

    /**
     * This checker declaring the inputs where activations are not differentiable: {@link #checkActivation}
     * skips every element of {@code z} within one step of one of them. Replaces earlier kinks; none by
     * default.
     *
     * @throws IllegalArgumentException if a point is not finite
     */
    public GradientChecker kinks(double... points) {
        double[] copy = points.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!Double.isFinite(copy[i])) {
                throw new IllegalArgumentException("kinks: expected finite points, got " + copy[i] + " at index " + i);
            }
        }
        return new GradientChecker(backend, dtype, step, tolerance, seed, copy);
    }

    /**
     * The relative error this checker compares with the tolerance:
     * {@code |analytic - numeric| / max(|analytic| + |numeric|, ERROR_FLOOR)}, and positive infinity when
     * either value is NaN or infinite.
     */
    public static double relativeError(double analytic, double numeric) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), ERROR_FLOOR);
    }

    /**
     * Checks an activation at a random {@code z} of shape {@code (rows, cols)}, {@code |z|} in
     * [{@value #MIN_ABS_Z}, {@value #MAX_ABS_Z}] with a random sign.
     *
     * @throws IllegalArgumentException if {@code rows} or {@code cols} is below 1
     * @throws NullPointerException if {@code activation} is null
     */
    public GradientReport checkActivation(Activation activation, int rows, int cols) {
        requireSize("rows", rows);
        requireSize("cols", cols);
        Random random = new Random(seed);
        double[] z = new double[rows * cols];
        for (int i = 0; i < z.length; i++) {
            double magnitude = MIN_ABS_Z + (MAX_ABS_Z - MIN_ABS_Z) * random.nextDouble();
            z[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        return checkActivation(activation, z, rows, cols, random);
    }

    /**
     * Checks an activation at the given {@code z}, skipping elements within one step of a declared
     * {@linkplain #kinks(double...) kink}.
     *
     * @param z {@code rows × cols} values, row-major; not modified
     * @throws IllegalArgumentException if {@code rows} or {@code cols} is below 1 or {@code z} has another length
     * @throws NullPointerException if {@code activation} or {@code z} is null
     */
    public GradientReport checkActivation(Activation activation, double[] z, int rows, int cols) {
        requireSize("rows", rows);
        requireSize("cols", cols);
        requireLength("z", z, rows, cols);
        return checkActivation(activation, z, rows, cols, new Random(seed));
    }

    private GradientReport checkActivation(Activation activation, double[] z, int rows, int cols, Random random) {
        Objects.requireNonNull(activation, "activation");
        Tensor input = backend.zeros(dtype, rows, cols);
        input.assign(z);
        Tensor gradA = uniform(rows, cols, random);
        ParametricActivation parametric = activation instanceof ParametricActivation p ? p : null;
        List<Tensor> values = new ArrayList<>();
        if (parametric != null) {
            for (String name : parametric.learnableParameters()) {
                Tensor value = backend.zeros(dtype, 1, 1);
                value.set(0, 0, parametric.parameters().get(name));
                values.add(value);
            }
        }
        Forward forward = out -> {
            if (parametric == null) {
                activation.forward(input, out);
            } else {
                parametric.forward(input, values, out);
            }
        };
        Tensor a = backend.zeros(dtype, rows, cols);
        forward.into(a);
        Tensor gradZ = backend.zeros(dtype, rows, cols);
        if (parametric == null) {
            activation.backward(input, a, gradA, gradZ);
        } else {
            parametric.backward(input, a, values, gradA, gradZ);
        }
        GradientReport.Builder report = new GradientReport.Builder(activation.spec(), tolerance);
        Difference difference = new Difference(gradA, forward);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (nearKink(input.get(r, c))) {
                    report.skip();
                } else {
                    report.compare("z", r, c, gradZ.get(r, c), difference.at(input, r, c));
                }
            }
        }
        if (parametric != null) {
            List<Tensor> gradients = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                gradients.add(backend.zeros(dtype, 1, 1));
            }
            parametric.accumulateParameterGradients(input, a, values, gradA, gradients);
            for (int k = 0; k < values.size(); k++) {
                report.compare(parametric.learnableParameters().get(k), 0, 0, gradients.get(k).get(0, 0),
                        difference.at(values.get(k), 0, 0));
            }
        }
        return report.build();
    }

    /**
     * Checks a loss at the given prediction and target: the gradient that {@code evaluate} writes against
     * central differences of the value it returns. Pick inputs inside the loss's domain by at least the
     * step (probabilities in (0, 1) for {@code bce}) and away from its kinks.
     *
     * @param prediction {@code rows × cols} values, row-major; not modified
     * @param target {@code rows × targetCols} values, row-major; not modified
     * @throws IllegalArgumentException if a size is below 1 or an array has another length (naming it), or
     *     if the loss rejects its inputs
     * @throws NullPointerException if an argument is null
     */
    public GradientReport checkLoss(Loss loss, double[] prediction, double[] target, int rows, int cols,
                                    int targetCols) {
        Objects.requireNonNull(loss, "loss");
        requireSize("rows", rows);
        requireSize("cols", cols);
        requireSize("targetCols", targetCols);
        requireLength("prediction", prediction, rows, cols);
        requireLength("target", target, rows, targetCols);
        double[] x = prediction.clone();
        double[] gradient = new double[x.length];
        loss.evaluate(x, target, rows, cols, targetCols, gradient);
        GradientReport.Builder report = new GradientReport.Builder(loss.spec(), tolerance);
        for (int i = 0; i < x.length; i++) {
            double value = x[i];
            double up = value + step;
            double down = value - step;
            x[i] = up;
            double plus = loss.evaluate(x, target, rows, cols, targetCols, null);
            x[i] = down;
            double minus = loss.evaluate(x, target, rows, cols, targetCols, null);
            x[i] = value;
            report.compare("prediction", i / cols, i % cols, gradient[i], (plus - minus) / (up - down));
        }
        return report.build();
    }

    /**
     * Checks a layer's backward pass on a random batch of {@code batch} rows: the gradient with respect to
     * every input element and every parameter element. Works on a {@link Layer#copy()}; {@code layer} is
     * not modified.
     *
     * @throws IllegalArgumentException if {@code batch} is below 1, or a parameter of the layer is not a
     *     tensor of this checker's backend and dtype
     * @throws NullPointerException if {@code layer} is null
     * @throws UnsupportedOperationException if the layer cannot be copied or trained
     */
    public GradientReport checkLayer(Layer layer, int batch) {
        Objects.requireNonNull(layer, "layer");
        requireSize("batch", batch);
        Layer copy = layer.copy();
        Map<String, Tensor> parameters = copy.parameters();
        parameters.forEach((name, tensor) -> {
            if (tensor.backend() != backend || tensor.dtype() != dtype) {
                throw new IllegalArgumentException("layer: expected parameters of backend '" + backend.name()
                        + "' in " + dtype + ", got '" + name + "' of backend '" + tensor.backend().name()
                        + "' in " + tensor.dtype());
            }
        });
        Random random = new Random(seed);
        Tensor input = uniform(batch, copy.inputSize(), random);
        Tensor gradOutput = uniform(batch, copy.outputSize(), random);
        Tensor z = backend.zeros(dtype, batch, copy.outputSize());
        Tensor a = backend.zeros(dtype, batch, copy.outputSize());
        copy.forward(input, z, a);
        Tensor scratch = backend.copyOf(gradOutput);
        Tensor gradInput = backend.zeros(dtype, batch, copy.inputSize());
        List<Tensor> gradients = new ArrayList<>();
        for (Tensor tensor : parameters.values()) {
            gradients.add(backend.zeros(dtype, tensor.shape()));
        }
        copy.backward(input, z, a, scratch, gradInput, gradients);
        GradientReport.Builder report = new GradientReport.Builder(layer.toString(), tolerance);
        Difference difference = new Difference(gradOutput, out -> copy.forward(input, z, out));
        compareAll(report, "input", input, gradInput, difference);
        int k = 0;
        for (Map.Entry<String, Tensor> parameter : parameters.entrySet()) {
            compareAll(report, parameter.getKey(), parameter.getValue(), gradients.get(k++), difference);
        }
        return report.build();
    }

    private static void compareAll(GradientReport.Builder report, String name, Tensor x, Tensor analytic,
                                   Difference difference) {
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                report.compare(name, r, c, analytic.get(r, c), difference.at(x, r, c));
            }
        }
    }

    /** Runs the function under test on the current inputs and parameters. */
    @FunctionalInterface
    private interface Forward {
        void into(Tensor out);
    }

    /** Central differences of {@code Σ upstream ⊙ f}, with the buffers they need. */
    private final class Difference {
        private final Forward forward;
        private final double[] upstream;
        private final Tensor plus;
        private final Tensor minus;
        private final double[] plusValues;
        private final double[] minusValues;

        Difference(Tensor upstream, Forward forward) {
            this.forward = forward;
            this.upstream = new double[upstream.rows() * upstream.cols()];
            upstream.copyTo(this.upstream);
            this.plus = backend.zeros(dtype, upstream.shape());
            this.minus = backend.zeros(dtype, upstream.shape());
            this.plusValues = new double[this.upstream.length];
            this.minusValues = new double[this.upstream.length];
        }

        /** Perturbs {@code x[row][col]} by ± the step, runs the function twice, and restores the element. */
        double at(Tensor x, int row, int col) {
            double value = x.get(row, col);
            x.set(row, col, value + step);
            double up = x.get(row, col);
            forward.into(plus);
            x.set(row, col, value - step);
            double down = x.get(row, col);
            forward.into(minus);
            x.set(row, col, value);
            plus.copyTo(plusValues);
            minus.copyTo(minusValues);
            double sum = 0;
            for (int i = 0; i < upstream.length; i++) {
                sum += upstream[i] * (plusValues[i] - minusValues[i]);
            }
            return sum / (up - down);
        }
    }

    private boolean nearKink(double z) {
        return Arrays.stream(kinks).anyMatch(kink -> Math.abs(z - kink) <= step);
    }

    private Tensor uniform(int rows, int cols, Random random) {
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = 2 * random.nextDouble() - 1;
        }
        Tensor t = backend.zeros(dtype, rows, cols);
        t.assign(values);
        return t;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + ": expected a finite value > 0, got " + value);
        }
    }

    private static void requireSize(String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException(name + ": expected at least 1, got " + size);
        }
    }

    private static void requireLength(String name, double[] values, int rows, int cols) {
        Objects.requireNonNull(values, name);
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(name + ": expected " + rows + " × " + cols + " = " + rows * cols
                    + " values, got " + values.length);
        }
    }
}
