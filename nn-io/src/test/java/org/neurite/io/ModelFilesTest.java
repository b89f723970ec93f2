package org.neurite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.DType;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;
import org.neurite.api.support.ElementwiseActivation;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.Parameter;
import org.neurite.core.Standardization;
import org.neurite.io.safetensors.ModelFormatException;
import org.neurite.io.safetensors.SafetensorsDType;
import org.neurite.io.safetensors.SafetensorsWriter;

/** Saving and loading whole models: round trips, and every way a model file can be wrong. */
class ModelFilesTest {

    @TempDir
    Path dir;

    static double[] weights(Mlp model) {
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

    private static Mlp model(DType dtype, String activation) {
        return Mlp.builder().dtype(dtype).input(3).dense(4, activation).dense(2, "linear").seed(7).build();
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyActivationRoundTripsBitForBitWithStandardizationAndClasses(DType dtype) throws IOException {
        Standardization s = Standardization.of(new double[] {1, -2, 0.5}, new double[] {2, 0.25, 3});
        double[][] x = {{0.3, -1.1, 2.0}, {-4, 0.01, 1e3}};
        for (String name : Activations.discover().names()) {
            Mlp model = model(dtype, name).withStandardization(s).withClassNames(List.of("cat", "dog"));
            Path file = dir.resolve(name + ".safetensors");
            ModelFiles.save(model, file);
            Mlp loaded = ModelFiles.load(file);
            assertEquals(dtype, loaded.dtype(), name);
            assertArrayEquals(weights(model), weights(loaded), name + ": weights");
            assertEquals(model.layers().get(0).activation().spec(), loaded.layers().get(0).activation().spec());
            assertEquals(model.standardization(), loaded.standardization(), name);
            assertEquals(model.classNames(), loaded.classNames(), name);
            assertArrayEquals(model.predict(x)[1], loaded.predict(x)[1], 0, name + ": predictions");
        }
    }

    @Test
    void aFloat64FileLoadsIntoFloat32AndBack() throws IOException {
        Mlp model = model(DType.FLOAT64, "tanh");
        Path file = dir.resolve("m.safetensors");
        ModelFiles.save(model, file);
        Mlp narrow = ModelFiles.load(file, null, DType.FLOAT32);
        assertEquals(DType.FLOAT32, narrow.dtype());
        double[] w = weights(model);
        double[] n = weights(narrow);
        for (int i = 0; i < w.length; i++) {
            assertEquals((float) w[i], n[i], 0, "rounded once to float");
        }
    }

    @Test
    void halfAndBfloat16TensorsLoadIntoEitherDtype() throws IOException {
        Mlp model = model(DType.FLOAT64, "relu");
        String description = ModelFiles.describe(model).toJson();
        for (SafetensorsDType half : List.of(SafetensorsDType.F16, SafetensorsDType.BF16)) {
            SafetensorsWriter.Builder w = SafetensorsWriter.builder().metadata(ModelFiles.METADATA_KEY, description);
            for (Parameter p : model.parameters()) {
                double[] v = new double[(int) p.size()];
                p.tensor().copyTo(v);
                w.tensor(p.name(), half, p.name().endsWith("weight")
                        ? new long[] {p.tensor().rows(), p.tensor().cols()} : new long[] {p.tensor().cols()}, v);
            }
            Path file = dir.resolve(half + ".safetensors");
            w.write(file);
            double[] wide = weights(ModelFiles.load(file, null, DType.FLOAT64));
            double[] narrow = weights(ModelFiles.load(file, null, DType.FLOAT32));
            double[] exact = weights(model);
            for (int i = 0; i < exact.length; i++) {
                double tolerance = half == SafetensorsDType.F16 ? 1e-3 : 1e-2;
                assertEquals(exact[i], wide[i], tolerance * Math.max(1, Math.abs(exact[i])), half + " weight " + i);
                assertEquals((float) wide[i], narrow[i], 0, "a half value is exact in float32 too");
            }
        }
    }

    /** A user's activation, registered by a provider of the test's own. */
    static final class Cube extends ElementwiseActivation {
        Cube() {
            super("cube");
        }

        @Override
        public double apply(double z) {
            return z * z * z;
        }

        @Override
        public double derivative(double z) {
            return 3 * z * z;
        }
    }

    static final class CubeProvider implements ActivationProvider {
        @Override
        public Collection<ActivationFactory> activations() {
            return List.of(new ActivationFactory() {
                @Override
                public String name() {
                    return "cube";
                }

                @Override
                public Activation create(Map<String, Double> parameters) {
                    return new Cube();
                }
            });
        }
    }

    @Test
    void aUsersActivationLoadsByNameAndAMissingProviderIsNamed() throws IOException {
        List<ActivationProvider> providers = new ArrayList<>(Activations.loadProviders());
        providers.add(new CubeProvider());
        Activations withCube = Activations.of(providers);
        MlpBuilder builder = Mlp.builder().activations(withCube).input(2).dense(3, "cube").dense(1, "sigmoid").seed(3);
        Mlp model = builder.build();
        Path file = dir.resolve("cube.safetensors");
        ModelFiles.save(model, file);
        assertArrayEquals(weights(model), weights(ModelFiles.load(file, null, null, withCube)));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertEquals("unknown-activation", e.rule());
        assertTrue(e.getMessage().contains("unknown name 'cube'; known: "), e.getMessage());
        assertTrue(e.getMessage().contains("is the jar of its ActivationProvider missing from the class path?"),
                e.getMessage());
    }

    @Test
    void preluKeepsItsLearntAlpha() throws IOException {
        Mlp model = model(DType.FLOAT32, "prelu");
        model.parameters().get(2).tensor().set(0, 0, 0.125);
        Path file = dir.resolve("prelu.safetensors");
        ModelFiles.save(model, file);
        Mlp loaded = ModelFiles.load(file);
        assertEquals(0.125, loaded.parameters().get(2).tensor().get(0, 0));
        assertEquals("prelu(alpha=0.125)", loaded.layers().get(0).activation().spec());
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.0.alpha", "layers.1.weight", "layers.1.bias"),
                loaded.parameters().stream().map(Parameter::name).toList());
    }

    // ---- hostile files: each rule of the description and of its agreement with the tensors ----

    private Path file(String description, Map<String, long[]> tensors) throws IOException {
        SafetensorsWriter.Builder w = SafetensorsWriter.builder();
        if (description != null) {
            w.metadata(ModelFiles.METADATA_KEY, description);
        }
        tensors.forEach((name, shape) -> {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            w.tensor(name, SafetensorsDType.F32, shape, new float[(int) n]);
        });
        Path f = Files.createTempFile(dir, "bad", ".safetensors");
        w.write(f);
        return f;
    }

    private static final String GOOD = "{\"format_version\":1,\"inputs\":2,\"dtype\":\"float32\","
            + "\"layers\":[{\"kind\":\"dense\",\"units\":3,\"activation\":\"relu\"}]}";
    private static final Map<String, long[]> GOOD_TENSORS = Map.of("layers.0.weight", new long[] {3, 2},
            "layers.0.bias", new long[] {3});

    private void assertRule(String rule, String description, Map<String, long[]> tensors, String inMessage)
            throws IOException {
        Path f = file(description, tensors);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(f), rule);
        assertEquals(rule, e.rule(), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(inMessage), e.getMessage());
        assertEquals(rule, assertThrows(ModelFormatException.class, () -> ModelFiles.describe(f)).rule());
    }

