package org.neurite.examples.tour;

import java.util.List;
import java.util.Objects;
import org.neurite.api.Stability;

/**
 * What one section produced: its printed text and its figures, in order, for {@code tour.txt} and
 * {@code index.html}.
 *
 * @param title the section's title
 * @param part the part of the tutorial it belongs to
 * @param text everything the section printed
 * @param figures the figures it wrote, in order
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record SectionResult(String title, Section.Part part, String text, List<Figure> figures) {

    /** Copies the figure list. */
    public SectionResult {
        Objects.requireNonNull(part, "part");
        figures = List.copyOf(figures);
    }

    /**
     * One PNG written by a section.
     *
     * @param fileName the file's name inside the output folder, for example {@code neuron_response.png}
     * @param caption one sentence saying what it shows
     * @param width its width in pixels
     * @param height its height in pixels
     */
    public record Figure(String fileName, String caption, int width, int height) { }
}
