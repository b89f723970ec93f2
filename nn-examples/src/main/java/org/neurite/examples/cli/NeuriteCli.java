package org.neurite.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.examples.embed.PlainScoring;
import org.neurite.io.ModelFiles;
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
                TourCommand.class, BenchCommand.class, TrainCommand.class, InspectCommand.class,
                PredictCommand.class})
public final class NeuriteCli implements Runnable {

    /** Writes the commands' {@code --json} output. */
    static final ObjectMapper JSON = new ObjectMapper();

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

    /** A JSON tree as one line of text. */
    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The activations the commands know: those found by {@code ServiceLoader} and the serve-example
     * application's {@code scaled_tanh}, so that its model file can be inspected, trained and predicted with.
     */
    static Activations activations() {
        return PlainScoring.activations();
    }

    /**
     * {@code file}, which must exist.
     *
     * @throws CommandLine.ParameterException (exit status 2) naming {@code option} if it is not a file
     */
    static Path existing(CommandLine.Model.CommandSpec spec, String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": no such file: " + file);
        }
        return file;
    }

    /**
     * Loads the model file given as {@code option}, with {@link #activations()}.
     *
     * @param dtype the model's dtype, or {@code null} for the file's
     * @throws CommandLine.ParameterException (exit status 2) if there is no such file
     * @throws org.neurite.io.safetensors.ModelFormatException if it is not a Neurite model file (exit status 1)
     */
    static Mlp loadModel(CommandLine.Model.CommandSpec spec, String option, Path file, Backend backend, DType dtype) {
        try {
            return ModelFiles.load(existing(spec, option, file), backend, dtype, activations());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the model: " + e.getMessage(), e);
        }
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
