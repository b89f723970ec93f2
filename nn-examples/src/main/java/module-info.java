/**
 * The {@code neurite} command line and the examples: an application module, so it exports nothing. It
 * reaches backends only through {@code org.neurite.api.Backends}; put backend modules on the module path
 * (EJML's own jars on the class path, see {@code org.neurite.backend.ejml}).
 */
// Guice 7 has no module descriptor, only an Automatic-Module-Name; that is the best it offers.
@SuppressWarnings("requires-automatic")
module org.neurite.examples {
    requires org.neurite.api;
    requires org.neurite.core;
    // neurite train: CSV files and the bundled data sets, JSON output, the progress bar on a terminal.
    requires org.neurite.io;
    requires com.fasterxml.jackson.databind;
    requires me.tongfei.progressbar;
    requires info.picocli;
    // The tour's figures: JFreeChart (an automatic module: Automatic-Module-Name, no descriptor) draws
    // them with AWT, and ImageIO writes the PNGs; both live in java.desktop.
    requires org.jfree.jfreechart;
    requires java.desktop;
    // The CLI keeps the library's java.util.logging output out of its one-line failures (cli.Logs).
    requires java.logging;
    requires com.google.guice;
    // Guice, an automatic module, cannot declare that it needs jakarta.inject, an explicit one; without this
    // line jakarta.inject is not in the module graph and Guice fails with NoClassDefFoundError.
    requires jakarta.inject;

    // picocli reads and sets the commands' annotated fields reflectively.
    opens org.neurite.examples.cli to info.picocli;
    // Guice calls the application modules' @Provides methods reflectively.
    opens org.neurite.examples.embed.guice to com.google.guice;

    // neurite checks every activation and loss provider before a command runs (cli.Providers).
    uses org.neurite.api.spi.ActivationProvider;
    uses org.neurite.api.spi.LossProvider;

    // The example of a user's own activation, found by name like the built-in ones.
    provides org.neurite.api.spi.ActivationProvider with org.neurite.examples.custom.BentIdentityProvider;
}
