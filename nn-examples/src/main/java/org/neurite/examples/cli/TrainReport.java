package org.neurite.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurite.api.Layer;
import org.neurite.core.Mlp;
import org.neurite.core.train.EpochMetrics;
import org.neurite.core.train.Evaluation;
import org.neurite.core.train.History;

/**
 * What {@code neurite train} reports once training is over, as text lines or as one JSON object (written
 * with Jackson's tree model). Metrics that do not apply (NaN), or are not finite, are left out of both:
 * JSON has no NaN.
 *
 * @param data the data trained on
 * @param model the trained model
 * @param loss the loss's spec
 * @param optimizer the optimizer's spec
 * @param batch the batch size
 * @param maxEpochs the epochs asked for (fewer ran if early stopping ended the run)
 * @param seed the seed of the initial weights, the split and the shuffling
 * @param history every epoch's metrics
 * @param evaluation the trained model's scores on the validation part, or on the training data without one
 * @param seconds the training's wall time
 */
record TrainReport(TrainingData data, Mlp model, String loss, String optimizer, int batch, int maxEpochs,
                   long seed, History history, Evaluation evaluation, double seconds) {

    private static final ObjectMapper JSON = NeuriteCli.JSON;
    private static final List<String> EPOCH_METRICS =
            List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy", "val_mse", "val_mae");
    private static final List<String> EVALUATION_METRICS = List.of("loss", "accuracy", "mse", "mae");

    /** The line printed before training: the model, the backend and dtype, the data. */
    static String header(Mlp model, TrainingData data) {
        return "model " + NeuriteCli.layers(model) + ", " + model.parameterCount() + " parameters; backend "
                + model.backend().name() + ", " + model.dtype().label() + "; data " + data.describe();
    }

    /** An epoch's metrics that apply, by their output names, in order. */
    static Map<String, Double> metrics(EpochMetrics m) {
        return applicable(EPOCH_METRICS, m.trainLoss(), m.trainAccuracy(), m.validationLoss(),
                m.validationAccuracy(), m.validationMse(), m.validationMae());
    }

    /** An evaluation's metrics that apply, by their output names, in order. */
    static Map<String, Double> metrics(Evaluation e) {
        return applicable(EVALUATION_METRICS, e.loss(), e.accuracy(), e.mse(), e.mae());
    }

    /** {@code names[i] -> values[i]} for every finite value, in order. */
    private static Map<String, Double> applicable(List<String> names, double... values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                out.put(names.get(i), values[i]);
            }
        }
        return out;
    }

    /** A metric as the text lines show it. */
    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Which data the final metrics are on: {@code validation} or {@code train}. */
    String evaluatedOn() {
        return data.validation() != null ? "validation" : "train";
    }

    /** The lines after the epochs': the final metrics, the best epoch and the training time. */
    String text() {
        StringBuilder sb = new StringBuilder("final (").append(evaluatedOn()).append(", ")
                .append((data.validation() != null ? data.validation() : data.train()).size()).append(" rows):");
        metrics(evaluation).forEach((name, value) -> sb.append(' ').append(name).append('=').append(format(value)));
        sb.append(System.lineSeparator()).append("best epoch ").append(history.bestEpoch()).append(" of ")
                .append(history.epochs().size()).append(history.stoppedEarly() ? " (stopped early)" : "")
                .append(String.format(Locale.ROOT, "; trained in %.2f s", seconds)).append(System.lineSeparator());
        return sb.toString();
    }

    /** The whole report as one JSON object on one line. */
    String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("epochs", history.epochs().size());
        ArrayNode epochs = root.putArray("history");
        for (EpochMetrics m : history.epochs()) {
            ObjectNode e = epochs.addObject().put("epoch", m.epoch());
            metrics(m).forEach(e::put);
            e.put("learning_rate", m.learningRate());
        }
        root.put("best_epoch", history.bestEpoch());
        root.put("stopped_early", history.stoppedEarly());
        ObjectNode result = root.putObject("final").put("on", evaluatedOn());
        metrics(evaluation).forEach(result::put);
        root.put("inputs", model.inputSize());
        ArrayNode layers = root.putArray("layers");
        for (Layer layer : model.layers()) {
            layer(layers, layer.outputSize(), layer.activation().spec(), layer.parameterCount());
        }
        root.put("parameters", model.parameterCount());
        root.put("backend", model.backend().name());
        root.put("dtype", model.dtype().label());
        root.put("seed", seed);
        root.put("loss", loss);
        root.put("optimizer", optimizer);
        root.put("batch", batch);
        root.put("max_epochs", maxEpochs);
        root.set("data", dataJson());
        root.put("seconds", seconds);
        return NeuriteCli.json(root);
    }

    /** A layer as the JSON outputs show it: {@code {"units": 16, "activation": "relu", "parameters": 80}}. */
    static ObjectNode layer(ArrayNode layers, int units, String activation, long parameters) {
        return layers.addObject().put("units", units).put("activation", activation).put("parameters", parameters);
    }

    private ObjectNode dataJson() {
        ObjectNode d = JSON.createObjectNode().put("name", data.name()).put("rows", data.all().size())
                .put("train", data.train().size())
                .put("validation", data.validation() == null ? 0 : data.validation().size())
                .put("features", data.all().featureCount());
        return data.all().isClassification() ? d.put("classes", data.all().classCount())
                : d.put("targets", data.all().targetWidth());
    }
}
