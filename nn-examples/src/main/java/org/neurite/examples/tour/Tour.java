package org.neurite.examples.tour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurite.api.Stability;

/**
 * The whole tutorial in order: runs every {@link Section}, then writes {@code tour.txt} (everything
 * printed) and {@code index.html} (the sections under their {@linkplain Section#part() parts}, each
 * section's text with its figures where it made them) into the output folder.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Tour {

    /** The text file of everything the tour printed. */
    public static final String TEXT_FILE = "tour.txt";
    /** The page that shows every figure in order. */
    public static final String INDEX_FILE = "index.html";

    private Tour() {
    }

    /** Every section, in the tutorial's order; each is also a CLI command of its own. */
    public static List<Section> sections() {
        return List.of(new NeuronSection(), new WeightsBiasesSection(), new ActivationsSection(),
                new CollapseSection(), new XorSection(), new LayersSection(), new TraceSection(), new MlpSection(),
                new LandscapeSection(), new ArchitecturesSection(),
                new LossesSection(), new GradientDescentSection(), new BackpropSection(),
                new TrainXorSection(), new ArchitecturesTrainedSection(), new DigitsSection());
    }

    /**
     * Runs every section and writes {@code tour.txt} and {@code index.html} into {@code context.outDir()}.
     *
     * @return each section's text and figures, in order
     * @throws UncheckedIOException if a file cannot be written
     */
    public static List<SectionResult> run(TourContext context) {
        List<SectionResult> results = new ArrayList<>();
        for (Section s : sections()) {
            results.add(context.run(s));
        }
        StringBuilder text = new StringBuilder();
        for (SectionResult r : results) {
            text.append(TourContext.heading(r.title())).append(r.text());
        }
        write(context.outDir().resolve(TEXT_FILE), text.toString());
        write(context.outDir().resolve(INDEX_FILE), IndexPage.html(context, results));
        context.out().printf("%nWrote %s, %s and %d figures to %s%n", TEXT_FILE, INDEX_FILE,
                results.stream().mapToInt(r -> r.figures().size()).sum(), context.outDir());
        context.out().flush();
        return results;
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
