package org.neurite.examples.cli;

import java.io.PrintWriter;
import org.neurite.api.Activations;
import org.neurite.api.BackendInfo;
import org.neurite.api.Backends;
import org.neurite.api.Stability;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code neurite info}: the version, the discovered backends and the registered activations. */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the version, the discovered backends and the registered activations.")
public final class InfoCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private BackendOption backend;

    @Override
    public void run() {
        // Everything that can fail first, so that a failure prints no half report.
        Backends backends = Backends.discover();
        String selected = backend.select().name();
        Activations activations = Activations.discover();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Neurite " + NeuriteCli.version() + " on Java " + System.getProperty("java.version"));
        out.println();
        out.println("Backends:");
        for (BackendInfo b : backends.describe()) {
            out.printf("  %-6s priority %-4d %-12s %s%n", b.name(), b.priority(),
                    b.available() ? "available" : "unavailable", b.libraryVersion()
                            + b.failureReason().map(r -> " (" + r + ")").orElse(""));
        }
        out.println("  default: " + selected);
        out.println();
        out.println("Activations (" + activations.names().size() + "):");
        for (String name : activations.names()) {
            out.println("  " + activations.get(name).spec());
        }
        out.flush();
    }
}
