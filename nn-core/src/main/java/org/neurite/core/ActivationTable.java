package org.neurite.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;
import org.neurite.api.spi.ActivationFactory;

/**
 * Every element-wise activation of a registry, at its default parameters, evaluated at the same points:
 * value and derivative per name, as a command-line {@code activations} listing prints them. Built-in and
 * user activations alike are included (whatever the registry holds); row-wise ones such as softmax are not,
 * since they have no value at a single point.
 *
 * <p>The points are written into a {@code (1, n)} tensor of the given dtype, so in float32 they are first
 * rounded to float ({@link #points()} returns them as rounded); values and derivatives come from
 * {@link Activation#forward} and from {@link Activation#backward} with an incoming gradient of ones, on the
 * given backend. Immutable; arrays are copied in and out.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ActivationTable {

    private final String backend;
    private final DType dtype;
    private final double[] points;
    private final Map<String, Entry> entries;

    private ActivationTable(String backend, DType dtype, double[] points, Map<String, Entry> entries) {
        this.backend = backend;
        this.dtype = dtype;
        this.points = points;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /**
     * Evaluates every element-wise activation of {@code registry} at {@code points}.
     *
     * @param points not modified; any finite or infinite doubles
     */
    public static ActivationTable evaluate(Activations registry, Backend backend, DType dtype, double[] points) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(dtype, "dtype");
        int n = points.length;
        Tensor z = backend.zeros(dtype, 1, n);
        z.assign(points);
        double[] used = new double[n];
        z.copyTo(used);
        Tensor a = backend.zeros(dtype, 1, n);
        Tensor ones = backend.zeros(dtype, 1, n);
        backend.map(ones, v -> 1.0, ones);
        Tensor gradZ = backend.zeros(dtype, 1, n);
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, ActivationFactory> e : registry.factories().entrySet()) {
            if (!e.getValue().elementwise()) {
                continue;
            }
            Activation activation = registry.get(e.getKey());
            activation.forward(z, a);
            activation.backward(z, a, ones, gradZ);
            double[] value = new double[n];
            double[] derivative = new double[n];
            a.copyTo(value);
            gradZ.copyTo(derivative);
            entries.put(e.getKey(), new Entry(activation.spec(), value, derivative));
        }
        return new ActivationTable(backend.name(), dtype, used, entries);
    }

    /** The name of the backend that computed the table. */
    public String backend() {
        return backend;
    }

    /** The dtype the table was computed in. */
    public DType dtype() {
        return dtype;
    }

    /** The points, as the dtype holds them (rounded to float in float32). */
    public double[] points() {
        return points.clone();
    }

    /** One entry per element-wise activation, by canonical name, sorted by name. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** One activation's values and derivatives at the table's points. */
    @Stability(Stability.Status.EXPERIMENTAL)
    public static final class Entry {
        private final String spec;
        private final double[] value;
        private final double[] derivative;

        Entry(String spec, double[] value, double[] derivative) {
            this.spec = spec;
            this.value = value;
            this.derivative = derivative;
        }

        /** The activation with its default parameters, for example {@code leaky_relu(alpha=0.01)}. */
        public String spec() {
            return spec;
        }

        /** {@code f(points[i])}; a new array. */
        public double[] value() {
            return value.clone();
        }

        /** {@code f'(points[i])}, with the activation's convention at kinks; a new array. */
        public double[] derivative() {
            return derivative.clone();
        }
    }
}
