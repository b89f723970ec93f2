package org.neurite.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.train.Checkpoint;
import org.neurite.core.train.EpochMetrics;
import org.neurite.core.train.History;
import org.neurite.io.safetensors.ModelFormatException;
import org.neurite.io.safetensors.SafetensorsDType;
import org.neurite.io.safetensors.SafetensorsFile;
import org.neurite.io.safetensors.SafetensorsWriter;
import org.neurite.io.safetensors.TensorInfo;

/**
 * Training checkpoints as files, so that a run resumes after the JVM stops ({@code Trainer.resume}): a
 * checkpoint file is a model file ({@link ModelFiles}) of the checkpoint's model plus, as F64 tensors, the
 * optimizer's float64 master weights ({@code checkpoint.weights.<parameter>}), its state
 * ({@code checkpoint.optimizer.<entry>}, for example {@code checkpoint.optimizer.0.exp_avg}) and, with early
 * stopping's {@code restoreBest}, the best weights ({@code checkpoint.best.<parameter>}); the run's seed,
 * epoch and history are JSON under the {@value #METADATA_KEY} key of {@code __metadata__}. Every number
 * round-trips exactly, so a run resumed from a file gives the same weights as one that never stopped.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder()...checkpoints(c -> CheckpointFiles.saveUnchecked(c, path)).build();
 * TrainingResult r = trainer.resume(CheckpointFiles.load(path), data);
 * }</pre>
 *
 * <p>Loading checks the file as {@link ModelFiles#load} does, and the checkpoint's own entries: every tensor
 * present with its shape, no other tensor, the JSON's fields typed and in range.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class CheckpointFiles {

    /** The {@code __metadata__} key of the checkpoint's JSON. */
    public static final String METADATA_KEY = "neurite_checkpoint";

    private static final String WEIGHTS = "checkpoint.weights.";
    private static final String OPTIMIZER = "checkpoint.optimizer.";
    private static final String BEST = "checkpoint.best.";
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private CheckpointFiles() {
    }

    /**
     * Saves a checkpoint (replacing {@code file} atomically, so a crash leaves the previous checkpoint).
     *
     * @throws IOException if the file cannot be written
     */
    public static void save(Checkpoint checkpoint, Path file) throws IOException {
        Mlp model = checkpoint.model();
        SafetensorsWriter.Builder w = ModelFiles.writer(model);
        List<Parameter> params = model.parameters();
        List<double[]> weights = checkpoint.weights();
        List<double[]> best = checkpoint.bestWeights();
        for (int i = 0; i < params.size(); i++) {
            w.tensor(WEIGHTS + params.get(i).name(), SafetensorsDType.F64, vector(weights.get(i)), weights.get(i));
            if (!best.isEmpty()) {
                w.tensor(BEST + params.get(i).name(), SafetensorsDType.F64, vector(best.get(i)), best.get(i));
            }
        }
        checkpoint.optimizerState().forEach((key, values) ->
                w.tensor(OPTIMIZER + key, SafetensorsDType.F64, vector(values), values));
        w.metadata(METADATA_KEY, json(checkpoint));
        w.write(file);
    }

    /** {@link #save}, with an {@link IOException} rethrown unchecked: for {@code Trainer.Builder.checkpoints}. */
    public static void saveUnchecked(Checkpoint checkpoint, Path file) {
        try {
            save(checkpoint, file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("checkpoint: cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a checkpoint on the default backend, with the discovered activations. */
    public static Checkpoint load(Path file) throws IOException {
        return load(file, null, Activations.discover());
    }

    /**
     * Loads a checkpoint; its model on {@code backend} ({@code null}: the default) in the dtype it was saved in.
     *
     * @throws ModelFormatException if the file is not a valid checkpoint, naming the rule broken
     */
    public static Checkpoint load(Path file, Backend backend, Activations activations) throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            String text = st.metadata().get(METADATA_KEY);
            if (text == null) {
                throw bad(st, "no-checkpoint", "a '" + METADATA_KEY + "' entry in __metadata__ (a checkpoint file)",
                        "metadata keys " + st.metadata().keySet());
            }
            JsonNode root = parse(st, text);
            List<String> keys = strings(st, root.get("optimizer"), "optimizer");
            boolean hasBest = bool(st, root, "best");
            Map<String, long[]> others = new LinkedHashMap<>();
            ModelDescription d = ModelFiles.description(st);
            for (Map.Entry<String, long[]> e : ModelFiles.expectedTensors(st.source(), d, activations).entrySet()) {
                long[] size = {product(e.getValue())};
                others.put(WEIGHTS + e.getKey(), size);
                if (hasBest) {
                    others.put(BEST + e.getKey(), size);
                }
            }
            for (String key : keys) {
                TensorInfo t = st.find(OPTIMIZER + key).orElseThrow(() -> new ModelFormatException(st.source(),
                        OPTIMIZER + key, "missing-tensor", "the optimizer state entry the checkpoint lists", "none"));
                if (t.rank() != 1) {
                    throw new ModelFormatException(st.source(), t.name(), "tensor-shape", "a vector", t.toString());
                }
                others.put(t.name(), t.shape());
            }
            Mlp model = ModelFiles.load(st, d, backend, null, activations, others);
            List<double[]> weights = new ArrayList<>();
            List<double[]> best = new ArrayList<>();
            for (Parameter p : model.parameters()) {
                weights.add(read(st, WEIGHTS + p.name()));
                if (hasBest) {
                    best.add(read(st, BEST + p.name()));
                }
            }
            Map<String, double[]> state = new LinkedHashMap<>();
            for (String key : keys) {
                state.put(key, read(st, OPTIMIZER + key));
            }
            History history = history(st, root);
            try {
                return new Checkpoint(model, weights, integer(st, root, "epoch"), longValue(st, root, "seed"), state,
                        history, best);
            } catch (IllegalArgumentException e) {
                throw bad(st, "checkpoint-epoch", "an epoch equal to the history's length", e.getMessage());
            }
        }
    }

    private static String json(Checkpoint c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("epoch", c.epoch());
        root.put("seed", c.seed());
        root.put("best", !c.bestWeights().isEmpty());
        root.put("best_epoch", c.history().bestEpoch());
        root.put("stopped_early", c.history().stoppedEarly());
        ArrayNode keys = root.putArray("optimizer");
        c.optimizerState().keySet().forEach(keys::add);
        ArrayNode epochs = root.putArray("history");
        for (EpochMetrics m : c.history().epochs()) {
            ArrayNode row = epochs.addArray();
            row.add(m.epoch());
            for (double v : new double[] {m.trainLoss(), m.trainAccuracy(), m.validationLoss(), m.validationAccuracy(),
                m.validationMse(), m.validationMae(), m.learningRate()}) {
                if (Double.isNaN(v)) {
                    row.addNull(); // JSON has no NaN: a metric that does not apply
                } else {
                    row.add(v);
                }
            }
            row.add(m.millis());
        }
        return root.toString();
    }

    private static History history(SafetensorsFile st, JsonNode root) {
        JsonNode epochs = root.get("history");
        if (epochs == null || !epochs.isArray() || epochs.isEmpty()) {
            throw bad(st, "checkpoint-field", "'history' a non-empty array", String.valueOf(epochs));
        }
        List<EpochMetrics> list = new ArrayList<>();
        for (JsonNode row : epochs) {
            if (!row.isArray() || row.size() != 9 || !row.get(0).canConvertToInt() || !row.get(8).canConvertToLong()) {
                throw bad(st, "checkpoint-field", "history rows [epoch, 7 metrics or null, millis]", row.toString());
            }
            double[] v = new double[7];
            for (int k = 0; k < 7; k++) {
                JsonNode n = row.get(k + 1);
                if (!n.isNull() && !n.isNumber()) {
                    throw bad(st, "checkpoint-field", "a metric as a number or null", n.toString());
                }
                v[k] = n.isNull() ? Double.NaN : n.asDouble();
            }
            list.add(new EpochMetrics(row.get(0).asInt(), v[0], v[1], v[2], v[3], v[4], v[5], v[6], row.get(8).asLong()));
        }
        return new History(list, integer(st, root, "best_epoch"), bool(st, root, "stopped_early"));
    }

    private static JsonNode parse(SafetensorsFile st, String text) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw bad(st, "checkpoint-not-object", "a JSON object", String.valueOf(root));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw bad(st, "checkpoint-not-json", "the checkpoint as JSON", e.getOriginalMessage());
        }
    }

    private static List<String> strings(SafetensorsFile st, JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw bad(st, "checkpoint-field", "'" + field + "' an array of strings", String.valueOf(node));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw bad(st, "checkpoint-field", "'" + field + "' entries as strings", n.toString());
            }
            out.add(n.asText());
        }
        return out;
    }

    private static boolean bool(SafetensorsFile st, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isBoolean()) {
            throw bad(st, "checkpoint-field", "'" + field + "' true or false", String.valueOf(n));
        }
        return n.asBoolean();
    }

    private static int integer(SafetensorsFile st, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
            throw bad(st, "checkpoint-field", "'" + field + "' an integer >= 0", String.valueOf(n));
        }
        return n.asInt();
    }

    private static long longValue(SafetensorsFile st, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw bad(st, "checkpoint-field", "'" + field + "' a 64-bit integer", String.valueOf(n));
        }
        return n.asLong();
    }

    private static double[] read(SafetensorsFile st, String name) {
        double[] values = new double[(int) st.tensor(name).elements()];
        st.read(name, values, 0);
        return values;
    }

    private static long[] vector(double[] values) {
        return new long[] {values.length};
    }

    private static long product(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private static ModelFormatException bad(SafetensorsFile st, String rule, String expected, String got) {
        return new ModelFormatException(st.source(), null, rule, expected, got);
    }
}
