package org.neurite.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.neurite.api.Stability;
import org.neurite.core.data.Dataset;

/**
 * The classic small data sets, shipped in this jar as CSV files (see {@code org/neurite/io/data/README.md}
 * in the sources for their origin, licence and checksums). Each is read once, on first use, and the same
 * immutable {@link Dataset} is returned afterwards.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class BundledDatasets {

    private static final List<String> NAMES = List.of("digits", "iris");

    private BundledDatasets() {
    }

    /**
     * Fisher's Iris (1936): 150 flowers × 4 features {@code sepal_length}, {@code sepal_width},
     * {@code petal_length}, {@code petal_width} (cm), 3 classes {@code setosa}, {@code versicolor},
     * {@code virginica} of 50 each.
     */
    public static Dataset iris() {
        return Iris.DATA;
    }

    /**
     * The UCI optical handwritten digits (Alpaydin and Kaynak, 1998) as scikit-learn's {@code load_digits}:
     * 1,797 images of 8 × 8 pixels, features {@code pixel_0..pixel_63} (row by row, values 0..16), 10 classes
     * {@code "0".."9"}.
     */
    public static Dataset digits() {
        return Digits.DATA;
    }

    /**
     * A bundled data set by name, ignoring case: {@code "iris"} or {@code "digits"}.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Dataset byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "iris" -> iris();
            case "digits" -> digits();
            default -> throw new IllegalArgumentException("name: expected a bundled data set, one of "
                    + String.join(", ", NAMES) + ", got '" + name + "'");
        };
    }

    /** The names {@link #byName} knows, sorted. */
    public static List<String> names() {
        return NAMES;
    }

    private static Dataset load(String file, String labelColumn) {
        // A resource of this module's own package: visible from here though the package is not opened.
        InputStream in = BundledDatasets.class.getResourceAsStream("data/" + file);
        if (in == null) {
            throw new IllegalStateException(file + ": expected the resource org/neurite/io/data/" + file
                    + " in the nn-io jar, got none");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CsvDatasets.readClassification(reader, file, labelColumn);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the bundled resource", e);
        }
    }

    private static final class Iris {
        static final Dataset DATA = load("iris.csv", "species");
    }

    private static final class Digits {
        static final Dataset DATA = load("digits.csv", "digit");
    }
}
