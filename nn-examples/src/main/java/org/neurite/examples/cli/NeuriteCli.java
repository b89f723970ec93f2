package org.neurite.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.neurite.api.Layer;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.examples.tour.Section;
import org.neurite.examples.tour.Tour;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code neurite} command line: {@code java -jar nn-examples/target/neurite.jar COMMAND}.
 * Exit status 0 on success, 2 on bad arguments (with a one-line reason), 1 on a failure while running.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(name = "neurite", mixinStandardHelpOptions = true, versionProvider = NeuriteCli.Version.class,
        description = "Neurite, a neural-network framework for Java: the tutorial tour and tools.",
        subcommands = {InfoCommand.class, BackendsCommand.class, ActivationsCommand.class, ServeExampleCommand.class,
                TourCommand.class, BenchCommand.class, TrainCommand.class})
public final class NeuriteCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and exits with its status. */
    public static void main(String[] args) {
        // Before any AWT class loads: the tour draws its figures off screen, with or without a display.
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit status, for tests. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, with a bad-argument status of 2 and a one-line reason. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NeuriteCli());
        // Each tour section is also a command of its own; added before the handler so that it applies to them.
        for (Section section : Tour.sections()) {
            cl.addSubcommand(section.command(), SectionCommand.commandLine(section));
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println("neurite: " + ex.getMessage()
                    + " (see 'neurite " + ex.getCommandLine().getCommandName() + " --help')");
            return 2;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Reports a failure while running (not a bad argument): one line on the command's error stream,
     * {@code neurite COMMAND: message}, no stack trace.
     *
     * @return the exit status for it, 1
     */
    static int failure(CommandLine.Model.CommandSpec spec, Exception e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("neurite " + spec.name() + ": " + e.getMessage());
        err.flush();
        return 1;
    }

    /** A model's layers in one line: {@code 4 -> 64 relu -> 3 linear}. */
    static String layers(Mlp model) {
        StringBuilder sb = new StringBuilder().append(model.inputSize());
        for (Layer layer : model.layers()) {
            sb.append(" -> ").append(layer.outputSize()).append(' ').append(layer.activation().spec());
        }
        return sb.toString();
    }

    /** The version of this build, from the jar's filtered {@code neurite.properties}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = NeuriteCli.class.getResourceAsStream("/org/neurite/examples/neurite.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** Tells picocli the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"neurite " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
