package org.neurite.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurite.api.Activation;
import org.neurite.api.Layer;
import org.neurite.api.ParametricActivation;
import org.neurite.core.DenseLayer;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.Parameter;
import org.neurite.io.safetensors.SafetensorsFile;
import org.neurite.io.safetensors.SafetensorsWriter;

/**
 * PyTorch {@code nn.Sequential} state_dicts in safetensors, both ways; {@link ModelFiles#importPytorch} and
 * {@link ModelFiles#exportPytorch} document the layout. The one rule of the names is {@link #stateDict}; the
 * shapes, dtypes and the check that the keys are exactly these are {@link ModelFiles}'.
 */
final class PytorchStateDicts {

    /** The {@code __metadata__} that torch's safetensors writer puts, and all that an export writes. */
    static final String FORMAT_KEY = "format";
    static final String FORMAT_VALUE = "pt";

    private PytorchStateDicts() {
    }

    static Mlp importPytorch(Path file, MlpBuilder architecture) throws IOException {
        Objects.requireNonNull(architecture, "architecture");
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            Mlp model = architecture.build(); // the caller's sizes: the file's header allocates nothing
            Map<String, Parameter> dict = stateDict(model);
            Map<String, long[]> expected = new LinkedHashMap<>();
            dict.forEach((key, p) -> expected.put(key, ModelFiles.fileShape(p.name(), p.tensor())));
            ModelFiles.requireExactly(st, expected, "architecture");
            dict.forEach((key, p) -> ModelFiles.read(st, key, p.tensor()));
            return model;
        }
    }

    static void exportPytorch(Mlp model, Path file) throws IOException {
        Objects.requireNonNull(model, "model");
        if (model.standardization().isPresent()) {
            throw new IllegalArgumentException("model: expected no standardization (an nn.Sequential of Linear "
                    + "and activations has no place for it), got one; export a model that takes standardized "
                    + "features, or fold the standardization into the first layer");
        }
        SafetensorsWriter.Builder writer = SafetensorsWriter.builder().metadata(FORMAT_KEY, FORMAT_VALUE);
        stateDict(model).forEach((key, p) -> ModelFiles.tensor(writer, key, p));
        writer.write(file);
    }

    /**
     * The state_dict keys of {@code model} as an {@code nn.Sequential}, in order, each with the parameter it
     * holds: per dense layer {@code k.weight}, {@code k.bias} (the {@code nn.Linear} at {@code k}), then,
     * unless the activation is {@code linear}, its module at {@code k + 1}, whose only parameter can be
     * PReLU's {@code weight} (Neurite's {@code alpha}).
     *
     * @throws IllegalArgumentException if a layer is not dense, or its activation has learnable parameters
     *         other than PReLU's
     */
    static Map<String, Parameter> stateDict(Mlp model) {
        Map<String, Parameter> dict = new LinkedHashMap<>();
        List<Layer> layers = model.layers();
        int k = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof DenseLayer dense)) {
                throw new IllegalArgumentException("layer " + (i + 1) + ": expected a dense layer (an nn.Linear), "
                        + "got " + layers.get(i).getClass().getName());
            }
            dict.put(k + ".weight", new Parameter(Parameter.nameOf(i, "weight"), dense.weight()));
            dict.put(k + ".bias", new Parameter(Parameter.nameOf(i, "bias"), dense.bias()));
            k++;
            Activation activation = dense.activation();
            if (activation.name().equals("linear")) {
                continue;
            }
            if (activation instanceof ParametricActivation p && !p.learnableParameters().isEmpty()) {
                if (!activation.name().equals("prelu")) {
                    throw new IllegalArgumentException("layer " + (i + 1) + ": expected an activation whose "
                            + "PyTorch module's parameters are known (prelu, or one without learnable ones), got "
                            + activation.spec());
                }
                String alpha = p.learnableParameters().get(0);
                dict.put(k + ".weight", new Parameter(Parameter.nameOf(i, alpha), dense.parameters().get(alpha)));
            }
            k++;
        }
        return dict;
    }
}
