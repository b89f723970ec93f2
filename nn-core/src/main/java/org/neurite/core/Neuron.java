package org.neurite.core;

import java.util.Random;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Stability;

/**
 * The tutorial's single artificial neuron: {@code y = f(w · x + b)}, a dense layer with one output.
 * Immutable and thread-safe.
 */
@Stability(Stability.Status.STABLE)
public final class Neuron {

    private final Mlp network;
    private final double[] weights;
    private final double bias;

    private Neuron(Mlp network, double[] weights, double bias) {
        this.network = network;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * A neuron with the given weights and bias on the default backend in float64.
     *
     * @param weights one per input, not modified
     * @param activation an activation spec, for example {@code sigmoid}
     */
    public static Neuron of(double[] weights, double bias, String activation) {
        return of(Backends.get(), DType.FLOAT64, weights, bias, activation);
    }

    /** A neuron with the given weights and bias on {@code backend}. */
    public static Neuron of(Backend backend, DType dtype, double[] weights, double bias, String activation) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights: expected at least one weight, got none");
        }
        Mlp net = Mlp.builder().backend(backend).dtype(dtype).activations(Activations.discover())
                .input(weights.length)
                .dense(activation, new double[][] {weights.clone()}, new double[] {bias})
                .build();
        return new Neuron(net, weights.clone(), bias);
    }

    /**
     * The tutorial's random neuron: weights {@code N(0, 1) * 0.5} from {@code random}, bias 0.
     *
     * @param inputs the number of inputs, at least 1
     */
    public static Neuron random(int inputs, String activation, Random random) {
        if (inputs <= 0) {
            throw new IllegalArgumentException("inputs: expected >= 1, got " + inputs);
        }
        double[] w = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            w[i] = random.nextGaussian() * 0.5;
        }
        return of(w, 0.0, activation);
    }

    /** A copy of the weights. */
    public double[] weights() {
        return weights.clone();
    }

    /** The bias. */
    public double bias() {
        return bias;
    }

    /** The activation's spec. */
    public String activation() {
        return network.layers().get(0).activation().spec();
    }

    /** The weighted sum {@code z = w · x + b}, before the activation. */
    public double weightedSum(double[] x) {
        return network.trace(x).steps().get(0).z()[0][0];
    }

    /** The output {@code f(w · x + b)}. */
    public double forward(double[] x) {
        double[] out = new double[1];
        network.predict(x, out);
        return out[0];
    }

    /** The output for every row of a batch, computed as one matrix product. */
    public double[] forward(double[][] batch) {
        double[][] out = network.predict(batch);
        double[] y = new double[out.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = out[i][0];
        }
        return y;
    }
}
