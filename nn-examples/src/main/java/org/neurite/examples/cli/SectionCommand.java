package org.neurite.examples.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import org.neurite.api.Stability;
import org.neurite.examples.tour.Section;
import org.neurite.examples.tour.TourContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * One section of the tour as its own command ({@code neurite neuron}, {@code neurite xor}, ...). One class
 * serves every section: {@link NeuriteCli} registers an instance per {@link Section} under its name.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(mixinStandardHelpOptions = true, versionProvider = NeuriteCli.Version.class)
public final class SectionCommand implements Callable<Integer> {

    private final Section section;

    @CommandLine.Mixin
    private TourOptions options;

    @CommandLine.Mixin
    private BackendOption backend;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The command that runs {@code section}. */
    public SectionCommand(Section section) {
        this.section = Objects.requireNonNull(section, "section");
    }

    /** A command line for {@code section}, named and described by it. */
    static CommandLine commandLine(Section section) {
        CommandLine cl = new CommandLine(new SectionCommand(section));
        cl.getCommandSpec().usageMessage().description(section.description());
        return cl;
    }

    @Override
    public Integer call() {
        TourContext context = options.context(spec, backend);
        context.run(section);
        context.out().printf("%nFigures (if any) are in %s%n", context.outDir());
        context.out().flush();
        return 0;
    }
}
