package org.neurite.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurite.api.Activation;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.ParametricActivation;
import org.neurite.api.Shape;
import org.neurite.api.ShapeMismatchException;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;
import org.neurite.api.support.Operands;

/**
 * A fully connected layer: {@code A = f(X·Wᵀ + b)} for a batch {@code X} of shape {@code (batch, in)},
 * weights {@code W} of shape {@code (out, in)} (the tutorial's and PyTorch's layout) and bias {@code b} of
 * shape {@code (1, out)}.
 *
 * <p>An activation with learnable parameters ({@link ParametricActivation}, PReLU's {@code alpha}) gets one
 * {@code (1, 1)} parameter tensor per learnable name, listed after {@code weight} and {@code bias} under
 * that name, so that an optimizer updates it in place like the weights: a {@code [3 -> 2]} PReLU layer has
 * 9 parameters, as in PyTorch.
 *
 * <p>Thread-safe: the layer keeps nothing from a forward or backward pass; the parameters are read, never
 * written, by {@link #forward} and {@link #backward}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class DenseLayer implements Layer {

    private final String label;
    private final Tensor weight;
    private final Tensor bias;
    private final Activation activation;
    /** The learnable activation values, {@code (1, 1)} each; empty unless the activation is parametric. */
    private final List<Tensor> activationValues;
    private final List<String> activationNames;

    private DenseLayer(String label, Tensor weight, Tensor bias, Activation activation,
                       List<Tensor> activationValues) {
        this.label = label;
        this.weight = weight;
        this.bias = bias;
        this.activation = activation;
        this.activationValues = List.copyOf(activationValues);
        this.activationNames = activation instanceof ParametricActivation p ? p.learnableParameters() : List.of();
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
        checkWeights(label, weights, bias);
        Tensor w = backend.fromRows(dtype, weights);
        Tensor b = backend.zeros(dtype, 1, bias.length);
        b.assign(bias);
        return new DenseLayer(label, w, b, activation, activationValues(backend, dtype, activation));
    }

    /**
     * Checks hand-written weights and bias: {@code (out, in)} with {@code out, in >= 1}, every row of the
     * first row's length, one bias per row.
     *
     * @throws IllegalArgumentException naming the layer, and the row that differs
     */
    static void checkWeights(String label, double[][] weights, double[] bias) {
        if (weights.length == 0 || weights[0] == null || weights[0].length == 0) {
            throw new IllegalArgumentException(label + ": weights: expected shape (out, in) with out, in >= 1, got "
                    + weights.length + " rows" + (weights.length == 0 || weights[0] == null ? "" : " of 0"));
        }
        int cols = weights[0].length;
        for (int r = 1; r < weights.length; r++) {
            if (weights[r] == null || weights[r].length != cols) {
                throw new IllegalArgumentException(label + ": weights: row " + r + ": expected " + cols
                        + " values (the length of row 0), got " + (weights[r] == null ? "null" : weights[r].length));
            }
        }
        if (bias.length != weights.length) {
            throw new IllegalArgumentException(label + ": bias: expected " + weights.length
                    + " values (one per output), got " + bias.length);
        }
    }

    /**
     * A dense layer with zero biases and row-major weights {@code (units, inputs)}, or all zeros when
     * {@code weights} is {@code null} (then nothing but the tensors is allocated).
     */
    static DenseLayer of(String label, Backend backend, DType dtype, int inputs, int units, double[] weights,
                         Activation activation) {
        Tensor w = backend.zeros(dtype, units, inputs);
        if (weights != null) {
            w.assign(weights);
        }
        return new DenseLayer(label, w, backend.zeros(dtype, 1, units), activation,
                activationValues(backend, dtype, activation));
    }

    /** One {@code (1, 1)} tensor per learnable value of a parametric activation, holding its current value. */
    private static List<Tensor> activationValues(Backend backend, DType dtype, Activation activation) {
        List<Tensor> values = new ArrayList<>();
        if (activation instanceof ParametricActivation p) {
            for (String name : p.learnableParameters()) {
                Tensor value = backend.zeros(dtype, 1, 1);
                value.set(0, 0, p.parameters().get(name));
                values.add(value);
            }
        }
        return values;
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

    /**
     * The activation; a parametric one with its current learnt values, so that its {@code spec()} records
     * them (for example {@code prelu(alpha=0.1875)} after training).
     */
    @Override
    public Activation activation() {
        if (activation instanceof ParametricActivation p) {
            Map<String, Double> learnt = new LinkedHashMap<>();
            for (int k = 0; k < activationNames.size(); k++) {
                learnt.put(activationNames.get(k), activationValues.get(k).get(0, 0));
            }
            return p.withParameters(learnt);
        }
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
        for (int k = 0; k < activationNames.size(); k++) {
            params.put(activationNames.get(k), activationValues.get(k));
        }
        return params;
    }

    @Override
    public long parameterCount() {
        return weight.shape().size() + bias.shape().size() + activationValues.size();
    }

    @Override
    public void forward(Tensor input, Tensor preActivation, Tensor output) {
        Operands.on(this + ": input", weight.backend(), weight.dtype(), input);
        if (input.cols() != inputSize()) {
            throw new ShapeMismatchException(this + ": input: expected shape (batch, " + inputSize()
                    + "), got " + input.shape());
        }
        int rows = input.rows();
        requireShape("preActivation", rows, preActivation);
        requireShape("output", rows, output);
        Backend backend = weight.backend();
        if (activationValues.isEmpty()) {
            backend.denseForward(input, weight, bias, activation, preActivation, output);
        } else {
            backend.matmul(input, false, weight, true, preActivation);
            backend.addRowVector(preActivation, bias, preActivation);
            ((ParametricActivation) activation).forward(preActivation, activationValues, output);
        }
    }

    /**
     * {@code dZ = dA ⊙ f'(z)} (the activation's vector-Jacobian product, written over {@code gradOutput}),
     * then {@code dW += dZᵀ·X}, {@code db += Σ_rows dZ} and {@code dX = dZ·W}, as PyTorch's
     * {@code nn.Linear} computes them.
     */
    @Override
    public void backward(Tensor input, Tensor preActivation, Tensor output, Tensor gradOutput, Tensor gradInput,
                         List<Tensor> parameterGradients) {
        int rows = input.rows();
        if (input.cols() != inputSize()) {
            throw new ShapeMismatchException(this + ": input: expected shape (batch, " + inputSize()
                    + "), got " + input.shape());
        }
        requireShape("preActivation", rows, preActivation);
        requireShape("output", rows, output);
        requireShape("gradOutput", rows, gradOutput);
        if (gradInput != null && (gradInput.rows() != rows || gradInput.cols() != inputSize())) {
            throw new ShapeMismatchException(this + ": gradInput: expected shape " + Shape.of(rows, inputSize())
                    + ", got " + gradInput.shape());
        }
        int expected = 2 + activationValues.size();
        if (parameterGradients.size() != expected) {
            throw new IllegalArgumentException(this + ": parameterGradients: expected " + expected
                    + " tensors (one per parameter), got " + parameterGradients.size());
        }
        requireSameShape("weight", weight, parameterGradients.get(0));
        requireSameShape("bias", bias, parameterGradients.get(1));
        for (int k = 0; k < activationValues.size(); k++) {
            requireSameShape(activationNames.get(k), activationValues.get(k), parameterGradients.get(2 + k));
        }
        Backend backend = weight.backend();
        if (activationValues.isEmpty()) {
            backend.denseBackward(input, weight, preActivation, output, activation, gradOutput, gradInput,
                    parameterGradients.get(0), parameterGradients.get(1));
            return;
        }
        ParametricActivation p = (ParametricActivation) activation;
        // The parameters' gradient reads dA, so it comes before dZ overwrites it.
        p.accumulateParameterGradients(preActivation, output, activationValues, gradOutput,
                parameterGradients.subList(2, expected));
        p.backward(preActivation, output, activationValues, gradOutput, gradOutput);
        backend.gemm(1, gradOutput, true, input, false, 1, parameterGradients.get(0));
        backend.sumRows(gradOutput, 1, parameterGradients.get(1));
        if (gradInput != null) {
            backend.matmul(gradOutput, false, weight, false, gradInput);
        }
    }

    @Override
    public DenseLayer copy() {
        List<Tensor> values = new ArrayList<>();
        for (Tensor v : activationValues) {
            values.add(copyOf(v));
        }
        return new DenseLayer(label, copyOf(weight), copyOf(bias), activation, values);
    }

    private static Tensor copyOf(Tensor t) {
        Tensor copy = t.backend().zeros(t.dtype(), t.shape());
        t.backend().copy(t, copy);
        return copy;
    }

    /** Checks {@code actual} is {@code (rows, outputSize())}; allocates nothing unless it is not. */
    private void requireShape(String name, int rows, Tensor actual) {
        Shape shape = actual.shape();
        if (shape.rows() != rows || shape.cols() != outputSize()) {
            throw new ShapeMismatchException(this + ": " + name + ": expected shape "
                    + Shape.of(rows, outputSize()) + ", got " + shape);
        }
    }

    private void requireSameShape(String parameter, Tensor param, Tensor gradient) {
        if (gradient.rows() != param.rows() || gradient.cols() != param.cols()) {
            throw new ShapeMismatchException(this + ": gradient of " + parameter + ": expected shape "
                    + param.shape() + ", got " + gradient.shape());
        }
    }

    /** For example {@code layer 1 (Dense 2 -> 4, relu)}. */
    @Override
    public String toString() {
        return label + " (Dense " + inputSize() + " -> " + outputSize() + ", " + activation.spec() + ")";
    }
}
