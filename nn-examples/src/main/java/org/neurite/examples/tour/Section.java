package org.neurite.examples.tour;

import org.neurite.api.Stability;

/**
 * One section of the tutorial, runnable alone (its own CLI command) or as part of the {@link Tour}.
 * A section prints through {@link TourContext#out()} and saves figures through {@link TourContext#figure};
 * every number it prints is computed by Neurite on the context's backend and dtype.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface Section {

    /** The CLI command that runs this section alone, for example {@code neuron}. */
    String command();

    /** The section's title, as the tutorial names it, for headings and {@code index.html}. */
    String title();

    /** One line for the command's {@code --help}. */
    String description();

    /** Prints the section and writes its figures. */
    void run(TourContext context);
}
