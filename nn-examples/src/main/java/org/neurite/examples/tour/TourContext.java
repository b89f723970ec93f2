package org.neurite.examples.tour;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.core.MlpBuilder;
import org.neurite.core.Neuron;
import org.neurite.examples.tour.SectionResult.Figure;

/**
 * What every section computes with and writes to: the backend and dtype, the seed, the output folder, and
 * the printed text, which goes to the console and is kept per section for {@code tour.txt} and
 * {@code index.html}. While a section runs, {@link #out()} wraps any line longer than
 * {@link WrappingWriter#WIDTH} columns at word boundaries, so that no printed line is longer.
 *
 * <p><b>Random numbers.</b> Java has no numpy, so the tour draws from {@link java.util.Random}: normal
 * samples are {@link Random#nextGaussian()}, in the order numpy's {@code randn} fills an array (row-major).
 * The values therefore differ from the tutorial's, and the tour prints the ones it really draws. Each
 * tutorial snippet reseeds numpy itself (42, 0, 123, 7); {@link #random(long)} gives each section a fresh
 * {@code Random(seed + tutorialSeed - 42)}, so with the default {@code --seed 42} every section uses its
 * snippet's own seed, any other seed shifts them all, and a section gives the same numbers whether it
 * runs alone or inside the tour. Printing uses {@link Locale#ROOT}, so a decimal point is always a point.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class TourContext {

    /** The seed of the tutorial's first snippet, {@code np.random.seed(42)}, and the default {@code --seed}. */
    public static final long TUTORIAL_SEED = 42;

    private final Backend backend;
    private final DType dtype;
    private final long seed;
    private final Path outDir;
    private final PrintWriter console;
    private final Activations activations;

    private PrintWriter out;
    private List<Figure> figures = new ArrayList<>();

    /**
     * A context writing figures into {@code outDir} (created if missing) and printing to {@code console}, with
     * the activations {@link Activations#discover()} finds.
     */
    public TourContext(Backend backend, DType dtype, long seed, Path outDir, PrintWriter console) {
        this(backend, dtype, seed, outDir, console, Activations.discover());
    }

    /** As the other constructor, with the activations of {@code registry} (an application's own, or a test's). */
    public TourContext(Backend backend, DType dtype, long seed, Path outDir, PrintWriter console,
                       Activations registry) {
        this.activations = Objects.requireNonNull(registry, "registry");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.seed = seed;
        this.outDir = Objects.requireNonNull(outDir, "outDir");
        this.console = Objects.requireNonNull(console, "console");
        this.out = console;
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("out: cannot create the folder " + outDir, e);
        }
    }

    /** Runs one section under its heading, keeping what it prints and draws. */
    public SectionResult run(Section section) {
        StringWriter text = new StringWriter();
        console.print(heading(section.title()));
        WrappingWriter wrapped = new WrappingWriter(new Tee(console, text));
        out = new PrintWriter(wrapped);
        figures = new ArrayList<>();
        try {
            section.run(this);
        } finally {
            out.flush();
            try {
                wrapped.finishLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot print", e);
            }
            out.flush();
            out = console;
        }
        return new SectionResult(section.title(), section.part(), text.toString(), figures);
    }

    /** The heading printed before a section, also in {@code tour.txt}. */
    public static String heading(String title) {
        String rule = "=".repeat(72);
        return String.format(Locale.ROOT, "%n%s%n%s%n%s%n", rule, title, rule);
    }

    /** Where the current section prints. */
    public PrintWriter out() {
        return out;
    }

    /** {@code printf} in {@link Locale#ROOT}. */
    public void printf(String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
    }

    /** Prints a line. */
    public void println(String line) {
        out.println(line);
    }

    /** Prints an empty line. */
    public void println() {
        out.println();
    }

    /** The backend every computation runs on. */
    public Backend backend() {
        return backend;
    }

    /** The dtype of every tensor. */
    public DType dtype() {
        return dtype;
    }

    /** The tour's seed ({@code --seed}). */
    public long seed() {
        return seed;
    }

    /** The folder the figures go to. */
    public Path outDir() {
        return outDir;
    }

    /** The activation registry, by default {@link Activations#discover()}. */
    public Activations activations() {
        return activations;
    }

    /** The seed for a snippet that the tutorial seeds with {@code tutorialSeed}; see the class comment. */
    public long seedFor(long tutorialSeed) {
        return seed + (tutorialSeed - TUTORIAL_SEED);
    }

    /** A fresh random source for a snippet that the tutorial seeds with {@code tutorialSeed}. */
    public Random random(long tutorialSeed) {
        return new Random(seedFor(tutorialSeed));
    }

    /** The activation {@code spec} names, or empty when this build does not register its name. */
    public Optional<Activation> activation(String spec) {
        String name = spec.contains("(") ? spec.substring(0, spec.indexOf('(')).trim() : spec.trim();
        return activations.contains(name) ? Optional.of(activations.get(spec)) : Optional.empty();
    }

    /** An MLP builder on this context's backend, dtype and registry. */
    public MlpBuilder mlp() {
        return org.neurite.core.Mlp.builder().backend(backend).dtype(dtype).activations(activations);
    }

    /** A neuron on this context's backend and dtype. */
    public Neuron neuron(double[] weights, double bias, String activation) {
        return Neuron.of(backend, dtype, weights, bias, activation);
    }

    /** Writes {@code image} as {@code fileName} in the output folder and records it for {@code index.html}. */
    void figure(String fileName, String caption, BufferedImage image) {
        Path file = outDir.resolve(fileName);
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer in this JDK for " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("figure: cannot write " + file, e);
        }
        Figure figure = new Figure(fileName, caption, image.getWidth(), image.getHeight());
        figures.add(figure);
        println(figureLine(figure));
    }

    /**
     * The line a section prints where it writes {@code figure}, {@code [figure] name (WxH): caption}, before
     * wrapping; {@link IndexPage} finds it in the text to put the image there.
     */
    static String figureLine(Figure figure) {
        return String.format(Locale.ROOT, "[figure] %s (%dx%d): %s", figure.fileName(), figure.width(),
                figure.height(), figure.caption());
    }

    /** Writes to the console and to a section's text at once. */
    private static final class Tee extends Writer {
        private final Writer a;
        private final Writer b;

        Tee(Writer a, Writer b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
