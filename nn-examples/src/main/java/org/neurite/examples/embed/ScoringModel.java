package org.neurite.examples.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.io.ModelFiles;

/**
 * The model the scoring service runs: 3 features in, one score in (0, 1) out, read from a model file.
 *
 * <p>By default it is the trained model bundled with the example, {@value #BUNDLED}: 3 features, a hidden
 * layer of 8 {@code scaled_tanh} units, one {@code sigmoid} output, with the standardization and the class
 * names ({@code no}, {@code yes}) of its training; {@code org.neurite.examples.ServeModelTraining} trains
 * it. The file names {@code scaled_tanh}, so the activation registry it is loaded with must have it.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ScoringModel {

    /** The number of features per row. */
    public static final int FEATURES = 3;
    /** The bundled trained model, on the class path. */
    public static final String BUNDLED = "/org/neurite/examples/embed/serve-model.safetensors";

    private ScoringModel() {
    }

    /**
     * Loads the model.
     *
     * @param file a model file, or {@code null} for the bundled model
     * @param backend the backend to load it on
     * @param activations the registry its activations are looked up in ({@code scaled_tanh} must be in it)
     * @throws org.neurite.io.safetensors.ModelFormatException if the file is not a Neurite model file
     * @throws IllegalArgumentException if the model does not take {@value #FEATURES} features
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Mlp load(Path file, Backend backend, Activations activations) {
        Mlp model;
        try {
            model = file != null ? ModelFiles.load(file, backend, null, activations) : bundled(backend, activations);
        } catch (IOException e) {
            throw new UncheckedIOException((file != null ? file : BUNDLED) + ": cannot read the model", e);
        }
        if (model.inputSize() != FEATURES) {
            throw new IllegalArgumentException((file != null ? file : BUNDLED) + ": expected a model of " + FEATURES
                    + " inputs (x1,x2,x3), got " + model.inputSize());
        }
        return model;
    }

    /** The bundled model, through a temporary file: model files are read from the file system. */
    private static Mlp bundled(Backend backend, Activations activations) throws IOException {
        Path copy = Files.createTempFile("serve-model", ".safetensors");
        try (InputStream in = ScoringModel.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled model " + BUNDLED + " is missing from the class path");
            }
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return ModelFiles.load(copy, backend, null, activations);
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                copy.toFile().deleteOnExit(); // still mapped (Windows): goes when the JVM ends
            }
        }
    }
}
