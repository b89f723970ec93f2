package org.neurite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.Parameter;
import org.neurite.core.Standardization;
import org.neurite.io.safetensors.ModelFormatException;
import org.neurite.io.safetensors.SafetensorsDType;
import org.neurite.io.safetensors.SafetensorsFile;
import org.neurite.io.safetensors.SafetensorsWriter;

/**
 * PyTorch state_dicts both ways, against the files and predictions of {@code pytorch/generate_pytorch.py}
 * (torch 1.13); {@link #exportsWhatTorchLoads} writes the files that its {@code --check-export} mode loads
 * into torch ({@code -Dneurite.pytorch.export=DIR}; a temporary folder otherwise).
 */
class PytorchStateDictTest {

    private static final String[] FILES = {"tanh_prelu_f32.safetensors", "tanh_prelu_f64.safetensors",
        "relu_sigmoid_f32.safetensors", "relu_sigmoid_f64.safetensors"};

    @TempDir
    Path dir;

    static Stream<String> files() {
        return Stream.of(FILES);
    }

    /** The architecture of a fixture file, by its name: {@code tanh_prelu_f32} and so on. */
    private static MlpBuilder architecture(String file) {
        DType dtype = file.contains("_f32") ? DType.FLOAT32 : DType.FLOAT64;
        MlpBuilder b = Mlp.builder().dtype(dtype).seed(3);
        return file.startsWith("tanh_prelu")
                ? b.input(4).dense(8, "tanh").dense(6, "prelu").dense(3, "linear")
                : b.input(3).dense(5, "relu").dense(1, "sigmoid");
    }

