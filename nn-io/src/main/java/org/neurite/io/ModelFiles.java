package org.neurite.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.ParametricActivation;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;
import org.neurite.api.UnknownActivationException;
import org.neurite.core.DenseLayer;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.Parameter;
import org.neurite.core.init.Initializers;
import org.neurite.io.safetensors.ModelFormatException;
import org.neurite.io.safetensors.SafetensorsDType;
import org.neurite.io.safetensors.SafetensorsFile;
import org.neurite.io.safetensors.SafetensorsWriter;
import org.neurite.io.safetensors.TensorInfo;

/**
 * Saves and loads whole models: one {@code .safetensors} file is one model, its tensors the parameters
 * under their {@link Mlp#parameters()} names ({@code layers.0.weight} {@code (out, in)},
 * {@code layers.0.bias} {@code (out)}, {@code layers.0.alpha} {@code (1)}, PyTorch's shapes), and its
 * {@code __metadata__} entry {@value #METADATA_KEY} the {@link ModelDescription} as JSON.
 *
 * <pre>{@code
 * ModelFiles.save(trained, Path.of("digits.safetensors"));
 * Mlp model = ModelFiles.load(Path.of("digits.safetensors"));     // default backend, the file's dtype
 * }</pre>
 *
 * <p>Saving writes a temporary file in the same folder, forces it to disk and renames it over the target,
 * so a failed or killed save leaves the previous file whole. Loading treats the file as hostile: the
 * safetensors layer checks the header and the offsets ({@link SafetensorsFile}), and this class checks the
 * description and that the tensors are exactly the parameters it describes, with their shapes; any
 * mismatch is a {@link ModelFormatException} naming the file, the tensor and the rule. A float32 model
 * saves F32 tensors and a float64 one F64, so a round trip is bit-identical; loading reads F16, BF16, F32
 * and F64 into a model of either dtype.
 *
 * <p>{@link #importPytorch} and {@link #exportPytorch} read and write a PyTorch {@code nn.Sequential}'s
 * state_dict instead: the same tensors under PyTorch's keys, and no description (the caller gives the
 * architecture).
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ModelFiles {

    /** The {@code __metadata__} key of the model description. */
    public static final String METADATA_KEY = "neurite";
    /** The description format this version writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** How many of a file's tensor names a missing-tensor message lists. */
    private static final int LISTED = 20;

    private ModelFiles() {
    }

    /**
     * Saves {@code model} to {@code file} (replacing it atomically).
     *
     * @throws IllegalArgumentException if a layer is not a dense layer (only those can be saved yet)
     * @throws IOException if the file cannot be written (the previous one is then intact)
     */
    public static void save(Mlp model, Path file) throws IOException {
        writer(model).write(file);
    }

    /** A writer holding {@code model}'s description and tensors, for {@link #save} and checkpoints to add to. */
    static SafetensorsWriter.Builder writer(Mlp model) {
        Objects.requireNonNull(model, "model");
        SafetensorsWriter.Builder writer = SafetensorsWriter.builder()
                .metadata(METADATA_KEY, describe(model).toJson());
        for (Parameter p : model.parameters()) {
            tensor(writer, p.name(), p);
        }
        return writer;
    }

    /** Loads the model on the default backend, in the dtype it was saved in. */
    public static Mlp load(Path file) throws IOException {
        return load(file, null, null, Activations.discover());
    }

    /** Loads the model on {@code backend} in {@code dtype} (either may be {@code null}: the default, the file's). */
    public static Mlp load(Path file, Backend backend, DType dtype) throws IOException {
        return load(file, backend, dtype, Activations.discover());
    }

    /**
     * Loads the model, looking its activations up in {@code activations} (for a user's own).
     *
     * @throws ModelFormatException if the file is not a valid Neurite model file, naming the rule broken
     * @throws IOException if it cannot be read
     */
    public static Mlp load(Path file, Backend backend, DType dtype, Activations activations) throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            return load(st, description(st), backend, dtype, activations, Map.of());
        }
    }

    /**
     * The model of an open file, described by {@code d} (its parsed description, so a caller that needs it
     * too parses it once), whose tensors are its parameters plus exactly {@code others} (name to file shape;
     * a checkpoint's), all checked before the model is built.
     */
    static Mlp load(SafetensorsFile st, ModelDescription d, Backend backend, DType dtype, Activations activations,
                    Map<String, long[]> others) {
        // Shapes first, against the tensors the file really holds: only then does building the model
        // allocate what the description claims.
        Map<String, long[]> expected = expectedTensors(st.source(), d, activations);
        expected.putAll(others);
        requireExactly(st, expected, "description");
        Mlp model = build(st.source(), d, backend, dtype == null ? d.dtype() : dtype, activations);
        for (Parameter p : model.parameters()) {
            read(st, p.name(), p.tensor());
        }
        return model.withStandardization(d.standardization()).withClassNames(d.classNames());
    }

    /**
     * The description of the model in {@code file}, checked against its tensors, without reading weights.
     *
     * @throws ModelFormatException if the file is not a valid Neurite model file
     */
    public static ModelDescription describe(Path file) throws IOException {
        return describe(file, Activations.discover());
    }

    /** As {@link #describe(Path)}, looking activations up in {@code activations}. */
    public static ModelDescription describe(Path file, Activations activations) throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            ModelDescription d = description(st);
            requireExactly(st, expectedTensors(st.source(), d, activations), "description");
            return d;
        }
    }

    /** The description of a model (what {@link #save} stores). */
    public static ModelDescription describe(Mlp model) {
        List<ModelDescription.Layer> layers = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            Layer layer = model.layers().get(i);
            if (!(layer instanceof DenseLayer)) {
                throw new IllegalArgumentException("model: layer " + (i + 1) + ": expected a dense layer (only those "
                        + "can be saved), got " + layer.getClass().getName());
            }
            layers.add(new ModelDescription.Layer("dense", layer.outputSize(), layer.activation().spec()));
        }
        return new ModelDescription(FORMAT_VERSION, model.inputSize(), model.dtype(), layers,
                model.standardization().orElse(null), model.classNames().orElse(null));
    }

    /**
     * Loads the weights of a PyTorch {@code nn.Sequential} of {@code nn.Linear} and activation modules from its
     * state_dict saved as safetensors ({@code safetensors.torch.save_file(model.state_dict(), file)}) into a
     * model of the caller's {@code architecture}: the file gives the weights only, the architecture everything
     * else (sizes, activations, backend, dtype).
     *
     * <p>The layout: walk the architecture's layers in order with a running {@code nn.Sequential} index
     * {@code k} from 0. A dense layer is the {@code nn.Linear} at {@code k}, tensors {@code k.weight}
     * {@code (out, in)} and {@code k.bias} {@code (out)}, and moves {@code k} on by one; its activation, unless
     * {@code linear}, is the module at {@code k} and moves {@code k} on by one more. {@code prelu} has one tensor,
     * {@code k.weight} of shape {@code (1)}, its alpha ({@code nn.PReLU()}, one shared value); every other
     * activation has none (a fixed parameter such as {@code leaky_relu(alpha=0.1)} is a constructor argument in
     * PyTorch, not a tensor, so it comes from the architecture). So {@code [64, 128 relu, 10 linear]} holds
     * {@code 0.weight, 0.bias, 2.weight, 2.bias}, and {@code [4, 8 tanh, 6 prelu, 3 linear]} holds
     * {@code 0.*, 2.*, 3.weight, 4.*}.
     *
     * <pre>{@code
     * Mlp model = ModelFiles.importPytorch(Path.of("model.safetensors"),
     *         Mlp.builder().input(4).dense(8, "tanh").dense(6, "prelu").dense(3, "linear"));
     * }</pre>
     *
     * <p>Tensors of F16, BF16, F32 and F64 load into the builder's dtype (F64 into float32 rounded to nearest).
     * The file must hold exactly these tensors: each mismatch is a {@link ModelFormatException} naming the file,
     * the tensor and the rule: {@code missing-tensor} (the key the architecture expects, and the file's keys),
     * {@code unexpected-tensor} (a key the architecture does not have, and the keys it does),
     * {@code tensor-shape} (the expected and the actual shape), {@code tensor-dtype} (not F16, BF16, F32 or F64).
     * {@code __metadata__} is not read. A missing layer shows as an unexpected tensor, an extra layer as a missing
     * one, a wrong width as a shape.
     *
     * @param architecture the model's builder, with its input size and layers; {@code build()} is called once
     * @throws ModelFormatException if the file is not valid safetensors or does not fit the architecture
     * @throws IllegalArgumentException if the architecture has a layer that is not dense, or an activation with
     *         learnable parameters other than {@code prelu}
     * @throws IOException if the file cannot be read
     */
    public static Mlp importPytorch(Path file, MlpBuilder architecture) throws IOException {
        return PytorchStateDicts.importPytorch(file, architecture);
    }

    /**
     * Saves {@code model}'s weights in the layout {@link #importPytorch} reads, which is the state_dict of the
     * same {@code nn.Sequential}: {@code model.load_state_dict(load_file(file))} (strict) takes it. F32 tensors
     * for a float32 model and F64 for float64 (torch copies them into the module's dtype: call
     * {@code model.double()} first to keep float64), and the {@code __metadata__} {@code {"format": "pt"}} that
     * torch's safetensors writer puts; nothing
     * Neurite-specific. The file is replaced atomically, as {@link #save} replaces it. Class names are not
     * written (a state_dict has no place for them).
     *
     * @throws IllegalArgumentException if a layer is not dense, an activation has learnable parameters other
     *         than {@code prelu}'s, or the model carries a standardization (an {@code nn.Sequential} of these
     *         modules could not apply it)
     * @throws IOException if the file cannot be written (the previous one is then intact)
     */
    public static void exportPytorch(Mlp model, Path file) throws IOException {
        PytorchStateDicts.exportPytorch(model, file);
    }

    /** The description of an open file (not yet checked against its tensors). */
    static ModelDescription description(SafetensorsFile st) {
        String json = st.metadata().get(METADATA_KEY);
        if (json == null) {
            throw new ModelFormatException(st.source(), null, "no-description", "a '" + METADATA_KEY
                    + "' entry in __metadata__ (a Neurite model file; for a PyTorch state_dict use importPytorch)",
                    "metadata keys " + st.metadata().keySet());
        }
        return ModelDescription.parse(st.source(), json);
    }

    private static Mlp build(String file, ModelDescription d, Backend backend, DType dtype, Activations registry) {
        MlpBuilder builder = Mlp.builder().backend(backend != null ? backend : Backends.get()).dtype(dtype)
                .activations(registry).input(d.inputs()).seed(0);
        for (int i = 0; i < d.layers().size(); i++) {
            ModelDescription.Layer l = d.layers().get(i);
            activation(file, i, l, registry); // the checked lookup, with the file's message
            builder.dense(l.units(), l.activation(), Initializers.zeros()); // zeroed tensors, then the file's values
        }
        return builder.build();
    }

    /**
     * The parameter names and file shapes a description implies, in order: per layer {@code weight}
     * {@code (units, previous)}, {@code bias} {@code (units)}, and {@code (1)} per learnable value of its
     * activation.
     */
    static Map<String, long[]> expectedTensors(String file, ModelDescription d, Activations registry) {
        Map<String, long[]> expected = new LinkedHashMap<>();
        int previous = d.inputs();
        for (int i = 0; i < d.layers().size(); i++) {
            ModelDescription.Layer l = d.layers().get(i);
            expected.put(Parameter.nameOf(i, "weight"), new long[] {l.units(), previous});
            expected.put(Parameter.nameOf(i, "bias"), new long[] {l.units()});
            if (activation(file, i, l, registry) instanceof ParametricActivation p) {
                for (String name : p.learnableParameters()) {
                    expected.put(Parameter.nameOf(i, name), new long[] {1});
                }
            }
            previous = l.units();
        }
        return expected;
    }

    private static Activation activation(String file, int layer, ModelDescription.Layer l, Activations registry) {
        try {
            return registry.get(l.activation());
        } catch (UnknownActivationException e) {
            throw new ModelFormatException(file, null, "unknown-activation", "layer " + (layer + 1)
                    + "'s activation among the registered ones (is the jar of its ActivationProvider missing "
                    + "from the class path?)", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, null, "bad-activation", "layer " + (layer + 1)
                    + "'s activation spec valid", e.getMessage());
        }
    }

    /**
     * Every expected tensor present with its shape and a floating-point dtype, and no other tensor.
     *
     * @param source what implies the expected tensors, for the messages: {@code description}, {@code architecture}
     */
    static void requireExactly(SafetensorsFile st, Map<String, long[]> expected, String source) {
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            TensorInfo t = st.find(e.getKey()).orElseThrow(() -> new ModelFormatException(st.source(), e.getKey(),
                    "missing-tensor", "the tensor the " + source + " implies", "none; the file has "
                    + names(st.tensors())));
            if (!t.dtype().isFloat() || t.dtype() == SafetensorsDType.F8_E4M3 || t.dtype() == SafetensorsDType.F8_E5M2) {
                throw new ModelFormatException(st.source(), t.name(), "tensor-dtype", "F16, BF16, F32 or F64",
                        t.dtype().name());
            }
            if (!java.util.Arrays.equals(t.shape(), e.getValue())) {
                throw new ModelFormatException(st.source(), t.name(), "tensor-shape",
                        java.util.Arrays.toString(e.getValue()), java.util.Arrays.toString(t.shape()));
            }
        }
        for (TensorInfo t : st.tensors()) {
            if (!expected.containsKey(t.name())) {
                throw new ModelFormatException(st.source(), t.name(), "unexpected-tensor",
                        "only the tensors the " + source + " implies " + expected.keySet(),
                        ModelFormatException.quote(t.name()));
            }
        }
    }

    /** The first {@value #LISTED} of the file's tensor names, quoted, and how many more there are. */
    private static String names(List<TensorInfo> tensors) {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < Math.min(LISTED, tensors.size()); i++) {
            list.add(ModelFormatException.quote(tensors.get(i).name()));
        }
        return list + (tensors.size() > LISTED ? " and " + (tensors.size() - LISTED) + " more" : "");
    }

    /** A bias is stored 1-D {@code (out)} and a learnable scalar {@code (1)}, as PyTorch stores them. */
    static long[] fileShape(String name, Tensor t) {
        if (t.rows() == 1 && !name.endsWith(".weight")) {
            return new long[] {t.cols()};
        }
        return new long[] {t.rows(), t.cols()};
    }

    /** Adds {@code p} to {@code writer} as {@code name}: F32 for a float32 model, F64 for float64, in its file shape. */
    static void tensor(SafetensorsWriter.Builder writer, String name, Parameter p) {
        long[] shape = fileShape(p.name(), p.tensor());
        if (p.tensor().dtype() == DType.FLOAT32) {
            float[] values = new float[(int) p.size()];
            p.tensor().copyTo(values);
            writer.tensor(name, SafetensorsDType.F32, shape, values);
        } else {
            double[] values = new double[(int) p.size()];
            p.tensor().copyTo(values);
            writer.tensor(name, SafetensorsDType.F64, shape, values);
        }
    }


    /** Elements read at a time: the only array a load needs besides the model's own tensors. */
    private static final int SLICE = 1 << 20;

    /**
     * Reads a tensor of the file into a parameter tensor slice by slice (through floats for float32 models),
     * so that loading needs the model's tensors and one slice, not a second copy of the weights.
     */
    static void read(SafetensorsFile st, String name, Tensor into) {
        long n = (long) into.rows() * into.cols();
        int slice = (int) Math.min(n, SLICE);
        if (into.dtype() == DType.FLOAT32) {
            float[] values = new float[slice];
            for (long from = 0; from < n; from += slice) {
                int count = (int) Math.min(slice, n - from);
                st.read(name, from, values, 0, count);
                into.assignRange(from, values, 0, count);
            }
        } else {
            double[] values = new double[slice];
            for (long from = 0; from < n; from += slice) {
                int count = (int) Math.min(slice, n - from);
                st.read(name, from, values, 0, count);
                into.assignRange(from, values, 0, count);
            }
        }
    }
}
