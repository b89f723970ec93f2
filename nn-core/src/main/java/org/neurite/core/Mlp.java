package org.neurite.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.ShapeMismatchException;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;

/**
 * A multi-layer perceptron: layers applied in order, on one backend and dtype.
 *
 * <pre>{@code
 * Mlp mlp = Mlp.builder().input(2)
 *         .dense(4, "relu").dense(3, "relu").dense(1, "sigmoid")
 *         .seed(42).build();
 * double[][] y = mlp.predict(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
 * }</pre>
 *
 * <p>Thread-safe: a built model may {@code predict} from many threads at once. Each pass writes into its
 * own {@link Workspace}; the array methods use a fresh one per call, or for single samples one per
 * thread. For passes that allocate nothing, keep a workspace per thread and call {@link #forward(Workspace)}.
 *
 * <p>A trained model may carry the {@link Standardization} fitted on its training data. The array methods
 * ({@code predict}, {@code trace}) take raw features and apply it first; the tensor methods
 * ({@code forward}) run the network itself on inputs that are already standardized
 * ({@link #standardization()} tells how).
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Mlp {

    private final Backend backend;
    private final DType dtype;
    private final List<Layer> layers;
    private final Standardization standardization;
    private final List<String> classNames;
    /**
     * Per thread, the single-sample workspace of {@link #predict(double[], double[])}, made without an owner:
     * a thread holds its ThreadLocal values strongly, so a value that reached this model would keep it (and
     * its weights) alive for as long as the thread lives.
     */
    private final ThreadLocal<Workspace> singleSample = ThreadLocal.withInitial(() -> allocate(null, 1));
    /** Per thread, the standardized single sample; its initializer captures a size, not this model. */
    private final ThreadLocal<double[]> singleSampleInput;

    Mlp(Backend backend, DType dtype, List<Layer> layers) {
        this(backend, dtype, layers, null, null);
    }

    private Mlp(Backend backend, DType dtype, List<Layer> layers, Standardization standardization,
                List<String> classNames) {
        this.backend = backend;
        this.dtype = dtype;
        this.layers = List.copyOf(layers);
        this.standardization = standardization;
        this.classNames = classNames == null ? null : List.copyOf(classNames);
        int inputs = this.layers.get(0).inputSize();
        this.singleSampleInput = ThreadLocal.withInitial(() -> new double[inputs]);
    }

    /** A builder; see the class example. */
    public static MlpBuilder builder() {
        return new MlpBuilder();
    }

    /**
     * The tutorial's {@code MLP(layer_sizes, activations)} on the default backend in float64.
     *
     * @param layerSizes input size then each layer's size, for example {@code {2, 4, 3, 1}}
     * @param activations one per layer, for example {@code "relu", "relu", "sigmoid"}
     * @param seed the seed of the weight initialisation
     */
    public static Mlp of(int[] layerSizes, List<String> activations, long seed) {
        if (layerSizes.length < 2) {
            throw new IllegalArgumentException("layerSizes: expected at least 2 sizes (input and one layer), got "
                    + layerSizes.length);
        }
        if (activations.size() != layerSizes.length - 1) {
            throw new IllegalArgumentException("activations: expected " + (layerSizes.length - 1)
                    + " (one per layer), got " + activations.size());
        }
        MlpBuilder b = builder().input(layerSizes[0]).seed(seed);
        for (int i = 1; i < layerSizes.length; i++) {
            b.dense(layerSizes[i], activations.get(i - 1));
        }
        return b.build();
    }

    /** The backend every layer computes on. */
    public Backend backend() {
        return backend;
    }

    /** The dtype of every parameter and buffer. */
    public DType dtype() {
        return dtype;
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** The number of input features. */
    public int inputSize() {
        return layers.get(0).inputSize();
    }

    /** The number of outputs. */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** The number of scalar parameters of every layer (weights, biases and learnable activation values). */
    public long parameterCount() {
        return layers.stream().mapToLong(Layer::parameterCount).sum();
    }

    /** The standardization the array methods apply to raw features first, if the model has one. */
    public Optional<Standardization> standardization() {
        return Optional.ofNullable(standardization);
    }

    /**
     * This model with {@code standardization} applied by the array methods (for example the one fitted on
     * the training data); the layers and their parameters are shared, not copied.
     *
     * @param standardization {@code null} for none
     * @throws IllegalArgumentException if its size is not {@link #inputSize()}
     */
    public Mlp withStandardization(Standardization standardization) {
        if (standardization != null && standardization.size() != inputSize()) {
            throw new IllegalArgumentException("standardization: expected " + inputSize()
                    + " features (the model's inputs), got " + standardization.size());
        }
        return new Mlp(backend, dtype, layers, standardization, classNames);
    }

    /** The names of the classes a classifier's outputs stand for, in output order, if the model has them. */
    public Optional<List<String>> classNames() {
        return Optional.ofNullable(classNames);
    }

    /**
     * This model with the names of its classes (a trained classifier gets its data set's); the layers are
     * shared, not copied.
     *
     * @param names {@code null} for none; else one per output, or two for a single-output binary classifier
     * @throws IllegalArgumentException if the count fits neither
     */
    public Mlp withClassNames(List<String> names) {
        if (names != null && names.size() != outputSize() && !(outputSize() == 1 && names.size() == 2)) {
            throw new IllegalArgumentException("classNames: expected " + outputSize() + " names (one per output)"
                    + (outputSize() == 1 ? " or 2 (a binary classifier)" : "") + ", got " + names.size());
        }
        return new Mlp(backend, dtype, layers, standardization, names);
    }

    /**
     * Every learnable parameter as a flat list in a stable order, layer by layer and, within a layer, in the
     * order of {@link Layer#parameters()}: {@code layers.0.weight}, {@code layers.0.bias}, then
     * {@code layers.1.*}, ... (a PReLU layer adds {@code layers.i.alpha}). The tensors are the model's own,
     * live; change them only on a model no one else uses (a {@link #copy()}).
     */
    public List<Parameter> parameters() {
        List<Parameter> params = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (var e : layers.get(i).parameters().entrySet()) {
                params.add(new Parameter(Parameter.nameOf(i, e.getKey()), e.getValue()));
            }
        }
        return List.copyOf(params);
    }

    /**
     * A model equal to this one with its own copies of every parameter, on the same backend and dtype
     * (<b>experimental</b>): what a trainer updates while this one keeps serving.
     *
     * @throws UnsupportedOperationException if a layer cannot be copied
     */
    public Mlp copy() {
        List<Layer> copies = new ArrayList<>();
        for (Layer layer : layers) {
            copies.add(layer.copy());
        }
        return new Mlp(backend, dtype, copies, standardization, classNames);
    }

    /**
     * New buffers for training steps of {@code batchSize} rows (<b>experimental</b>).
     *
     * @throws IllegalArgumentException if {@code batchSize} is negative
     */
    public TrainingWorkspace trainingWorkspace(int batchSize) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize: expected >= 0, got " + batchSize);
        }
        return new TrainingWorkspace(this, batchSize);
    }

    /**
     * Backpropagates {@code workspace.outputGradient()} ({@code dL/d output}) through every layer, after
     * {@link #forward(Workspace)} on {@code workspace.forward()}, adding each parameter's gradient to
     * {@code workspace.gradient(i)} (<b>experimental</b>). Allocates nothing for the built-in layers and
     * non-parametric activations. The output gradient and the per-layer buffers are used as scratch.
     *
     * @throws IllegalArgumentException if the workspace belongs to another model
     * @throws UnsupportedOperationException if a layer cannot be trained
     */
    public void backward(TrainingWorkspace workspace) {
        if (workspace.owner() != this) {
            throw new IllegalArgumentException("workspace: expected one made by this model's "
                    + "trainingWorkspace(int), got one of another model");
        }
        Workspace fw = workspace.forward();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Tensor input = i == 0 ? fw.input() : fw.output(i - 1);
            Tensor gradInput = i == 0 ? null : workspace.outputGradient(i - 1);
            layers.get(i).backward(input, fw.preActivation(i), fw.output(i), workspace.outputGradient(i), gradInput,
                    workspace.layerGradients(i));
        }
    }

    /**
     * New buffers for passes of {@code batchSize} rows.
     *
     * @throws IllegalArgumentException if {@code batchSize} is negative
     */
    public Workspace workspace(int batchSize) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize: expected >= 0, got " + batchSize);
        }
        return allocate(this, batchSize);
    }

    /** The buffers of a workspace of {@code owner} ({@code null} for this model's own per-thread one). */
    private Workspace allocate(Mlp owner, int batchSize) {
        List<Tensor> z = new ArrayList<>();
        List<Tensor> a = new ArrayList<>();
        for (Layer layer : layers) {
            z.add(backend.zeros(dtype, batchSize, layer.outputSize()));
            a.add(backend.zeros(dtype, batchSize, layer.outputSize()));
        }
        return new Workspace(owner, backend.zeros(dtype, batchSize, inputSize()), z, a);
    }

    /**
     * Runs a pass on {@code workspace.input()}; allocates nothing.
     *
     * @return {@code workspace.output()}
     * @throws IllegalArgumentException if the workspace belongs to another model
     */
    public Tensor forward(Workspace workspace) {
        return forward(workspace.input(), workspace);
    }

    /**
     * Runs a pass on {@code input} with the workspace's buffers; allocates nothing.
     *
     * @param input {@code (workspace.batchSize(), inputSize())}, of this model's backend and dtype
     * @return {@code workspace.output()}
     * @throws ShapeMismatchException naming the first layer, if the input's shape is wrong
     */
    public Tensor forward(Tensor input, Workspace workspace) {
        if (workspace.owner() != this) {
            throw new IllegalArgumentException("workspace: expected one made by this model's workspace(int), "
                    + "got one of another model");
        }
        return pass(input, workspace);
    }

    private Tensor pass(Tensor input, Workspace workspace) {
        if (input.rows() != workspace.batchSize()) {
            throw new ShapeMismatchException("input: expected " + workspace.batchSize()
                    + " rows (the workspace's batch size), got shape " + input.shape());
        }
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(x, workspace.preActivation(i), workspace.output(i));
            x = workspace.output(i);
        }
        return x;
    }

    /**
     * Runs a pass on a batch tensor and returns a new output tensor {@code (batch, outputs)}.
     *
     * @throws ShapeMismatchException naming the first layer, if the input's width is wrong
     */
    public Tensor forward(Tensor input) {
        requireWidth(input.cols(), input.rows());
        return forward(input, workspace(input.rows()));
    }

    /**
     * The output for one sample.
     *
     * @param x {@code inputSize()} values; not modified
     * @return a new array of {@code outputSize()} values
     * @throws ShapeMismatchException naming the first layer, if {@code x} has the wrong length
     */
    public double[] predict(double[] x) {
        double[] out = new double[outputSize()];
        predict(x, out);
        return out;
    }

    /**
     * The output for one sample, written into {@code out}; allocates nothing in steady state (one
     * workspace per thread, made on the thread's first call).
     *
     * @param out modified; at least {@code outputSize()} long
     * @throws IllegalArgumentException if {@code out} is shorter
     */
    public void predict(double[] x, double[] out) {
        requireWidth(x.length, 1);
        if (out.length < outputSize()) {
            throw new IllegalArgumentException("out: expected at least " + outputSize()
                    + " values (the model's outputs), got " + out.length);
        }
        Workspace ws = singleSample.get();
        if (standardization == null) {
            ws.input().assign(x);
        } else {
            double[] standardized = singleSampleInput.get();
            standardization.apply(x, standardized);
            ws.input().assign(standardized);
        }
        pass(ws.input(), ws).copyTo(out);
    }

    /**
     * The outputs for a batch, one row per sample.
     *
     * @param batch rows of {@code inputSize()} values; not modified
     * @return a new {@code (batch, outputSize())} array
     */
    public double[][] predict(double[][] batch) {
        return run(batch).toDoubleArray();
    }

    /** As {@link #predict(double[][])} in float: for float32 models no value passes through double storage. */
    public float[][] predict(float[][] batch) {
        Workspace ws = workspace(batch.length);
        float[] flat = new float[batch.length * inputSize()];
        for (int r = 0; r < batch.length; r++) {
            requireRow(r, batch[r].length, batch.length);
            System.arraycopy(batch[r], 0, flat, r * inputSize(), inputSize());
        }
        if (standardization == null) {
            ws.input().assign(flat);
        } else {
            double[] wide = new double[flat.length];
            for (int i = 0; i < flat.length; i++) {
                wide[i] = flat[i];
            }
            standardization.applyToRows(wide);
            ws.input().assign(wide);
        }
        return forward(ws).toFloatArray();
    }

    /**
     * Every layer's {@code z} and {@code a} for a batch, as the tutorial's step-by-step trace.
     *
     * @param batch rows of {@code inputSize()} values; not modified
     */
    public ForwardTrace trace(double[][] batch) {
        Workspace ws = workspace(batch.length);
        ws.input().assign(flatten(batch));
        forward(ws);
        List<ForwardTrace.Step> steps = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            steps.add(new ForwardTrace.Step(i + 1, layer.toString(), layer.activation().spec(),
                    ws.preActivation(i).toDoubleArray(), ws.output(i).toDoubleArray()));
        }
        double[][] input = new double[batch.length][];
        for (int r = 0; r < batch.length; r++) {
            input[r] = batch[r].clone();
        }
        return new ForwardTrace(input, steps);
    }

    /** {@link #trace(double[][])} for one sample. */
    public ForwardTrace trace(double[] x) {
        return trace(new double[][] {x});
    }

    /**
     * A table of the layers: number, type, in → out, activation, parameters, and the total, as the
     * tutorial's {@code summary()}.
     */
    public String summary() {
        String rule = "=".repeat(64);
        StringBuilder sb = new StringBuilder();
        sb.append(rule).append('\n')
                .append(String.format("MLP summary (backend %s, %s)%n", backend.name(), dtype))
                .append(rule).append('\n')
                .append(String.format("%-6s %-8s %-14s %-24s %8s%n", "Layer", "Type", "In -> Out", "Activation",
                        "Params"))
                .append("-".repeat(64)).append('\n');
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            sb.append(String.format("%-6d %-8s %-14s %-24s %8d%n", i + 1, l.kind(),
                    l.inputSize() + " -> " + l.outputSize(), l.activation().spec(), l.parameterCount()));
        }
        sb.append("-".repeat(64)).append('\n')
                .append(String.format("Total parameters: %d%n", parameterCount()))
                .append(rule).append('\n');
        return sb.toString();
    }

    /** For example {@code Mlp[2 -> 4 (relu) -> 1 (sigmoid)] on ejml float64}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Mlp[").append(inputSize());
        for (Layer l : layers) {
            sb.append(" -> ").append(l.outputSize()).append(" (").append(l.activation().spec()).append(')');
        }
        return sb.append("] on ").append(backend.name()).append(' ').append(dtype).toString();
    }

    private Tensor run(double[][] batch) {
        Workspace ws = workspace(batch.length);
        ws.input().assign(flatten(batch));
        return forward(ws);
    }

    private double[] flatten(double[][] batch) {
        int n = inputSize();
        double[] flat = new double[batch.length * n];
        for (int r = 0; r < batch.length; r++) {
            requireRow(r, batch[r].length, batch.length);
            System.arraycopy(batch[r], 0, flat, r * n, n);
        }
        if (standardization != null) {
            standardization.applyToRows(flat);
        }
        return flat;
    }

    private void requireRow(int r, int width, int rows) {
        if (width != inputSize()) {
            throw new ShapeMismatchException(layers.get(0) + ": input: expected shape (" + rows + ", "
                    + inputSize() + "), got (" + rows + ", " + width + "): row " + r + " has length " + width
                    + ", expected " + inputSize());
        }
    }

    private void requireWidth(int width, int rows) {
        if (width != inputSize()) {
            throw new ShapeMismatchException(layers.get(0) + ": input: expected shape (" + rows + ", "
                    + inputSize() + "), got (" + rows + ", " + width + ")");
        }
    }
}
