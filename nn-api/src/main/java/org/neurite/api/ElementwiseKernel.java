package org.neurite.api;

import java.util.Objects;

/**
 * A built-in element-wise function described to the backend, so that a fused dense kernel
 * ({@link Backend#denseForward}, {@link Backend#denseBackward}) runs it as a loop of its own instead of one
 * interface call per element through a loop that every activation shares (which the JIT cannot inline or
 * vectorize once several activations have run through it).
 *
 * <p>The scalar formulas live here, once: the built-in activations compute with these same static methods,
 * so the fused path and the generic path ({@link Activation#forward}) give the same bits. An activation
 * returns a kernel from {@link Activation#kernel()} only if it computes exactly that function and derivative;
 * every other activation (a user's own, softmax, PReLU) goes through the generic path.
 *
 * <p>The array loops ({@link #forward(double[], int, int, double[], int)} and the others) switch on the
 * kind once and then run one loop per kind: each loop calls one static method the JIT inlines. Float32 is
 * computed in double and rounded once, as every activation is.
 *
 * @param kind the function
 * @param slope {@link Kind#LEAKY_RELU}'s slope for {@code z <= 0}; 0 for the other kinds
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record ElementwiseKernel(Kind kind, double slope) {

    /** The functions a backend may run as its own loops. */
    public enum Kind {
        /** {@code z}. */
        LINEAR,
        /** {@code max(0, z)}; derivative 0 at 0. */
        RELU,
        /** {@code z} for {@code z > 0}, else {@code slope·z}; derivative {@code slope} at 0. */
        LEAKY_RELU,
        /** {@code 1 / (1 + e^-z)}, computed so that it never overflows. */
        SIGMOID,
        /** {@code tanh(z)}. */
        TANH
    }

    /** The identity. */
    public static final ElementwiseKernel LINEAR = new ElementwiseKernel(Kind.LINEAR, 0);
    /** {@code max(0, z)}. */
    public static final ElementwiseKernel RELU = new ElementwiseKernel(Kind.RELU, 0);
    /** The logistic function. */
    public static final ElementwiseKernel SIGMOID = new ElementwiseKernel(Kind.SIGMOID, 0);
    /** The hyperbolic tangent. */
    public static final ElementwiseKernel TANH = new ElementwiseKernel(Kind.TANH, 0);

    /**
     * Checks the kind and that only a leaky ReLU has a slope.
     *
     * @throws IllegalArgumentException if {@code slope} is not finite, or not 0 for a kind without one
     */
    public ElementwiseKernel {
        Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(slope) || (kind != Kind.LEAKY_RELU && slope != 0)) {
            throw new IllegalArgumentException("slope: expected a finite value, and 0 unless the kind is "
                    + "LEAKY_RELU, got " + slope + " for " + kind);
        }
    }

    /** A leaky ReLU with {@code slope} for {@code z <= 0}. */
    public static ElementwiseKernel leakyRelu(double slope) {
        return new ElementwiseKernel(Kind.LEAKY_RELU, slope);
    }

    /** The function at one point. */
    public double apply(double z) {
        return switch (kind) {
            case LINEAR -> z;
            case RELU -> relu(z);
            case LEAKY_RELU -> leakyRelu(z, slope);
            case SIGMOID -> sigmoid(z);
            case TANH -> Math.tanh(z);
        };
    }

    /** The derivative at one point. */
    public double derivative(double z) {
        return switch (kind) {
            case LINEAR -> linearDerivative(z);
            case RELU -> reluDerivative(z);
            case LEAKY_RELU -> leakyReluDerivative(z, slope);
            case SIGMOID -> sigmoidDerivative(z);
            case TANH -> tanhDerivative(z);
        };
    }

    /** {@code a[aOff + i] = f(z[zOff + i])} for {@code i < n}; {@code a} may be {@code z}. */
    public void forward(double[] z, int zOff, int n, double[] a, int aOff) {
        switch (kind) {
            case LINEAR -> System.arraycopy(z, zOff, a, aOff, n);
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    a[aOff + i] = relu(z[zOff + i]);
                }
            }
            case LEAKY_RELU -> {
                double s = slope;
                for (int i = 0; i < n; i++) {
                    a[aOff + i] = leakyRelu(z[zOff + i], s);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    a[aOff + i] = sigmoid(z[zOff + i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    a[aOff + i] = Math.tanh(z[zOff + i]);
                }
            }
        }
    }

    /** As {@link #forward(double[], int, int, double[], int)} for float32: computed in double, rounded once. */
    public void forward(float[] z, int zOff, int n, float[] a, int aOff) {
        switch (kind) {
            case LINEAR -> System.arraycopy(z, zOff, a, aOff, n);
            case RELU -> {
                // max in float: the same bits as relu in double rounded (both conversions are exact), and
                // 25 times faster here than widening each element (a float-double-float loop runs scalar
                // and slowly on AVX-512: 6 ns an element against 0.24).
                for (int i = 0; i < n; i++) {
                    a[aOff + i] = Math.max(z[zOff + i], 0.0f);
                }
            }
            case LEAKY_RELU -> {
                double s = slope;
                for (int i = 0; i < n; i++) {
                    a[aOff + i] = (float) leakyRelu(z[zOff + i], s);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    a[aOff + i] = (float) sigmoid(z[zOff + i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    a[aOff + i] = (float) Math.tanh(z[zOff + i]);
                }
            }
        }
    }

    /** {@code grad[i] = grad[i] · f'(z[i])} for {@code i < n}: the chain rule, in place. */
    public void backward(double[] z, double[] grad, int n) {
        switch (kind) {
            case LINEAR -> {
                for (int i = 0; i < n; i++) {
                    grad[i] = grad[i] * linearDerivative(z[i]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    grad[i] = grad[i] * reluDerivative(z[i]);
                }
            }
            case LEAKY_RELU -> {
                double s = slope;
                for (int i = 0; i < n; i++) {
                    grad[i] = grad[i] * leakyReluDerivative(z[i], s);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    grad[i] = grad[i] * sigmoidDerivative(z[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    grad[i] = grad[i] * tanhDerivative(z[i]);
                }
            }
        }
    }

    /** As {@link #backward(double[], double[], int)} for float32: computed in double, rounded once. */
    public void backward(float[] z, float[] grad, int n) {
        switch (kind) {
            // In float for the derivatives that are 0, 1 or NaN: multiplying by them is exact in either
            // precision, so the bits are those of the double product rounded, without the slow widening.
            case LINEAR -> {
                for (int i = 0; i < n; i++) {
                    grad[i] = grad[i] * (float) linearDerivative(z[i]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    float zi = z[i];
                    grad[i] = grad[i] * (zi > 0 ? 1.0f : zi <= 0 ? 0.0f : zi);
                }
            }
            case LEAKY_RELU -> {
                double s = slope;
                for (int i = 0; i < n; i++) {
                    grad[i] = (float) (grad[i] * leakyReluDerivative(z[i], s));
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    grad[i] = (float) (grad[i] * sigmoidDerivative(z[i]));
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    grad[i] = (float) (grad[i] * tanhDerivative(z[i]));
                }
            }
        }
    }

    /**
     * {@code max(0, z)}: NaN for NaN (not {@code z > 0 ? z : 0}, which turns NaN into 0), {@code +0.0} for
     * {@code -0.0}. {@link Math#max} compiles without a branch and vectorizes in loops; a branch on the sign
     * of pre-activations that are half negative mispredicts every other element.
     */
    public static double relu(double z) {
        return Math.max(z, 0.0);
    }

    /** 1 for {@code z > 0}, 0 for {@code z <= 0} (PyTorch's value at the kink), NaN for NaN. */
    public static double reluDerivative(double z) {
        return z > 0 ? 1.0 : z <= 0 ? 0.0 : z;
    }

    /** {@code z} for {@code z > 0}, else {@code slope·z}; NaN for NaN. */
    public static double leakyRelu(double z, double slope) {
        return z > 0 ? z : slope * z;
    }

    /** 1 for {@code z > 0}, {@code slope} for {@code z <= 0} (PyTorch's value at the kink), NaN for NaN. */
    public static double leakyReluDerivative(double z, double slope) {
        return z > 0 ? 1.0 : z <= 0 ? slope : z;
    }

    /** 1, NaN for NaN (as every activation's derivative). */
    public static double linearDerivative(double z) {
        return Double.isNaN(z) ? z : 1.0;
    }

    /**
     * The logistic function from {@code e = e^-|z|}: {@code 1 / (1 + e)} for {@code z >= 0},
     * {@code e / (1 + e)} below, so it never overflows ({@code sigmoid(-1000)} is 0). One exponential for
     * both signs and a select for the numerator, not two branches: on a batch of mixed signs the branch
     * mispredicted about every second element (a float32 loop over 10,000 values took 2.6 times as long).
     */
    public static double sigmoid(double z) {
        double e = Math.exp(-Math.abs(z));
        return (z >= 0 ? 1.0 : e) / (1.0 + e);
    }

    /**
     * {@code σ'(z) = σ(z)·σ(-z) = e^-|z| / (1 + e^-|z|)²}, accurate relatively in both tails (the textbook
     * {@code s·(1 - s)} loses eight digits at {@code z = 20} to the cancellation in {@code 1 - s}).
     */
    public static double sigmoidDerivative(double z) {
        double e = Math.exp(-Math.abs(z));
        double d = 1.0 + e;
        return e / d / d;
    }

    /** {@code sech²(z) = 1 - tanh²(z)} from {@code e^-2|z|}, accurate relatively for every z. */
    public static double tanhDerivative(double z) {
        double e = Math.exp(-2.0 * Math.abs(z));
        double d = 1.0 + e;
        return 4.0 * e / d / d;
    }
}