    @Test
    void theGoodFileLoads() throws IOException {
        Mlp m = ModelFiles.load(file(GOOD, GOOD_TENSORS));
        assertEquals(6 + 3, m.parameterCount());
    }

    @Test
    void everyDescriptionRuleIsItsOwnError() throws IOException {
        assertRule("no-description", null, GOOD_TENSORS, "a 'neurite' entry in __metadata__");
        assertRule("description-not-json", "{\"format_version\":", GOOD_TENSORS, "the model description as JSON");
        assertRule("description-not-object", "[1]", GOOD_TENSORS, "a JSON object");
        assertRule("format-version", GOOD.replace("\"format_version\":1", "\"format_version\":2"), GOOD_TENSORS,
                "expected format_version 1");
        assertRule("description-field", GOOD.replace("\"inputs\":2", "\"inputs\":0"), GOOD_TENSORS, "'inputs'");
        assertRule("description-field", GOOD.replace("\"inputs\":2", "\"inputs\":2,\"extra\":1"), GOOD_TENSORS,
                "'extra'");
        assertRule("description-not-json", GOOD.replace("\"inputs\":2", "\"inputs\":2,\"inputs\":2"), GOOD_TENSORS,
                "Duplicate field 'inputs'");
        assertRule("description-dtype", GOOD.replace("float32", "int8"), GOOD_TENSORS, "got 'int8'");
        assertRule("description-layers", GOOD.replace("[{\"kind\":\"dense\",\"units\":3,\"activation\":\"relu\"}]",
                "[]"), GOOD_TENSORS, "'layers' a non-empty array");
        assertRule("layer-kind", GOOD.replace("\"dense\"", "\"conv\""), GOOD_TENSORS, "got 'conv'");
        assertRule("unknown-activation", GOOD.replace("relu", "rleu"), GOOD_TENSORS, "unknown name 'rleu'");
        assertRule("bad-activation", GOOD.replace("\"relu\"", "\"leaky_relu(alpha=x)\""), GOOD_TENSORS,
                "layer 1's activation spec valid");
        assertRule("standardization", GOOD.replace("}]}", "}],\"standardization\":{\"mean\":[0],\"scale\":[1]}}"),
                GOOD_TENSORS, "an array of 2 numbers");
        assertRule("standardization", GOOD.replace("}]}",
                "}],\"standardization\":{\"mean\":[0,0],\"scale\":[1,0]}}"), GOOD_TENSORS, "scales > 0");
        assertRule("classes", GOOD.replace("}]}", "}],\"classes\":[\"a\"]}"), GOOD_TENSORS,
                "an array of 3 names");
    }

    @Test
    void theTensorsMustBeExactlyTheDescribedParameters() throws IOException {
        assertRule("missing-tensor", GOOD, Map.of("layers.0.weight", new long[] {3, 2}), "tensor 'layers.0.bias'");
        assertRule("tensor-shape", GOOD, Map.of("layers.0.weight", new long[] {2, 3}, "layers.0.bias",
                new long[] {3}), "expected [3, 2], got [2, 3]");
        assertRule("unexpected-tensor", GOOD, Map.of("layers.0.weight", new long[] {3, 2}, "layers.0.bias",
                new long[] {3}, "layers.1.weight", new long[] {1}), "tensor 'layers.1.weight'");
        // A description that claims two billion units is checked against the real (small) tensors first:
        // nothing that size is ever allocated.
        assertRule("tensor-shape", GOOD.replace("\"units\":3", "\"units\":2000000000"), GOOD_TENSORS,
                "expected [2000000000, 2], got [3, 2]");
    }
}
