package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.Standardization;
import org.neurite.io.ModelFiles;

/**
 * A model file round trip is bit-identical on every backend and dtype, for every activation of the
 * catalogue, and a file saved on one backend loads on the other with the same weights.
 */
class ModelFileRoundTripTest {

    @TempDir
    Path dir;

    private static double[] weights(Mlp model) {
        List<Double> all = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            double[] v = new double[(int) p.size()];
            p.tensor().copyTo(v);
            for (double x : v) {
                all.add(x);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @ParameterizedTest(name = "saved on {0}, loaded on {1}, {2}")
    @CsvSource({"ejml, ejml, FLOAT64", "ejml, ejml, FLOAT32", "nd4j, nd4j, FLOAT64", "nd4j, nd4j, FLOAT32",
        "ejml, nd4j, FLOAT64", "nd4j, ejml, FLOAT32"})
    void everyActivationRoundTripsBitForBit(String from, String to, DType dtype) throws IOException {
        Backend saving = Backends.get(from);
        Backend loading = Backends.get(to);
        Standardization s = Standardization.of(new double[] {0.5, -1, 2}, new double[] {1.5, 2, 0.5});
        double[][] x = {{0.1, 0.2, 0.3}, {-3, 4, 0.25}};
        for (String name : Activations.discover().names()) {
            Mlp model = Mlp.builder().backend(saving).dtype(dtype).input(3).dense(5, name).dense(2, "linear")
                    .seed(11).build().withStandardization(s).withClassNames(List.of("a", "b"));
            Path file = dir.resolve(from + "-" + name + ".safetensors");
            ModelFiles.save(model, file);
            Mlp loaded = ModelFiles.load(file, loading, null);
            assertEquals(to, loaded.backend().name());
            assertArrayEquals(weights(model), weights(loaded), name);
            assertEquals(model.classNames(), loaded.classNames(), name);
            assertEquals(model.standardization(), loaded.standardization(), name);
            if (from.equals(to)) {
                assertArrayEquals(model.predict(x)[1], loaded.predict(x)[1], 0, name + ": the same outputs");
            }
        }
    }
}
