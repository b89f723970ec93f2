package org.neurite.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.core.Standardization;
import org.neurite.io.safetensors.ModelFormatException;

/**
 * What a Neurite model file says about its model besides the weights: the format version, the input size,
 * every layer's kind, size and activation spec, the dtype it was saved in, the standardization fitted in
 * training and the class names. Stored as JSON under the {@value ModelFiles#METADATA_KEY} key of the
 * safetensors {@code __metadata__}, for example:
 *
 * <pre>{@code
 * {"format_version":1,"inputs":64,"dtype":"float32",
 *  "layers":[{"kind":"dense","units":128,"activation":"relu"},{"kind":"dense","units":10,"activation":"linear"}],
 *  "standardization":{"mean":[...],"scale":[...]},"classes":["0","1",...]}
 * }</pre>
 *
 * <p>{@link #parse} treats the text as hostile: every field is checked for its type and range, unknown
 * fields are errors, and nothing is allocated beyond what the text itself holds.
 *
 * @param version the format version, {@value ModelFiles#FORMAT_VERSION}
 * @param inputs the number of input features
 * @param dtype the dtype the weights were saved in
 * @param layers the layers, in order
 * @param standardization the standardization the model applies to raw features, or {@code null}
 * @param classNames the classes its outputs stand for, or {@code null}
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record ModelDescription(int version, int inputs, DType dtype, List<Layer> layers,
                               Standardization standardization, List<String> classNames) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * One layer.
     *
     * @param kind {@code dense}
     * @param units the number of outputs
     * @param activation the activation's spec, for example {@code leaky_relu(alpha=0.1)}
     */
    public record Layer(String kind, int units, String activation) {
    }

    /** Copies the lists. */
    public ModelDescription {
        layers = List.copyOf(layers);
        classNames = classNames == null ? null : List.copyOf(classNames);
    }

    /** The number of outputs, the last layer's units. */
    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    /** The standardization, if any. */
    public Optional<Standardization> standardizationIfAny() {
        return Optional.ofNullable(standardization);
    }

    /** The JSON text. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", version);
        root.put("inputs", inputs);
        root.put("dtype", dtype.name().toLowerCase(Locale.ROOT));
        ArrayNode array = root.putArray("layers");
        for (Layer l : layers) {
            array.addObject().put("kind", l.kind()).put("units", l.units()).put("activation", l.activation());
        }
        if (standardization != null) {
            ObjectNode s = root.putObject("standardization");
            ArrayNode mean = s.putArray("mean");
            ArrayNode scale = s.putArray("scale");
            for (double v : standardization.mean()) {
                mean.add(v);
            }
            for (double v : standardization.scale()) {
                scale.add(v);
            }
        }
        if (classNames != null) {
            ArrayNode classes = root.putArray("classes");
            classNames.forEach(classes::add);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model description could not be written as JSON", e);
        }
    }

    /**
     * Parses and checks a description (its own fields only; {@link ModelFiles} checks it against the
     * tensors).
     *
     * @throws ModelFormatException naming {@code file} and the rule broken
     */
    public static ModelDescription parse(String file, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw bad(file, "description-not-json", "the model description as JSON", e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "description-not-object", "a JSON object", root == null ? "nothing" : root.getNodeType()
                    .toString().toLowerCase(Locale.ROOT));
        }
        requireOnly(file, root, "description", List.of("format_version", "inputs", "dtype", "layers",
                "standardization", "classes"));
        int version = integer(file, root, "format_version", 1, Integer.MAX_VALUE);
        if (version != ModelFiles.FORMAT_VERSION) {
            throw bad(file, "format-version", "format_version " + ModelFiles.FORMAT_VERSION
                    + " (the one this Neurite reads; a newer file needs a newer Neurite)", String.valueOf(version));
        }
        int inputs = integer(file, root, "inputs", 1, Integer.MAX_VALUE);
        DType dtype = dtype(file, text(file, root, "dtype"));
        JsonNode layerNodes = root.get("layers");
        if (layerNodes == null || !layerNodes.isArray() || layerNodes.isEmpty()) {
            throw bad(file, "description-layers", "'layers' a non-empty array", shown(layerNodes));
        }
        List<Layer> layers = new ArrayList<>();
        for (JsonNode node : layerNodes) {
            String where = "layers[" + layers.size() + "]";
            if (!node.isObject()) {
                throw bad(file, "description-layers", where + " an object", shown(node));
            }
            requireOnly(file, node, where, List.of("kind", "units", "activation"));
            String kind = text(file, node, "kind");
            if (!kind.equals("dense")) {
                throw bad(file, "layer-kind", where + ".kind 'dense'", "'" + kind + "'");
            }
            layers.add(new Layer(kind, integer(file, node, "units", 1, Integer.MAX_VALUE),
                    text(file, node, "activation")));
        }
        Standardization standardization = standardization(file, root.get("standardization"), inputs);
        List<String> classes = classes(file, root.get("classes"), layers.get(layers.size() - 1).units());
        return new ModelDescription(version, inputs, dtype, layers, standardization, classes);
    }

    private static Standardization standardization(String file, JsonNode node, int inputs) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw bad(file, "standardization", "an object {mean, scale}", shown(node));
        }
        requireOnly(file, node, "standardization", List.of("mean", "scale"));
        double[] mean = numbers(file, node.get("mean"), "standardization.mean", inputs);
        double[] scale = numbers(file, node.get("scale"), "standardization.scale", inputs);
        try {
            return Standardization.of(mean, scale);
        } catch (IllegalArgumentException e) {
            throw bad(file, "standardization", "finite means and scales > 0", e.getMessage());
        }
    }

    private static List<String> classes(String file, JsonNode node, int outputs) {
        if (node == null || node.isNull()) {
            return null;
        }
        int expected = outputs == 1 ? 2 : outputs;
        if (!node.isArray() || node.size() != expected) {
            throw bad(file, "classes", "'classes' an array of " + expected + " names (one per output"
                    + (outputs == 1 ? ", two for a single output" : "") + ")", shown(node));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw bad(file, "classes", "class names as strings", shown(n));
            }
            names.add(n.asText());
        }
        return names;
    }

    private static double[] numbers(String file, JsonNode node, String where, int length) {
        if (node == null || !node.isArray() || node.size() != length) {
            throw bad(file, "standardization", where + " an array of " + length + " numbers (one per input)",
                    shown(node));
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            JsonNode n = node.get(i);
            if (!n.isNumber()) {
                throw bad(file, "standardization", where + "[" + i + "] a number", shown(n));
            }
            values[i] = n.asDouble();
        }
        return values;
    }

    private static DType dtype(String file, String text) {
        return switch (text) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw bad(file, "description-dtype", "'dtype' float32 or float64", "'" + text + "'");
        };
    }

    private static int integer(String file, JsonNode parent, String field, int min, int max) {
        JsonNode n = parent.get(field);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
            throw bad(file, "description-field", "'" + field + "' an integer from " + min + " to " + max, shown(n));
        }
        return n.asInt();
    }

    private static String text(String file, JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw bad(file, "description-field", "'" + field + "' a string", shown(n));
        }
        return n.asText();
    }

    private static void requireOnly(String file, JsonNode node, String where, List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw bad(file, "description-field", where + " fields among " + known, "'" + name + "'");
            }
        }
    }

    private static String shown(JsonNode n) {
        if (n == null) {
            return "none";
        }
        String text = n.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static ModelFormatException bad(String file, String rule, String expected, String got) {
        return new ModelFormatException(file, null, rule, expected, got);
    }
}
