package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Tensor;
import org.neurite.api.support.ElementwiseActivation;

/**
 * Shared helpers of the activation unit tests: activations by name from the discovered registry, evaluated
 * on EJML in float64, and a relative comparison. Expected values in these tests come from identities
 * between functions, never from hand-typed numbers; the reference values are the backend kit's fixtures.
 */
final class Eval {

    static final Backend BACKEND = Backends.get("ejml");
    static final Activations REGISTRY = Activations.discover();

    private Eval() {
    }

    static ElementwiseActivation elementwise(String spec) {
        return (ElementwiseActivation) REGISTRY.get(spec);
    }

    /** {@code f(z)} through the tensor path (forward on the backend). */
    static double value(String spec, double z) {
        Activation a = REGISTRY.get(spec);
        Tensor t = BACKEND.fromRows(DType.FLOAT64, new double[][] {{z}});
        a.forward(t, t);
        return t.get(0, 0);
    }

    /** {@code f'(z)} through the tensor path (backward with gradA = 1). */
    static double derivative(String spec, double z) {
        Activation a = REGISTRY.get(spec);
        Tensor t = BACKEND.fromRows(DType.FLOAT64, new double[][] {{z}});
        Tensor out = BACKEND.zeros(DType.FLOAT64, 1, 1);
        a.forward(t, out);
        Tensor g = BACKEND.fromRows(DType.FLOAT64, new double[][] {{1.0}});
        a.backward(t, out, g, g);
        return g.get(0, 0);
    }

    static void assertRelative(double expected, double actual, double relative, String what) {
        if (!(Math.abs(expected - actual) <= relative * Math.abs(expected))) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
    }

    static void assertFinite(double v, String what) {
        assertTrue(Double.isFinite(v), what + ": expected a finite value, got " + v);
    }

    /** A spread of points, including tails and tiny magnitudes. */
    static double[] points() {
        return new double[] {-1000, -710, -100, -40, -20, -5, -3, -1.5, -1, -0.5, -0.1, -1e-8, 0, 1e-8, 0.1, 0.5,
            1, 1.5, 3, 5, 20, 40, 100, 710, 1000};
    }
}
