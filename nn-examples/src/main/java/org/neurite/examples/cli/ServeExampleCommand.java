package org.neurite.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.Stability;
import org.neurite.examples.embed.CsvBatch;
import org.neurite.io.CsvRows;
import org.neurite.io.DataFormatException;
import org.neurite.examples.embed.PlainScoring;
import org.neurite.examples.embed.ScoringService;
import org.neurite.examples.embed.guice.ScoringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code neurite serve-example}: starts the example scoring application and scores a CSV batch with it.
 * Prints one {@code id,score} line per row after a {@code #} line saying what ran where.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(name = "serve-example", mixinStandardHelpOptions = true,
        description = {"Start the example scoring service (Guice-wired, with its own activation scaled_tanh, "
                + "scoring with a bundled trained model) and score a CSV batch: a header 'id,x1,x2,x3', then one "
                + "row per line."})
public final class ServeExampleCommand implements Callable<Integer> {

    /** Rows scored at a time. */
    private static final int BATCH = 1024;

    /** The configuration used without {@code --config}. */
    static final String DEFAULT_CONFIGURATION = "/org/neurite/examples/embed/serve-example.properties";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "The batch to score (default: the bundled sample of 6 rows).")
    private Path csv;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file; neurite.backend=NAME picks the backend (default: the bundled "
                    + "serve-example.properties, which names ejml).")
    private Path config;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "The backend, overriding neurite.backend from the configuration.")
    private String backend;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Score with this model file (3 inputs, one output) instead of the bundled trained model.")
    private Path model;

    @Option(names = "--plain",
            description = "Wire the service through the plain API instead of Guice (the same scores).")
    private boolean plain;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (config != null) {
            NeuriteCli.existing(spec, "--config", config);
        }
        if (csv != null) {
            NeuriteCli.existing(spec, "--csv", csv);
        }
        if (model != null) {
            NeuriteCli.existing(spec, "--model", model);
        }
        Properties configuration = configuration();
        // Before the application starts: an unknown backend, from --backend or the file, is a usage error (2).
        Backends.discover().select(configuration.getProperty("neurite.backend"));
        ScoringService service = plain
                ? PlainScoring.create(configuration.getProperty("neurite.backend"), model)
                : ScoringApplication.start(configuration, model);
        try (CsvRows rows = csv == null ? CsvBatch.openSample() : CsvBatch.open(csv)) {
            List<String> features = CsvBatch.featureNames(rows);
            int inputs = service.model().inputSize();
            if (features.size() != inputs) {
                throw new DataFormatException(rows.source(), rows.headerLine(), null, "expected a header 'id' and "
                        + inputs + " features (the model's inputs), got " + features.size() + " features");
            }
            out.println("# " + describe(service, plain ? "plain API" : "Guice"));
            out.println("id,score");
            // Streamed: a batch is scored and printed before the next is read.
            CsvBatch.stream(rows, BATCH, (ids, batch, count) -> {
                double[] scores = service.score(count == batch.length ? batch : Arrays.copyOf(batch, count));
                for (int i = 0; i < count; i++) {
                    out.println(CsvCells.field(ids[i]) + "," + String.format(Locale.ROOT, "%.6f", scores[i]));
                }
            });
        }
        out.flush();
        return 0;
    }

    /** The bundled configuration or the file's, with {@code --backend} on top. */
    private Properties configuration() throws IOException {
        Properties p = new Properties();
        if (config == null) {
            try (InputStream in = ServeExampleCommand.class.getResourceAsStream(DEFAULT_CONFIGURATION)) {
                p.load(in);
            }
        } else {
            try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        if (backend != null) {
            p.setProperty("neurite.backend", backend);
        }
        return p;
    }

    /** The model's layers and where the backend came from: a named module or the class path. */
    static String describe(ScoringService service, String wiring) {
        String model = NeuriteCli.layers(service.model());
        Backend b = service.model().backend();
        Module module = b.getClass().getModule();
        return "model " + model + "; backend " + b.name() + " ("
                + (module.isNamed() ? "module " + module.getName() : "class path") + "); wired by " + wiring;
    }
}
