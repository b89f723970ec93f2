package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.examples.embed.ScoringModel;

/** The bundled serve-example model is what {@link ServeModelTraining} trains, bit for bit. */
class ServeModelTrainingTest {

    /** Trains the serve-example model into {@code model}, as {@link ServeModelTraining#main} does. */
    static void trainInto(Path model) throws Exception {
        Path data = model.resolveSibling("serve-train.csv");
        ServeModelTraining.writeData(data);
        Object[] r = NeuriteCliTest.run(ServeModelTraining.trainArguments(data, model).toArray(String[]::new));
        assertEquals(0, r[0], (String) r[2]);
    }

    @Test
    void theBundledModelIsTheOneTheCommittedCommandTrains(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("serve-model.safetensors");
        trainInto(model);
        try (InputStream bundled = ScoringModel.class.getResourceAsStream(ScoringModel.BUNDLED)) {
            assertArrayEquals(bundled.readAllBytes(), Files.readAllBytes(model),
                    "the bundled model differs from a fresh run: rerun ServeModelTraining (see README)");
        }
    }
}
