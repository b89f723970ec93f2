package org.neurite.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.examples.tour.TourContext;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code tour} and every section command: where, with which seed and dtype (the
 * backend is the shared {@link BackendOption}).
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class TourOptions {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "tour",
            description = "Folder for the figures (and, for 'tour', tour.txt and index.html); created if "
                    + "missing. Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of every random draw (java.util.Random). Default: ${DEFAULT-VALUE}, which gives "
                    + "each section the seed its tutorial snippet uses.")
    private long seed;

    @Option(names = "--dtype", paramLabel = "float64|float32", defaultValue = "float64",
            converter = DTypeConverter.class, description = "Element type of every tensor. Default: ${DEFAULT-VALUE}.")
    private DType dtype;

    /**
     * The context these options describe, on {@code backend}, printing to the command's output.
     *
     * @throws CommandLine.ParameterException from {@link BackendOption#select()} if the backend is unknown or
     *     unavailable, or {@code --out} cannot be created or written (exit status 2)
     */
    TourContext context(CommandLine.Model.CommandSpec spec, BackendOption backend) {
        System.setProperty("java.awt.headless", "true");
        Backend selected = backend.select();
        NeuriteCli.writableFolder(spec, "--out", out);
        PrintWriter console = spec.commandLine().getOut();
        return new TourContext(selected, dtype, seed, out, console);
    }

}
