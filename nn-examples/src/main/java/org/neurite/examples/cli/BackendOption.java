package org.neurite.examples.cli;

import org.neurite.api.Backend;
import org.neurite.api.BackendNotFoundException;
import org.neurite.api.Backends;
import org.neurite.api.Stability;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --backend NAME} option every command shares (a picocli mixin). Without it the usual
 * selection applies: {@code -Dneurite.backend}, then {@code NEURITE_BACKEND}, then the highest priority.
 * An unknown or unavailable name is a bad argument: exit status 2, with the backends found.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class BackendOption {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec mixee;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "The backend (ejml, nd4j, ...); default: -Dneurite.backend, NEURITE_BACKEND, "
                    + "else the available one of highest priority.")
    private String name;

    /** The name given on the command line, or {@code null}. */
    public String name() {
        return name;
    }

    /**
     * The selected backend.
     *
     * @throws CommandLine.ParameterException (exit status 2) if it is unknown or cannot load
     */
    public Backend select() {
        return selection().backend();
    }

    /**
     * The selected backend and where its name came from ({@code --backend}, {@code -Dneurite.backend},
     * {@code NEURITE_BACKEND} or the highest priority): {@code Backends}' one selection order.
     *
     * @throws CommandLine.ParameterException (exit status 2) if it is unknown, cannot load, or is blank
     */
    public Backends.Selection selection() {
        try {
            return Backends.discover().selection(name);
        } catch (BackendNotFoundException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage(), e);
        }
    }
}
