package org.neurite.examples.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the library's {@code java.util.logging} output (for example nn-api's warning, with a stack trace, about
 * a backend provider that cannot be created) does on the command line: shown with {@code --debug}, else
 * left out, so that a failure stays one line on stderr. The command {@code neurite backends} lists broken
 * backend providers, and a failure names them. A logging configuration of the user's own
 * ({@code -Djava.util.logging.config.file}) is left as it is.
 */
final class Logs {

    /** Held, since the logging framework keeps loggers only weakly. */
    private static final Logger NEURITE = Logger.getLogger("org.neurite");

    private Logs() {
    }

    static void configure(boolean debug) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        NEURITE.setLevel(debug ? null : Level.OFF);
    }
}
