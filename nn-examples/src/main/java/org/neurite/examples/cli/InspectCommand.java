package org.neurite.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.neurite.api.Stability;
import org.neurite.core.Parameter;
import org.neurite.core.Standardization;
import org.neurite.io.ModelDescription;
import org.neurite.io.ModelFiles;
import org.neurite.io.safetensors.SafetensorsFile;
import org.neurite.io.safetensors.TensorInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neurite inspect FILE}: what a model file holds, without loading its weights: the architecture and
 * metadata of a Neurite model file (its description, checked against the tensors), the tensors, the
 * parameter count. A plain safetensors file (a PyTorch {@code state_dict}) shows its tensors and metadata.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = NeuriteCli.Version.class,
        description = {"Show what a model file (.safetensors) holds: the architecture, the tensors, the parameter "
                + "count and the metadata (dtype, standardization, class names, other entries)."})
public final class InspectCommand implements Callable<Integer> {

    /** How many standardization values the text shows. */
    private static final int SHOWN_VALUES = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A Neurite model file or any safetensors file.")
    private Path file;

    @Option(names = "--json", description = "Print one JSON object instead of the lines.")
    private boolean json;

    @Override
    public Integer call() {
        NeuriteCli.existing(spec, "FILE", file);
        try {
            List<TensorInfo> tensors;
            Map<String, String> metadata;
            try (SafetensorsFile st = SafetensorsFile.open(file)) {
                tensors = st.tensors();
                metadata = st.metadata();
            }
            ModelDescription d = metadata.containsKey(ModelFiles.METADATA_KEY)
                    ? ModelFiles.describe(file, NeuriteCli.activations()) : null;
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? NeuriteCli.json(json(d, tensors, metadata)) : text(d, tensors, metadata));
            out.flush();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + NeuriteCli.ioReason(e), e);
        }
    }

    private String text(ModelDescription d, List<TensorInfo> tensors, Map<String, String> metadata) {
        List<String> lines = new ArrayList<>();
        if (d == null) {
            lines.add(file.getFileName() + ": a safetensors file with no Neurite description (no '"
                    + ModelFiles.METADATA_KEY + "' entry in its metadata): tensors and metadata only");
        } else {
            lines.add(file.getFileName() + ": Neurite model, format " + d.version());
            lines.add("input: " + d.inputs() + " features");
            for (int i = 0; i < d.layers().size(); i++) {
                ModelDescription.Layer l = d.layers().get(i);
                lines.add("layer " + (i + 1) + ": " + l.kind() + ", " + l.units() + (l.units() == 1 ? " unit, " : " units, ")
                        + l.activation() + ", " + layerParameters(tensors, i) + " parameters");
            }
        }
        lines.add("tensors: " + tensors.size());
        int width = tensors.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        for (TensorInfo t : tensors) {
            lines.add(String.format("  %-" + width + "s  %-4s  %s", t.name(), t.dtype(), Arrays.toString(t.shape())));
        }
        lines.add("parameters: " + elements(tensors, ""));
        lines.add("metadata:");
        if (d != null) {
            lines.add("  dtype: " + d.dtype().label());
            Standardization s = d.standardization();
            lines.add("  standardization: " + (s == null ? "none" : "mean " + shown(s.mean()) + ", scale "
                    + shown(s.scale())));
            lines.add("  classes: " + (d.classNames() == null ? "none (a regressor)"
                    : d.classNames().size() + " (" + String.join(", ", d.classNames()) + ")"));
        }
        others(metadata, d).forEach((key, value) -> lines.add("  " + key + ": " + value));
        if (lines.get(lines.size() - 1).equals("metadata:")) {
            lines.add("  none");
        }
        return String.join(System.lineSeparator(), lines);
    }

    private ObjectNode json(ModelDescription d, List<TensorInfo> tensors, Map<String, String> metadata) {
        ObjectNode root = NeuriteCli.JSON.createObjectNode().put("file", file.toString()).put("neurite", d != null);
        if (d != null) {
            root.put("format_version", d.version()).put("inputs", d.inputs());
            ArrayNode layers = root.putArray("layers");
            for (int i = 0; i < d.layers().size(); i++) {
                ModelDescription.Layer l = d.layers().get(i);
                TrainReport.layer(layers, l.units(), l.activation(), layerParameters(tensors, i)).put("kind", l.kind());
            }
        }
        ArrayNode array = root.putArray("tensors");
        for (TensorInfo t : tensors) {
            ArrayNode shape = array.addObject().put("name", t.name()).put("dtype", t.dtype().name()).putArray("shape");
            Arrays.stream(t.shape()).forEach(shape::add);
        }
        root.put("parameters", elements(tensors, ""));
        ObjectNode meta = root.putObject("metadata");
        if (d != null) {
            meta.put("dtype", d.dtype().label());
            if (d.standardization() == null) {
                meta.putNull("standardization");
            } else {
                ObjectNode s = meta.putObject("standardization");
                Arrays.stream(d.standardization().mean()).forEach(s.putArray("mean")::add);
                Arrays.stream(d.standardization().scale()).forEach(s.putArray("scale")::add);
            }
            if (d.classNames() == null) {
                meta.putNull("classes");
            } else {
                d.classNames().forEach(meta.putArray("classes")::add);
            }
        }
        others(metadata, d).forEach(meta::put);
        return root;
    }

    /** The metadata entries besides the Neurite description (all of them for a plain file). */
    private static Map<String, String> others(Map<String, String> metadata, ModelDescription d) {
        return metadata.entrySet().stream().filter(e -> d == null || !e.getKey().equals(ModelFiles.METADATA_KEY))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** Layer {@code i}'s parameters: the elements of its tensors (the description was checked against them). */
    private static long layerParameters(List<TensorInfo> tensors, int layer) {
        return elements(tensors, Parameter.nameOf(layer, ""));
    }

    private static long elements(List<TensorInfo> tensors, String prefix) {
        return tensors.stream().filter(t -> t.name().startsWith(prefix)).mapToLong(TensorInfo::elements).sum();
    }

    /** The first values, for example {@code [5.8433, 3.0573, 3.7580, ...] (4 values)}. */
    private static String shown(double[] values) {
        String first = Arrays.stream(values).limit(SHOWN_VALUES).mapToObj(TrainReport::format)
                .collect(Collectors.joining(", "));
        return "[" + first + (values.length > SHOWN_VALUES ? ", ... (" + values.length + " values)" : "") + "]";
    }
}
