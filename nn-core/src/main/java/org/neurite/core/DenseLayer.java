package org.neurite.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.neurite.api.Activation;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Shape;
import org.neurite.api.ShapeMismatchException;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;

/**
 * A fully connected layer: {@code A = f(X·Wᵀ + b)} for a batch {@code X} of shape {@code (batch, in)},
 * weights {@code W} of shape {@code (out, in)} (the tutorial's and PyTorch's layout) and bias {@code b} of
 * shape {@code (1, out)}.
 *
 * <p>Thread-safe: the layer keeps nothing from a forward pass; the weights are read, never written, by
 * {@link #forward}.
 */
@Stability(Stability.Status.STABLE)
public final class DenseLayer implements Layer {

    private final String label;
    private final Tensor weight;
    private final Tensor bias;
    private final Activation activation;

    private DenseLayer(String label, Tensor weight, Tensor bias, Activation activation) {
        this.label = label;
        this.weight = weight;
        this.bias = bias;
        this.activation = activation;
    }

    /**
     * A dense layer with the given weights and bias, copied into new tensors of {@code backend}.
     *
     * @param label how errors and summaries name the layer, for example {@code layer 2}
     * @param weights {@code (out, in)}, rectangular, not modified
     * @param bias {@code out} values, not modified
     * @throws IllegalArgumentException if a size is zero or the arrays do not agree, naming which
     */
    public static DenseLayer of(String label, Backend backend, DType dtype, double[][] weights, double[] bias,
                                Activation activation) {
        Objects.requireNonNull(activation, "activation");
        if (weights.length == 0 || weights[0].length == 0) {
            throw new IllegalArgumentException(label + ": weights: expected shape (out, in) with out, in >= 1, got "
                    + weights.length + " rows" + (weights.length == 0 ? "" : " of " + weights[0].length));
        }
        if (bias.length != weights.length) {
            throw new IllegalArgumentException(label + ": bias: expected " + weights.length
                    + " values (one per output), got " + bias.length);
        }
        Tensor w = backend.fromRows(dtype, weights);
        Tensor b = backend.zeros(dtype, 1, bias.length);
        b.assign(bias);
        return new DenseLayer(label, w, b, activation);
    }

    @Override
    public int inputSize() {
        return weight.cols();
    }

    @Override
    public int outputSize() {
        return weight.rows();
    }

    @Override
    public String kind() {
        return "Dense";
    }

    @Override
    public Activation activation() {
        return activation;
    }

    /** The live weight tensor {@code (out, in)}. */
    public Tensor weight() {
        return weight;
    }

    /** The live bias tensor {@code (1, out)}. */
    public Tensor bias() {
        return bias;
    }

    /** The backend that owns the parameters. */
    public Backend backend() {
        return weight.backend();
    }

    /** The parameters' dtype. */
    public DType dtype() {
        return weight.dtype();
    }

    @Override
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("weight", weight);
        params.put("bias", bias);
        return params;
    }

    @Override
    public long parameterCount() {
        return weight.shape().size() + bias.shape().size();
    }

    @Override
    public void forward(Tensor input, Tensor preActivation, Tensor output) {
        if (input.cols() != inputSize()) {
            throw new ShapeMismatchException(this + ": input: expected shape (batch, " + inputSize()
                    + "), got " + input.shape());
        }
        int rows = input.rows();
        requireShape("preActivation", rows, preActivation);
        requireShape("output", rows, output);
        Backend backend = weight.backend();
        backend.matmul(input, false, weight, true, preActivation);
        backend.addRowVector(preActivation, bias, preActivation);
        activation.forward(preActivation, output);
    }

    /** Checks {@code actual} is {@code (rows, outputSize())}; allocates nothing unless it is not. */
    private void requireShape(String name, int rows, Tensor actual) {
        Shape shape = actual.shape();
        if (shape.rows() != rows || shape.cols() != outputSize()) {
            throw new ShapeMismatchException(this + ": " + name + ": expected shape "
                    + Shape.of(rows, outputSize()) + ", got " + shape);
        }
    }

    /** For example {@code layer 1 (Dense 2 -> 4, relu)}. */
    @Override
    public String toString() {
        return label + " (Dense " + inputSize() + " -> " + outputSize() + ", " + activation.spec() + ")";
    }
}
