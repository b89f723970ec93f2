package org.neurite.examples.cli;

import java.util.concurrent.Callable;
import org.neurite.api.Stability;
import org.neurite.examples.tour.Tour;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code neurite tour --out DIR}: every section of the tutorial in order, with tour.txt and index.html. */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(name = "tour", mixinStandardHelpOptions = true, versionProvider = NeuriteCli.Version.class,
        description = "Run every section of the tutorial in order: print what Neurite computes, write the figures, "
                + "DIR/tour.txt (everything printed) and DIR/index.html (the figures in order).")
public final class TourCommand implements Callable<Integer> {

    @CommandLine.Mixin
    private TourOptions options;

    @CommandLine.Mixin
    private BackendOption backend;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Tour.run(options.context(spec, backend));
        return 0;
    }
}
