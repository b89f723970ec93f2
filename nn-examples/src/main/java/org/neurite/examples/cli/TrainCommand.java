package org.neurite.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Loss;
import org.neurite.api.Losses;
import org.neurite.api.NeuriteException;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.optim.GradientClipping;
import org.neurite.core.optim.OptimizerFactory;
import org.neurite.core.optim.Optimizers;
import org.neurite.core.optim.ScheduleFactory;
import org.neurite.core.optim.Schedules;
import org.neurite.core.train.Evaluation;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingResult;
import org.neurite.io.ModelFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code neurite train}: trains a multi-layer perceptron on a bundled data set or a CSV file and reports
 * every epoch's metrics and the held-out scores, as text or as one JSON object.
 *
 * <p>Bad arguments (an unknown option, data name, loss, optimizer, schedule, clipping or activation, a
 * missing file or {@code --label}, a number out of range) exit with status 2; a failure while running (a
 * bad CSV cell, a file that cannot be read, training that diverges) exits with 1. Both print one line on
 * standard error.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = NeuriteCli.Version.class,
        sortOptions = false,
        description = {"Train a multi-layer perceptron on a bundled data set (iris, digits) or a CSV file.",
                "The data is split (stratified for classes) and standardized on the training part; the output "
                        + "layer has one unit per class (linear; sigmoid for bce) or per target (linear)."})
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv|iris|digits",
            description = "A CSV file with a header row, or a bundled data set: iris, digits.")
    private String data;

    @Option(names = "--label", split = ",", paramLabel = "COLUMN",
            description = "The label column (required for a CSV file); with --regression one or more target "
                    + "columns, comma-separated.")
    private List<String> label = List.of();

    @Option(names = "--regression",
            description = "Read the label columns as numeric targets (default loss: mse).")
    private boolean regression;

    @Option(names = "--layers", split = ",", paramLabel = "UNITS",
            description = "The hidden layers' sizes, comma-separated. Default: 64.")
    private List<Integer> layers = List.of(64);

    @Option(names = "--activation", paramLabel = "SPEC", description = "The hidden layers' activation. Default: relu.")
    private String activation = "relu";

    @Option(names = "--loss", paramLabel = "SPEC",
            description = "The loss. Default: cross_entropy, or mse with --regression.")
    private String loss;

    @Option(names = "--optimizer", paramLabel = "SPEC", description = "The optimizer. Default: ${DEFAULT-VALUE}.")
    private String optimizer = "adam(lr=0.001)";

    @Option(names = "--schedule", paramLabel = "SPEC",
            description = "A learning-rate schedule, stepped once per epoch, e.g. cosine(t_max=50). Default: none.")
    private String schedule;

    @Option(names = "--clip", paramLabel = "SPEC",
            description = "Gradient clipping: none, norm(max_norm=1.0) or value(clip_value=0.5). Default: none.")
    private String clip = "none";

    @Option(names = "--batch", paramLabel = "N", description = "Samples per batch. Default: ${DEFAULT-VALUE}.")
    private int batch = 32;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train (at most). Default: ${DEFAULT-VALUE}.")
    private int epochs = 10;

    @Option(names = "--early-stopping", paramLabel = "N",
            description = "Stop after N epochs without a better validation loss, keeping the best weights.")
    private Integer patience;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the initial weights, the split and the shuffling. Default: ${DEFAULT-VALUE}.")
    private long seed = 42;

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Share of the rows held out for validation, in [0, 1); 0 for none. "
                    + "Default: ${DEFAULT-VALUE}.")
    private double validation = 0.2;

    @Option(names = "--no-shuffle", description = "Keep the rows' order in every epoch.")
    private boolean noShuffle;

    @Option(names = "--dtype", paramLabel = "float64|float32", converter = DTypeConverter.class,
            description = "The model's element type. Default: float64.")
    private DType dtype = DType.FLOAT64;

    @CommandLine.Mixin
    private BackendOption backend;

    @Option(names = "--json", description = "Print one JSON object at the end instead of the lines.")
    private boolean json;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Save the trained model (weights, standardization, class names) to this model file.")
    private Path outFile;

    @Option(names = "--init", paramLabel = "FILE",
            description = "Start from the weights of this model file, loaded on the same backend and dtype; its "
                    + "architecture must be the one the options describe. Its standardization, if any, is kept.")
    private Path init;

    @Override
    public Integer call() {
        checkNumbers();
        Loss lossFunction = option("--loss", () -> Losses.discover().get(loss != null ? loss
                : regression ? "mse" : "cross_entropy"));
        OptimizerFactory optimizerFactory = option("--optimizer", () -> Optimizers.parse(optimizer));
        ScheduleFactory scheduleFactory = schedule == null ? null
                : option("--schedule", () -> Schedules.parse(schedule));
        GradientClipping clipping = option("--clip", () -> GradientClipping.parse(clip));
        option("--activation", () -> NeuriteCli.activations().get(activation));
        if (outFile != null) {
            NeuriteCli.writableFile(spec, "--out", outFile);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (EpochPrinter printer = new EpochPrinter(out, json ? null : EpochPrinter.terminal())) {
            Mlp initial = init == null ? null : NeuriteCli.loadModel(spec, "--init", init, backend.select(), dtype);
            TrainingData set = TrainingData.load(spec.commandLine(), data, label, regression, validation, seed,
                    initial == null ? null : initial.standardization().orElse(null));
            Mlp model = model(set, lossFunction);
            if (initial != null) {
                requireSameArchitecture(model, initial);
                model = initial;
            }
            Trainer.Builder builder = Trainer.builder().loss(lossFunction).optimizer(optimizerFactory)
                    .clipping(clipping).batchSize(batch).epochs(epochs).seed(seed).shuffle(!noShuffle);
            if (scheduleFactory != null) {
                builder.schedule(scheduleFactory);
            }
            if (set.validation() != null) {
                builder.validation(set.validation());
            }
            if (patience != null) {
                builder.earlyStopping(patience);
            }
            if (!json) {
                out.println(TrainReport.header(model, set) + (init == null ? "" : "; starting from " + init));
                builder.listener(printer);
            }
            Trainer trainer = builder.build();
            long start = System.nanoTime();
            TrainingResult result = fit(trainer, model, set);
            double seconds = (System.nanoTime() - start) / 1e9;
            Evaluation evaluation = trainer.evaluate(result.model(),
                    set.validation() != null ? set.validation() : set.train());
            TrainReport report = new TrainReport(set, result.model(), lossFunction.spec(), optimizerFactory.spec(),
                    batch, epochs, seed, result.history(), evaluation, seconds);
            if (outFile != null) {
                ModelFiles.save(result.model(), outFile);
            }
            out.print(json ? report.json() + System.lineSeparator() : report.text());
            if (outFile != null && !json) {
                out.println("saved to " + outFile);
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + outFile + ": " + NeuriteCli.ioReason(e), e);
        }
    }

    /**
     * The {@code --init} model must be the one the options describe: input, layer sizes and activations.
     *
     * @throws CommandLine.ParameterException (exit status 2) naming the first difference
     */
    private void requireSameArchitecture(Mlp described, Mlp loaded) {
        String difference = null;
        if (loaded.inputSize() != described.inputSize()) {
            difference = loaded.inputSize() + " inputs, the data has " + described.inputSize();
        } else if (loaded.layers().size() != described.layers().size()) {
            difference = loaded.layers().size() + " layers, the options " + described.layers().size();
        } else {
            for (int i = 0; i < loaded.layers().size() && difference == null; i++) {
                Layer l = loaded.layers().get(i);
                Layer d = described.layers().get(i);
                if (l.outputSize() != d.outputSize()) {
                    difference = "layer " + (i + 1) + " has " + l.outputSize() + " units, the options " + d.outputSize();
                } else if (!l.activation().spec().equals(d.activation().spec())) {
                    difference = "layer " + (i + 1) + "'s activation is " + l.activation().spec() + ", the options' "
                            + d.activation().spec();
                }
            }
        }
        if (difference != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--init: " + init.getFileName() + " is "
                    + NeuriteCli.layers(loaded) + ", the options describe " + NeuriteCli.layers(described) + ": "
                    + difference);
        }
    }

    /** Trains; options that do not fit the data (a loss for the other kind of target) are bad arguments. */
    private TrainingResult fit(Trainer trainer, Mlp model, TrainingData set) {
        try {
            return trainer.fit(model, set.train());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--loss " + trainer.loss().spec()
                    + " does not fit the data: " + e.getMessage(), e);
        }
    }

    /** The hidden layers, then one output per class (one for bce on 2 classes) or per target. */
    private Mlp model(TrainingData set, Loss lossFunction) {
        MlpBuilder b = Mlp.builder().backend(backend.select()).activations(NeuriteCli.activations()).dtype(dtype)
                .seed(seed).input(set.all().featureCount());
        for (int units : layers) {
            b.dense(units, activation);
        }
        boolean binary = lossFunction.name().equals("bce") || lossFunction.name().equals("bce_with_logits");
        int outputs = set.all().isClassification()
                ? (binary && set.all().classCount() == 2 ? 1 : set.all().classCount())
                : set.all().targetWidth();
        return b.dense(outputs, lossFunction.name().equals("bce") ? "sigmoid" : "linear").build();
    }

    private void checkNumbers() {
        require(batch >= 1, "--batch", "a number >= 1", batch);
        require(epochs >= 1, "--epochs", "a number >= 1", epochs);
        require(patience == null || patience >= 1, "--early-stopping", "a number >= 1", patience);
        require(validation >= 0 && validation < 1, "--validation", "a fraction in [0, 1)", validation);
        require(!layers.isEmpty() && layers.stream().allMatch(u -> u >= 1), "--layers", "sizes >= 1",
                String.join(",", layers.stream().map(String::valueOf).toList()));
    }

    private void require(boolean ok, String option, String expected, Object got) {
        if (!ok) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": expected " + expected
                    + ", got " + got);
        }
    }

    /**
     * Parses an option's value; a value the parser rejects is a bad argument (exit status 2), reported as
     * {@code --loss: unknown name ...} (without the parser's own {@code loss: } in front).
     */
    private <T> T option(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | NeuriteException e) {
            String message = e.getMessage();
            String own = option.substring(2) + ": ";
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + ": " + (message.startsWith(own) ? message.substring(own.length()) : message), e);
        }
    }
}
