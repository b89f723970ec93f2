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
import java.util.Arrays;
import java.util.Properties;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.BackendNotFoundException;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Stability;
import org.neurite.api.UnknownActivationException;
import org.neurite.api.UnknownLossException;
import org.neurite.core.Mlp;
import org.neurite.examples.embed.PlainScoring;
import org.neurite.io.ModelFiles;
import org.neurite.examples.tour.Section;
import org.neurite.examples.tour.Tour;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    /** The longest message a failure prints; longer ones are clipped (a hostile file's text, for example). */
    static final int MAX_MESSAGE = 400;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On a failure, print the stack trace after the one-line reason; show the library's log.")
    private boolean debug;

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

    /**
     * The configured command line. Every failure of every command ends in {@link #failure}: the parameter
     * handler for bad arguments (status 2), the execution handler for everything a command throws (status 2 or
     * 1, see there). The execution strategy first checks the activation providers, then runs the command.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NeuriteCli());
        // Each tour section is also a command of its own; added before the handlers so that they apply to them.
        for (Section section : Tour.sections()) {
            cl.addSubcommand(section.command(), SectionCommand.commandLine(section));
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setExecutionStrategy(NeuriteCli::execute);
        cl.setParameterExceptionHandler((ex, argv) ->
                failure(ex.getCommandLine().getCommandSpec(), ex, Arrays.asList(argv).contains("--debug")));
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) ->
                failure(commandLine.getCommandSpec(), ex, debug(parsed)));
        return cl;
    }

    /** Runs the parsed command; an {@link Error} becomes an execution failure too, so that it prints one line. */
    private static int execute(CommandLine.ParseResult parsed) {
        boolean debug = debug(parsed);
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandLine command = last.commandSpec().commandLine();
        Logs.configure(debug);
        try {
            if (!(command.getCommand() instanceof BackendsCommand) && !(command.getCommand() instanceof CommandLine.HelpCommand)
                    && !last.isUsageHelpRequested() && !last.isVersionHelpRequested()) {
                Providers.check();
            }
            return new CommandLine.RunLast().execute(parsed);
        } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new CommandLine.ExecutionException(command, String.valueOf(e.getMessage()), e);
        }
    }

    /** True when {@code --debug} was given to the command or any of its parents. */
    private static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult r = parsed; r != null; r = r.hasSubcommand() ? r.subcommand() : null) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The one place that turns a failure into what the user sees: one line on the command's error stream
     * naming the cause (and, where there is one, the fix), then the stack trace only with {@code --debug}.
     * <ul>
     * <li>Status 2, a usage error: a bad option or value ({@link CommandLine.ParameterException}, also thrown
     *     by the commands for a missing input file or an output they cannot write), an unknown or unavailable
     *     backend, an unknown activation or loss. Printed as {@code neurite: reason (see 'neurite CMD --help')}.
     * <li>Status 1, a failure while running: everything else (a bad data or model file, a broken provider on
     *     the class path, an I/O error, training that diverges). Printed as {@code neurite CMD: reason}.
     * </ul>
     *
     * @return the exit status
     */
    static int failure(CommandLine.Model.CommandSpec spec, Throwable failure, boolean debug) {
        Throwable e = failure instanceof CommandLine.ExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        // A usage error wrapped by a framework on the way (Guice wraps what a provider method throws).
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (isUsage(c)) {
                e = c;
                break;
            }
        }
        boolean usage = isUsage(e);
        String command = spec.qualifiedName(" ").replaceFirst("^neurite ?", "");
        String line = usage
                ? "neurite: " + message(e) + " (see 'neurite " + (command.isEmpty() ? "" : command + " ") + "--help')"
                : "neurite " + (command.isEmpty() ? "" : command) + ": " + message(e) + hint(e, debug);
        PrintWriter err = spec.commandLine().getErr();
        err.println(line.replace("neurite : ", "neurite: "));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return usage ? 2 : 1;
    }

    private static boolean isUsage(Throwable e) {
        return e instanceof CommandLine.ParameterException || e instanceof BackendNotFoundException
                || e instanceof UnknownActivationException || e instanceof UnknownLossException;
    }

    /** The exception's message on one line, clipped to {@link #MAX_MESSAGE} characters. */
    static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || isUnexpected(e)) {
            m = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        }
        if (e instanceof UncheckedIOException && e.getCause() != null && e.getCause().getMessage() != null
                && !m.contains(e.getCause().getMessage())) {
            m += ": " + ioReason(e.getCause());
        }
        m = m.replaceAll("\\R+\\s*", "; ").replaceAll("\\p{Cntrl}", "?");
        return m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE) + "... (" + m.length() + " characters)";
    }

    /** What an I/O exception says: the JDK's file exceptions carry only the path, so name the problem. */
    static String ioReason(Throwable io) {
        return io instanceof IOException e ? org.neurite.io.CsvRows.reason(e)
                : io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
    }

    /** An exception no command expects: a bug or a broken environment, so the user wants the trace. */
    private static boolean isUnexpected(Throwable e) {
        return e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof IndexOutOfBoundsException || e instanceof IllegalStateException || e instanceof Error;
    }

    private static String hint(Throwable e, boolean debug) {
        if (debug) {
            return "";
        }
        if (e instanceof OutOfMemoryError) {
            return " (give the JVM more memory, e.g. java -Xmx2g; --debug shows where)";
        }
        return isUnexpected(e) ? " (--debug shows the stack trace)" : "";
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
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + file
                    + " is a folder; expected a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": cannot read " + file
                    + ": permission denied");
        }
        return file;
    }

    /**
     * {@code file}, checked before any work to be a file this process can create or replace: its folder exists
     * and takes a new file (tried with a temporary file, which is deleted), and it is not a folder itself.
     *
     * @throws CommandLine.ParameterException (exit status 2) naming {@code option}, the path and the problem
     */
    static Path writableFile(CommandLine.Model.CommandSpec spec, String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + file
                    + " is a folder; expected a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": cannot write " + file
                    + ": no such folder " + parent + "; create it or choose another path");
        }
        probe(spec, option, file, parent);
        return file;
    }

    /**
     * {@code folder}, created if missing and checked to take new files.
     *
     * @throws CommandLine.ParameterException (exit status 2) naming {@code option}, the path and the problem
     */
    static Path writableFolder(CommandLine.Model.CommandSpec spec, String option, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": cannot create the folder "
                    + folder + ": " + ioReason(e) + "; choose a folder you can write to", e);
        }
        probe(spec, option, folder, folder);
        return folder;
    }

    private static void probe(CommandLine.Model.CommandSpec spec, String option, Path target, Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".neurite-", ".tmp"));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": cannot write to " + target
                    + ": " + ioReason(e) + "; choose a place you can write to", e);
        }
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
