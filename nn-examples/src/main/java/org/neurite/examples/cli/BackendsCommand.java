package org.neurite.examples.cli;

import java.io.PrintWriter;
import org.neurite.api.BackendInfo;
import org.neurite.api.Backends;
import org.neurite.api.Stability;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code neurite backends}: every backend found with its priority, availability (and why not), the math
 * library's version, and which one is the default now. Loads each backend to find out.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the discovered backends: name, priority, availability, library version, default.")
public final class BackendsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private BackendOption backend;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Backends.Selection selection = null;
        String problem = null;
        try {
            selection = backend.selection();
        } catch (CommandLine.ParameterException e) {
            if (backend.name() != null) {
                throw e; // a bad --backend is the user's usage error
            }
            // A bad -Dneurite.backend or NEURITE_BACKEND: this diagnostic still lists what it finds.
            problem = e.getMessage();
        }
        String selected = selection == null ? "" : selection.backend().name();
        out.printf("%-8s %-9s %-12s %-22s %s%n", "NAME", "PRIORITY", "AVAILABLE", "LIBRARY", "");
        for (BackendInfo b : Backends.discover().describe()) {
            out.printf("%-8s %-9d %-12s %-22s %s%n", b.name(), b.priority(), b.available() ? "yes" : "no",
                    b.libraryVersion(), b.name().equals(selected) ? "<- selected" : "");
            b.failureReason().ifPresent(reason -> out.println("         reason: " + reason));
        }
        if (selection == null) {
            out.println("default now: none: " + problem);
        } else {
            out.println("default now: " + selected + " (" + (selection.source() == Backends.Source.EXPLICIT
                    ? "from --backend" : selection.source() == Backends.Source.PRIORITY ? "highest priority available"
                    : "from " + selection.source().label()) + ")");
        }
        Backends.discover().brokenProviders().forEach(p -> out.println("broken provider: " + p));
        out.flush();
    }
}
