package org.neurite.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Shape;
import org.neurite.api.Stability;
import org.neurite.api.support.Operands;
import org.neurite.core.init.Initializer;
import org.neurite.core.init.Initializers;

/**
 * Builds an {@link Mlp}. Each method checks its arguments at once and throws before changing the builder,
 * so a failed call leaves the builder as it was; {@link #build()} makes every tensor and returns a model, or
 * throws and returns nothing.
 *
 * <p>Defaults: the backend from {@link Backends#get()}, {@link DType#FLOAT64}, activations from
 * {@link Activations#discover()}, each layer's initializer from {@link Initializers#defaultFor(String)}
 * with biases of zero, and an unseeded random source (set {@link #seed(long)} to reproduce a network:
 * the same seed gives the same weights on every backend and dtype).
 */
@Stability(Stability.Status.STABLE)
public final class MlpBuilder {

    private Backend backend;
    private DType dtype = DType.FLOAT64;
    private Activations activations;
    private Long seed;
    private int inputSize;
    private final List<LayerSpec> specs = new ArrayList<>();

    MlpBuilder() {
    }

    /** The backend to compute on. */
    public MlpBuilder backend(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        return this;
    }

    /** The element type of every parameter and buffer. */
    public MlpBuilder dtype(DType dtype) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        return this;
    }

    /**
     * The registry that activation names are looked up in; set it before the first layer named by its
     * activation, which {@code dense} resolves at once.
     *
     * @throws IllegalStateException if a layer has already resolved its activation
     */
    public MlpBuilder activations(Activations activations) {
        Objects.requireNonNull(activations, "activations");
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).custom == null) {
                throw new IllegalStateException("activations: expected before the first dense layer, got it after "
                        + "layer " + (i + 1) + " resolved '" + specs.get(i).activation.spec()
                        + "' in the registry set then; call activations(...) first");
            }
        }
        this.activations = activations;
        return this;
    }

    /** The seed of the weight initialisation. */
    public MlpBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The number of input features.
     *
     * @throws IllegalArgumentException if {@code size <= 0}
     */
    public MlpBuilder input(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("input: expected a size >= 1, got " + size);
        }
        this.inputSize = size;
        return this;
    }

    /**
     * Adds a dense layer with the default initializer for its activation.
     *
     * @param units the number of outputs, at least 1
     * @param activation an activation spec such as {@code relu} or {@code leaky_relu(alpha=0.1)}
     */
    public MlpBuilder dense(int units, String activation) {
        return dense(units, activation, null);
    }

    /**
     * Adds a dense layer drawn by {@code initializer}.
     *
     * @param initializer {@code null} for the default of the activation
     * @throws IllegalArgumentException if {@code units <= 0}
     * @throws org.neurite.api.UnknownActivationException if the activation is unknown
     */
    public MlpBuilder dense(int units, String activation, Initializer initializer) {
        if (units <= 0) {
            throw new IllegalArgumentException("layer " + (specs.size() + 1) + ": units: expected >= 1, got "
                    + units);
        }
        Activation act = registry().get(activation);
        specs.add(new LayerSpec(units, act, initializer, null, null, null));
        return this;
    }

    /**
     * Adds a dense layer with explicit weights, for hand-made networks such as the tutorial's XOR solver.
     *
     * @param weights {@code (units, previous size)}; copied
     * @param bias {@code units} values; copied
     * @throws IllegalArgumentException naming the layer (and row) if the weights are empty or ragged, or the
     *         bias has not one value per row
     */
    public MlpBuilder dense(String activation, double[][] weights, double[] bias) {
        Activation act = registry().get(activation);
        DenseLayer.checkWeights("layer " + (specs.size() + 1), weights, bias);
        double[][] w = new double[weights.length][];
        for (int r = 0; r < w.length; r++) {
            w[r] = weights[r].clone();
        }
        specs.add(new LayerSpec(weights.length, act, null, w, bias.clone(), null));
        return this;
    }

    /**
     * Adds a layer of the user's own; its parameters must live on the builder's backend and dtype, which
     * {@link #build()} checks.
     *
     * @throws IllegalArgumentException if its sizes are not positive
     */
    public MlpBuilder layer(Layer layer) {
        Objects.requireNonNull(layer, "layer");
        if (layer.inputSize() <= 0 || layer.outputSize() <= 0) {
            throw new IllegalArgumentException("layer " + (specs.size() + 1) + ": expected sizes >= 1, got "
                    + layer.inputSize() + " -> " + layer.outputSize());
        }
        specs.add(new LayerSpec(layer.outputSize(), layer.activation(), null, null, null, layer));
        return this;
    }

    /**
     * Makes the model.
     *
     * @throws IllegalStateException if the input size or every layer is missing, or sizes do not chain
     * @throws IllegalArgumentException naming the layer, if its weights exceed {@link Shape#MAX_ELEMENTS}
     * @throws org.neurite.api.BackendMismatchException naming the layer and parameter, if a layer of
     *         {@link #layer(Layer)} is on another backend or dtype
     * @throws org.neurite.api.BackendNotFoundException if no backend was set and none is available
     */
    public Mlp build() {
        if (inputSize <= 0) {
            throw new IllegalStateException("input: expected input(size) before build()");
        }
        if (specs.isEmpty()) {
            throw new IllegalStateException("layers: expected at least one layer before build()");
        }
        checkChain();
        Backend b = backend != null ? backend : Backends.get();
        for (int i = 0; i < specs.size(); i++) {
            Layer custom = specs.get(i).custom;
            if (custom != null) {
                for (var p : custom.parameters().entrySet()) {
                    Operands.on("layer " + (i + 1) + " (" + custom + "): parameter '" + p.getKey() + "'", b, dtype,
                            p.getValue());
                }
            }
        }
        Random random = seed != null ? new Random(seed) : new Random();
        List<Layer> layers = new ArrayList<>();
        int previous = inputSize;
        for (int i = 0; i < specs.size(); i++) {
            layers.add(specs.get(i).build("layer " + (i + 1), b, dtype, previous, random));
            previous = specs.get(i).units;
        }
        return new Mlp(b, dtype, layers);
    }

    private void checkChain() {
        int previous = inputSize;
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec s = specs.get(i);
            int expectedIn = s.custom != null ? s.custom.inputSize() : s.weights != null ? s.weights[0].length : previous;
            if (expectedIn != previous) {
                throw new IllegalStateException("layer " + (i + 1) + ": expected " + previous
                        + " inputs (the previous size), got a layer taking " + expectedIn);
            }
            try {
                Shape.of(s.units, previous); // every weight count, before anything is drawn
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + (i + 1) + ": weights: " + e.getMessage(), e);
            }
            previous = s.units;
        }
    }

    private Activations registry() {
        if (activations == null) {
            activations = Activations.discover();
        }
        return activations;
    }

    private record LayerSpec(int units, Activation activation, Initializer initializer, double[][] weights,
                             double[] bias, Layer custom) {

        Layer build(String label, Backend backend, DType dtype, int inputs, Random random) {
            if (custom != null) {
                return custom;
            }
            if (weights != null) {
                return DenseLayer.of(label, backend, dtype, weights, bias, activation);
            }
            Initializer init = initializer != null ? initializer : Initializers.defaultFor(activation.name());
            if (init == Initializers.zeros()) {
                // Nothing to draw: the zeroed tensors alone (what a model file's loader fills), no temporary.
                return DenseLayer.of(label, backend, dtype, inputs, units, null, activation);
            }
            double[] flat = new double[units * inputs];
            init.fill(flat, inputs, units, random);
            return DenseLayer.of(label, backend, dtype, inputs, units, flat, activation);
        }
    }
}
