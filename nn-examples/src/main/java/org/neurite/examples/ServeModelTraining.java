package org.neurite.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.neurite.api.Stability;
import org.neurite.examples.cli.NeuriteCli;

/**
 * Trains the model that {@code neurite serve-example} scores with by default, bundled as
 * {@code nn-examples/src/main/resources/org/neurite/examples/embed/serve-model.safetensors}: it writes the
 * training data, then runs {@code neurite train} on it with {@link #trainArguments}. The same run gives the
 * same file, bit for bit (a test checks the bundled one).
 *
 * <p>The data: {@value #ROWS} rows of 3 features {@code x1, x2, x3}, each uniform in [-3, 3) from
 * {@code java.util.Random(2024)}, labelled {@code yes} when {@code x1 · x2 + x3 > 0}, else {@code no}.
 *
 * <pre>{@code
 * java -cp nn-examples/target/neurite.jar org.neurite.examples.ServeModelTraining [MODEL_FILE]
 * }</pre>
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ServeModelTraining {

    /** The number of training rows. */
    public static final int ROWS = 2000;
    /** Where the bundled model lives, from the repository's root. */
    public static final String BUNDLED_SOURCE =
            "nn-examples/src/main/resources/org/neurite/examples/embed/serve-model.safetensors";

    private ServeModelTraining() {
    }

    /** Writes the model to {@code args[0]} (default {@value #BUNDLED_SOURCE}); the exit status is train's. */
    public static void main(String[] args) throws IOException {
        Path model = Path.of(args.length > 0 ? args[0] : BUNDLED_SOURCE);
        Path data = Files.createTempDirectory("serve-train").resolve("serve-train.csv");
        int status;
        try {
            writeData(data);
            List<String> train = trainArguments(data, model);
            System.out.println("# neurite " + String.join(" ", train));
            status = NeuriteCli.run(train.toArray(String[]::new));
        } finally {
            Files.deleteIfExists(data);
            Files.deleteIfExists(data.getParent());
        }
        System.exit(status);
    }

    /** The training data: a header {@code x1,x2,x3,label}, then {@value #ROWS} rows. */
    public static void writeData(Path csv) throws IOException {
        Random random = new Random(2024);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println("x1,x2,x3,label");
            for (int i = 0; i < ROWS; i++) {
                double x1 = 6 * random.nextDouble() - 3;
                double x2 = 6 * random.nextDouble() - 3;
                double x3 = 6 * random.nextDouble() - 3;
                out.printf(Locale.ROOT, "%.4f,%.4f,%.4f,%s%n", x1, x2, x3, x1 * x2 + x3 > 0 ? "yes" : "no");
            }
        }
    }

    /** The {@code neurite train} arguments that train the bundled model on {@code data} into {@code model}. */
    public static List<String> trainArguments(Path data, Path model) {
        return List.of("train", "--data", data.toString(), "--label", "label", "--layers", "8",
                "--activation", "scaled_tanh", "--loss", "bce", "--optimizer", "adam(lr=0.01)", "--batch", "32",
                "--epochs", "40", "--seed", "2024", "--backend", "ejml", "--out", model.toString());
    }
}
