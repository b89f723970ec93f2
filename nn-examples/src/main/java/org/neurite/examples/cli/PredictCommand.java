package org.neurite.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.Standardization;
import org.neurite.core.Workspace;
import org.neurite.io.CsvRows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code neurite predict}: runs a model file on every row of a CSV file, streaming, and writes one CSV row
 * of predictions per input row. Memory does not grow with the file: rows go through the model in batches,
 * with one workspace and one set of arrays reused for every batch.
 *
 * <p>The feature columns are every column but {@code id}, in order; their count must be the model's input
 * size (else exit status 2). The output has the input's {@code id} first when there is one, then for a
 * classifier (a model with class names) {@code label} and one {@code p_<class>} per class, for a regressor
 * {@code y} (or {@code y1..yk}). Ids and labels are written safe for spreadsheets (see {@link CsvCells}).
 */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = NeuriteCli.Version.class,
        sortOptions = false,
        description = {"Predict with a model file on every row of a CSV file with a header (the model's inputs: "
                + "every column but id), streaming; one output row per input row.",
                "Classifiers write label and p_<class> per class, regressors y (or y1..yk)."})
public final class PredictCommand implements Callable<Integer> {

    /** The column passed through to the output, not a feature. */
    static final String ID = "id";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A Neurite model file.")
    private Path modelFile;

    @Option(names = "--csv", required = true, paramLabel = "IN",
            description = "The rows to predict: a CSV file with a header.")
    private Path csv;

    @Option(names = "--out", paramLabel = "OUT", description = "The predictions' CSV file. Default: standard output.")
    private Path out;

    @Option(names = "--batch", paramLabel = "N", description = "Rows per forward pass. Default: ${DEFAULT-VALUE}.")
    private int batch = 1024;

    @CommandLine.Mixin
    private BackendOption backend;

    @Override
    public Integer call() throws IOException {
        if (batch < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch: expected a number >= 1, got " + batch);
        }
        NeuriteCli.existing(spec, "--csv", csv);
        if (out != null) {
            NeuriteCli.writableFile(spec, "--out", out);
        }
        Mlp model = NeuriteCli.loadModel(spec, "--model", modelFile, backend.select(), null);
        try (CsvRows rows = CsvRows.open(csv)) {
            int[] features = features(rows, model);
            PrintWriter w = out == null ? spec.commandLine().getOut()
                    : new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
            try {
                long count = predict(model, rows, features, w);
                w.flush();
                if (w.checkError()) {
                    throw new IOException("cannot write " + (out == null ? "the output" : out));
                }
                if (out != null) {
                    spec.commandLine().getErr().println("neurite predict: " + count + " rows predicted with model "
                            + NeuriteCli.layers(model) + " into " + out);
                }
            } finally {
                if (out != null) {
                    w.close();
                }
            }
        }
        return 0;
    }

    /** The feature columns: every column but {@code id}, as many as the model's inputs. */
    private int[] features(CsvRows rows, Mlp model) {
        List<String> names = new ArrayList<>(rows.header());
        names.remove(ID);
        if (names.size() != model.inputSize()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--csv: " + rows.source() + " has "
                    + names.size() + " feature columns (" + String.join(",", names) + "; every column but id), "
                    + "the model takes " + model.inputSize() + " inputs");
        }
        return names.stream().mapToInt(rows::column).toArray();
    }

    /** Streams every row through the model in batches; returns the number of rows. */
    private long predict(Mlp model, CsvRows rows, int[] features, PrintWriter w) {
        int n = model.inputSize();
        int k = model.outputSize();
        int id = rows.column(ID);
        Reading reading = new Reading(model);
        Workspace ws = model.workspace(batch);
        Standardization standardization = model.standardization().orElse(null);
        double[] x = new double[batch * n];
        double[] y = new double[batch * k];
        String[] ids = new String[batch];
        StringBuilder line = new StringBuilder();
        w.println((id >= 0 ? ID + "," : "") + String.join(",", reading.columns()));
        long count = 0;
        boolean more = true;
        while (more) {
            int filled = 0;
            while (filled < batch && (more = rows.next())) {
                for (int j = 0; j < n; j++) {
                    x[filled * n + j] = rows.number(features[j]);
                }
                ids[filled++] = id >= 0 ? rows.field(id) : null;
            }
            if (filled == 0) {
                break;
            }
            Arrays.fill(x, filled * n, x.length, 0.0);
            if (standardization != null) {
                standardization.applyToRows(x);
            }
            ws.input().assign(x);
            model.forward(ws).copyTo(y);
            for (int r = 0; r < filled; r++) {
                line.setLength(0);
                if (id >= 0) {
                    line.append(CsvCells.field(ids[r])).append(',');
                }
                reading.append(y, r * k, line);
                w.println(line);
            }
            count += filled;
        }
        return count;
    }

    /**
     * What a model's outputs mean. A classifier's probabilities: the softmax of logits (a linear last
     * layer), the outputs themselves otherwise (softmax); for one output, {@code p_<second class>} is the
     * sigmoid of a logit or the output itself (sigmoid), with the label at 0 or at 0.5.
     */
    static final class Reading {
        private final List<String> classes;
        private final boolean logits;
        private final boolean float32;
        private final int outputs;
        private final double[] p;

        Reading(Mlp model) {
            this.classes = model.classNames().orElse(null);
            this.logits = model.layers().get(model.layers().size() - 1).activation().name().equals("linear");
            this.float32 = model.dtype() == DType.FLOAT32;
            this.outputs = model.outputSize();
            this.p = new double[classes == null ? 0 : classes.size()];
        }

        /** The output columns: {@code label, p_<class>...}, or {@code y} or {@code y1..yk}. */
        List<String> columns() {
            List<String> names = new ArrayList<>();
            if (classes != null) {
                names.add("label");
                classes.forEach(c -> names.add(CsvCells.field("p_" + c)));
            } else {
                for (int j = 1; j <= outputs; j++) {
                    names.add(outputs == 1 ? "y" : "y" + j);
                }
            }
            return names;
        }

        /** Appends the columns of the outputs {@code y[at ... at + outputs)}. */
        void append(double[] y, int at, StringBuilder line) {
            if (classes == null) {
                for (int j = 0; j < outputs; j++) {
                    line.append(j == 0 ? "" : ",").append(float32 ? Float.toString((float) y[at + j])
                            : Double.toString(y[at + j]));
                }
                return;
            }
            int label;
            if (outputs == 1) {
                double v = y[at];
                p[1] = logits ? 1 / (1 + Math.exp(-v)) : v;
                p[0] = 1 - p[1];
                label = (logits ? v > 0 : v > 0.5) ? 1 : 0;
            } else {
                label = 0;
                for (int j = 1; j < outputs; j++) {
                    label = y[at + j] > y[at + label] ? j : label;
                }
                double sum = 0;
                for (int j = 0; j < outputs; j++) {
                    p[j] = logits ? Math.exp(y[at + j] - y[at + label]) : y[at + j];
                    sum += p[j];
                }
                for (int j = 0; logits && j < outputs; j++) {
                    p[j] /= sum;
                }
            }
            line.append(CsvCells.field(classes.get(label)));
            for (double v : p) {
                line.append(',').append(String.format(Locale.ROOT, "%.6f", v));
            }
        }
    }
}
