package org.neurite.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurite.core.Standardization;
import org.neurite.core.data.Dataset;
import org.neurite.core.data.Split;
import org.neurite.io.BundledDatasets;
import org.neurite.io.CsvDatasets;
import picocli.CommandLine;

/**
 * The data {@code neurite train} trains on: a bundled set by name, or a CSV file with a header, split into
 * a training and a validation part and standardized on the training part only (or, training further from a
 * model file, with the model's standardization).
 *
 * @param name what the output calls it: the bundled name or the file name
 * @param all every row, as read
 * @param train the training rows, standardized
 * @param validation the validation rows, standardized like {@code train}; null without validation
 */
record TrainingData(String name, Dataset all, Dataset train, Dataset validation) {

    /** The label column of each bundled set. */
    private static final Map<String, String> BUNDLED_LABELS = Map.of("iris", "species", "digits", "digit");

    /**
     * Reads {@code data} and splits it.
     *
     * @param labels the label (or, for regression, target) columns; may be empty for a bundled set
     * @param validation the share of rows held out, in {@code [0, 1)}; 0 for none
     * @param fixed the standardization to apply, or {@code null} to fit one on the training part
     * @throws CommandLine.ParameterException (exit status 2) for an unknown name, a missing file, a missing or
     *     wrong {@code --label}, or a split that leaves a part empty
     * @throws org.neurite.io.DataFormatException if the file is not such a data set (exit status 1)
     */
    static TrainingData load(CommandLine cl, String data, List<String> labels, boolean regression,
            double validation, long seed, Standardization fixed) {
        String bundledLabel = BUNDLED_LABELS.get(data.toLowerCase(Locale.ROOT));
        Dataset all;
        String name;
        if (bundledLabel != null) {
            if (regression) {
                throw new CommandLine.ParameterException(cl, "--regression: the bundled data set '" + data
                        + "' is a classification set");
            }
            if (!labels.isEmpty() && !labels.equals(List.of(bundledLabel))) {
                throw new CommandLine.ParameterException(cl, "--label: expected '" + bundledLabel
                        + "' (the label column of the bundled data set " + data + "), got '"
                        + String.join(",", labels) + "'");
            }
            all = BundledDatasets.byName(data);
            name = data.toLowerCase(Locale.ROOT);
        } else {
            Path file = Path.of(data);
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(cl, "--data: expected a CSV file or a bundled data set ("
                        + String.join(", ", BundledDatasets.names()) + "), got '" + data + "': no such file");
            }
            all = read(cl, file, labels, regression);
            name = file.getFileName().toString();
        }
        if (validation == 0) {
            return new TrainingData(name, all, fixed == null ? all.standardized() : all.standardizedWith(fixed), null);
        }
        Split split;
        try {
            split = all.split(1 - validation, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--validation: " + e.getMessage(), e);
        }
        if (fixed == null) {
            split = split.standardized();
            return new TrainingData(name, all, split.train(), split.validation());
        }
        return new TrainingData(name, all, split.train().standardizedWith(fixed), split.validation().standardizedWith(fixed));
    }

    private static Dataset read(CommandLine cl, Path file, List<String> labels, boolean regression) {
        if (labels.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--label: expected the " + (regression ? "target" : "label")
                    + " column of " + file.getFileName() + " (required with a CSV file)");
        }
        if (regression) {
            return CsvDatasets.readRegression(file, labels.toArray(String[]::new));
        }
        if (labels.size() != 1) {
            throw new CommandLine.ParameterException(cl, "--label: expected one label column for classification, got "
                    + labels.size() + " (" + String.join(",", labels) + "); add --regression for several targets");
        }
        return CsvDatasets.readClassification(file, labels.get(0));
    }

    /** For example {@code iris: 150 rows (120 train, 30 validation), 4 features, 3 classes}. */
    String describe() {
        String kind = all.isClassification() ? all.classCount() + " classes"
                : all.targetWidth() + (all.targetWidth() == 1 ? " target" : " targets");
        String parts = validation == null ? "all for training, no validation"
                : train.size() + " train, " + validation.size() + " validation";
        return name + ": " + all.size() + " rows (" + parts + "), " + all.featureCount() + " features, " + kind;
    }
}