    private static double tolerance(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-6 : 1e-12;
    }

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        if (!Files.exists(p)) {
            try (InputStream in = PytorchStateDictTest.class.getResourceAsStream("pytorch/" + name)) {
                Files.copy(in, p);
            }
        }
        return p;
    }

    /** One line of a predictions file: {@code FILE INPUTS OUTPUTS}, the numbers comma-separated. */
    record Sample(String file, double[] x, double[] y) {
        static Sample parse(String line) {
            String[] f = line.split(" ");
            return new Sample(f[0], numbers(f[1]), numbers(f[2]));
        }

        private static double[] numbers(String s) {
            String[] parts = s.split(",");
            double[] v = new double[parts.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(parts[i]);
            }
            return v;
        }

        String line() {
            return file + " " + text(x) + " " + text(y);
        }

        private static String text(double[] v) {
            StringBuilder b = new StringBuilder();
            for (double d : v) {
                b.append(b.length() == 0 ? "" : ",").append(d);
            }
            return b.toString();
        }
    }

    private List<Sample> torchSamples(String file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(resource("torch_predictions.txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && line.startsWith(file + " ")) {
                samples.add(Sample.parse(line));
            }
        }
        return samples;
    }

    /** The model's predictions, computed in its own dtype (a float32 model from float inputs). */
    private static double[][] predict(Mlp model, double[][] x) {
        if (model.dtype() == DType.FLOAT64) {
            return model.predict(x);
        }
        float[][] xf = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            xf[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                xf[i][j] = (float) x[i][j];
            }
        }
        float[][] yf = model.predict(xf);
        double[][] y = new double[yf.length][];
        for (int i = 0; i < yf.length; i++) {
            y[i] = new double[yf[i].length];
            for (int j = 0; j < yf[i].length; j++) {
                y[i][j] = yf[i][j];
            }
        }
        return y;
    }

    /**
     * The largest relative error of {@code model}'s predictions against the samples' outputs, each sample's
     * as a vector: {@code max |y - want| / max |want|} (the maximum norm's).
     */
    private static double worstRelativeError(Mlp model, List<Sample> samples) {
        double[][] y = predict(model, samples.stream().map(Sample::x).toArray(double[][]::new));
        double worst = 0;
        for (int i = 0; i < samples.size(); i++) {
            double[] want = samples.get(i).y();
            assertEquals(want.length, y[i].length);
            double error = 0;
            double scale = 0;
            for (int j = 0; j < want.length; j++) {
                error = Math.max(error, Math.abs(y[i][j] - want[j]));
                scale = Math.max(scale, Math.abs(want[j]));
            }
            worst = Math.max(worst, error / scale);
        }
        return worst;
    }

    @ParameterizedTest
    @MethodSource("files")
    void importPredictsWhatTorchPredicts(String file) throws IOException {
        Mlp model = ModelFiles.importPytorch(resource(file), architecture(file));
        List<Sample> samples = torchSamples(file);
        assertTrue(samples.size() >= 7, file + ": " + samples.size() + " samples");
        double worst = worstRelativeError(model, samples);
        System.out.printf("%s: %d predictions, max relative error against torch %.3g%n", file, samples.size(),
                worst);
        assertTrue(worst <= tolerance(model.dtype()), file + ": " + worst);
    }

    @Test
    void eachFileLoadsIntoTheOtherDtype() throws IOException {
        // F32 values widen exactly into float64, so torch's float32 predictions hold to float32's tolerance;
        // F64 values round into float32: each weight moves by at most half an ulp of float32.
        Mlp wide = ModelFiles.importPytorch(resource(FILES[0]), architecture(FILES[0]).dtype(DType.FLOAT64));
        double wideError = worstRelativeError(wide, torchSamples(FILES[0]));
        Mlp narrow = ModelFiles.importPytorch(resource(FILES[1]), architecture(FILES[1]).dtype(DType.FLOAT32));
        double narrowError = worstRelativeError(narrow, torchSamples(FILES[1]));
        System.out.printf("F32 into float64: %.3g; F64 into float32: %.3g%n", wideError, narrowError);
        assertTrue(wideError <= 1e-6, "F32 into float64: " + wideError);
        assertTrue(narrowError <= 1e-6, "F64 into float32: " + narrowError);
    }

    @ParameterizedTest
    @ValueSource(strings = {"F16", "BF16"})
    void halfPrecisionTensorsLoadExactly(String name) throws IOException {
        SafetensorsDType dtype = SafetensorsDType.valueOf(name);
        Mlp torch = ModelFiles.importPytorch(resource(FILES[3]), architecture(FILES[3]));
        // Values that F16 (11 significant bits, steps of 1/256 below 8) and BF16 (the top 16 bits of a float)
        // hold exactly, so that the import must give them bit for bit.
        SafetensorsWriter.Builder w = SafetensorsWriter.builder();
        Map<String, double[]> written = new LinkedHashMap<>();
        PytorchStateDicts.stateDict(torch).forEach((key, p) -> {
            double[] v = values(p);
            for (int i = 0; i < v.length; i++) {
                v[i] = dtype == SafetensorsDType.F16 ? Math.round(v[i] * 256) / 256.0
                        : Float.intBitsToFloat(Float.floatToRawIntBits((float) v[i]) & 0xFFFF0000);
            }
            w.tensor(key, dtype, ModelFiles.fileShape(p.name(), p.tensor()), v);
            written.put(p.name(), v);
        });
        Path file = dir.resolve(name + ".safetensors");
        w.write(file);
        for (DType into : DType.values()) {
            Mlp model = ModelFiles.importPytorch(file, architecture(FILES[3]).dtype(into));
            for (Parameter p : model.parameters()) {
                assertArrayEquals(written.get(p.name()), values(p), p.name() + " into " + into);
            }
        }
    }

    private static double[] values(Parameter p) {
        double[] v = new double[(int) p.size()];
        p.tensor().copyTo(v);
        return v;
    }

    @ParameterizedTest
    @MethodSource("files")
    void exportThenImportIsBitIdentical(String file) throws IOException {
        Mlp model = ModelFiles.importPytorch(resource(file), architecture(file));
        Path out = dir.resolve("exported-" + file);
        ModelFiles.exportPytorch(model, out);
        try (SafetensorsFile st = SafetensorsFile.open(out)) {
            assertEquals(Map.of("format", "pt"), st.metadata());
        }
        // Byte for byte what generate_pytorch.py wrote from torch's state_dict: names, dtypes, shapes, order.
        assertArrayEquals(Files.readAllBytes(resource(file)), Files.readAllBytes(out), "the bytes torch's file has");
        Mlp again = ModelFiles.importPytorch(out, architecture(file));
        for (int i = 0; i < model.parameters().size(); i++) {
            Parameter p = model.parameters().get(i);
            double[] v = values(again.parameters().get(i));
            double[] want = values(p);
            for (int j = 0; j < want.length; j++) {
                assertEquals(Double.doubleToRawLongBits(want[j]), Double.doubleToRawLongBits(v[j]), p.name());
            }
        }
    }

    /**
     * Models made by Neurite (seeded weights, a PReLU alpha of 0.1 rather than the default) exported with
     * their predictions, for {@code generate_pytorch.py --check-export DIR} to load into torch.
     */
    @Test
    void exportsWhatTorchLoads() throws IOException {
        String property = System.getProperty("neurite.pytorch.export");
        Path out = property != null && !property.isBlank() ? Files.createDirectories(Path.of(property)) : dir;
        double[][] x = {{0.5, -1.25, 2.0, 0.1}, {-3.0, 0.75, 0.0, 1.5}, {1e-3, 4.0, -2.5, -0.6}};
        List<String> lines = new ArrayList<>(List.of("# PytorchStateDictTest: FILE INPUTS Neurite's predictions"));
        for (String file : FILES) {
            DType dtype = file.contains("_f32") ? DType.FLOAT32 : DType.FLOAT64;
            MlpBuilder arch = file.startsWith("tanh_prelu")
                    ? Mlp.builder().input(4).dense(8, "tanh").dense(6, "prelu(alpha=0.1)").dense(3, "linear")
                    : Mlp.builder().input(3).dense(5, "relu").dense(1, "sigmoid");
            Mlp model = arch.dtype(dtype).seed(11).build();
            ModelFiles.exportPytorch(model, out.resolve(file));
            double[][] in = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                in[i] = java.util.Arrays.copyOf(x[i], model.inputSize());
            }
            double[][] y = predict(model, in);
            for (int i = 0; i < in.length; i++) {
                lines.add(new Sample(file, in[i], y[i]).line());
            }
            assertArrayEquals(y, predict(ModelFiles.importPytorch(out.resolve(file), architecture(file)), in), file);
        }
        Files.write(out.resolve("java_predictions.txt"), lines, StandardCharsets.UTF_8);
    }

    // ---- every way a file can fail to fit the architecture ----

    private void assertRule(String rule, Path file, MlpBuilder architecture, String tensor, String... inMessage) {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.importPytorch(file, architecture), rule);
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals(file.toString(), e.file());
        assertEquals(tensor, e.tensor(), e.getMessage());
        for (String s : inMessage) {
            assertTrue(e.getMessage().contains(s), e.getMessage());
        }
    }

    @Test
    void aWrongArchitectureNamesTheTensorAndTheRule() throws IOException {
        Path f = resource(FILES[1]);
        MlpBuilder missingLayer = Mlp.builder().input(4).dense(8, "tanh").dense(6, "prelu");
        assertRule("unexpected-tensor", f, missingLayer, "4.bias",
                "expected only the tensors the architecture implies [0.weight, 0.bias, 2.weight, 2.bias, 3.weight]",
                "got '4.bias'");
        MlpBuilder extraLayer = architecture(FILES[1]).dense(2, "relu");
        assertRule("missing-tensor", f, extraLayer, "5.weight", "tensor '5.weight': missing-tensor: expected the "
                + "tensor the architecture implies, got none; the file has ['0.bias', '0.weight', '2.bias', "
                + "'2.weight', '3.weight', '4.bias', '4.weight']");
        MlpBuilder wrongWidth = Mlp.builder().input(4).dense(8, "tanh").dense(7, "prelu").dense(3, "linear");
        assertRule("tensor-shape", f, wrongWidth, "2.weight", "expected [7, 8], got [6, 8]");
        MlpBuilder wrongInputs = Mlp.builder().input(5).dense(8, "tanh").dense(6, "prelu").dense(3, "linear");
        assertRule("tensor-shape", f, wrongInputs, "0.weight", "expected [8, 5], got [8, 4]");
        // ReLU has no tensor where PReLU has its alpha: the file's 3.weight is one too many.
        MlpBuilder wrongActivation = Mlp.builder().input(4).dense(8, "tanh").dense(6, "relu").dense(3, "linear");
        assertRule("unexpected-tensor", f, wrongActivation, "3.weight", "got '3.weight'");
    }

    @Test
    void anExtraKeyIsAnError() throws IOException {
        Path f = dir.resolve("extra.safetensors");
        SafetensorsWriter.Builder w = SafetensorsWriter.builder().metadata("format", "pt");
        PytorchStateDicts.stateDict(architecture(FILES[3]).build()).forEach((key, p) -> ModelFiles.tensor(w, key, p));
        w.tensor("4.weight", SafetensorsDType.F64, new long[] {1}, new double[] {0.25}).write(f);
        assertRule("unexpected-tensor", f, architecture(FILES[3]), "4.weight",
                "[0.weight, 0.bias, 2.weight, 2.bias]");
    }

    @Test
    void anIntegerTensorIsAnError() throws IOException {
        // Written by hand: Neurite's writer writes only floating-point tensors.
        String header = "{\"0.weight\":{\"dtype\":\"I32\",\"shape\":[5,3],\"data_offsets\":[0,60]}}";
        byte[] json = (header + " ".repeat(-header.length() & 7)).getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + 60).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(json.length).put(json);
        Path f = Files.write(dir.resolve("int.safetensors"), bytes.array());
        assertRule("tensor-dtype", f, architecture(FILES[3]), "0.weight", "expected F16, BF16, F32 or F64, got I32");
    }

    @Test
    void whatAStateDictCannotHoldIsRefused() {
        Mlp standardized = architecture(FILES[3]).build()
                .withStandardization(Standardization.of(new double[] {1, 2, 3}, new double[] {1, 1, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFiles.exportPytorch(standardized, dir.resolve("s.safetensors")));
        assertTrue(e.getMessage().contains("expected no standardization"), e.getMessage());
    }
}
