package org.neurite.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.Standardization;
import org.neurite.io.safetensors.ModelFormatException;
import org.neurite.io.safetensors.SafetensorsDType;
import org.neurite.io.safetensors.SafetensorsWriter;

/**
 * Mutated valid model files: each must load or fail with {@link ModelFormatException}, nothing else, within
 * 1 s, allocating at most 16 × the file's size + 4 MiB (the tensors as float64 from F16 data are 4 × their
 * bytes, the builder's initial weights and the reading arrays as many again, plus the small fixed cost of
 * building a model). The mutations go where the safetensors fuzz test does not: inside Neurite's own
 * description (numbers, names, activation specs, fields, structure) written into a valid container, and
 * tensors dropped, added or reshaped against it; plus bit flips and truncations of whole files.
 *
 * <p>{@code -Dmodelfiles.fuzz.cases=N} (default 20,000; the {@code fuzz} profile runs 1,000,000),
 * {@code -Dmodelfiles.fuzz.seed=S}; case {@code i} uses {@code new Random(S + i)}, and
 * {@code -Dmodelfiles.fuzz.only=i} replays one.
 */
class ModelFilesFuzzTest {

    private static final long MIB = 1 << 20;
    private static final String[] NUMBERS = {"0", "1", "2", "-1", "3", "64", "2147483647", "2147483648",
        "-2147483648", "1e9", "1.5", "1e400", "-0", "NaN", "null", "true", "\"3\"", "[]", "{}", "9223372036854775807"};
    private static final String[] SPECS = {"relu", "prelu", "prelu(alpha=1e308)", "leaky_relu(alpha=nan)",
        "softmax", "log_softmax", "hardtanh(min=2, max=1)", "bent_identity", "", "(", "relu(", "elu(alpha=-1)",
        "swish(beta=1, beta=2)", "celu(alpha=0)", "linear", "gelu_tanh", "x".repeat(300)};
    private static final String[] SNIPPETS = {"{", "}", "[", "]", "\"", ",", ":", " ", "\\", "null",
        "\"classes\":[\"a\",\"b\"],", "\"standardization\":{\"mean\":[0,0,0],\"scale\":[1,1,1]},", "\"extra\":1,",
        "\"layers\":[],", "\"format_version\":1,", "\u00e9"};
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private final List<Seed> seeds = new ArrayList<>();

    /** A valid model: its description, its tensors by name, and the whole file. */
    private record Seed(String json, Map<String, double[]> values, Map<String, long[]> shapes, byte[] file) {
    }

    @Test
    void mutatedModelFilesFailOnlyWithModelFormatException() throws IOException {
        long seed = Long.getLong("modelfiles.fuzz.seed", 0x40de1L);
        int cases = Integer.getInteger("modelfiles.fuzz.cases", 20_000);
        Integer only = Integer.getInteger("modelfiles.fuzz.only");
        makeSeeds();
        Path p = dir.resolve("case.safetensors");
        for (int i = 0; i < 1_000; i++) { // warm up: class loading and compilation are not the files' cost
            run(p, new Random(~seed - i), Long.MAX_VALUE / 64, "warm-up " + i);
        }
        long slowest = 0;
        int loaded = 0;
        for (int i = only != null ? only : 0; i < (only != null ? only + 1 : cases); i++) {
            long[] result = run(p, new Random(seed + i), -1, "seed " + seed + ", case " + i
                    + " (-Dmodelfiles.fuzz.only=" + i + ")");
            slowest = Math.max(slowest, result[0]);
            loaded += (int) result[1];
        }
        System.out.printf("model file fuzz: %d cases (seed %d), %d loaded, slowest %.1f ms%n", cases, seed, loaded,
                slowest / 1e6);
    }

    /** Runs one case; returns {nanos, 1 if it loaded}. */
    private long[] run(Path p, Random r, long fixedBound, String where) throws IOException {
        StringBuilder what = new StringBuilder();
        byte[] bytes = mutate(r, what);
        Files.write(p, bytes);
        long bound = fixedBound > 0 ? fixedBound : 16L * bytes.length + 4 * MIB;
        long before = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        int loaded = 0;
        try {
            Mlp m = ModelFiles.load(p);
            m.predict(new double[m.inputSize()]);
            loaded = 1;
        } catch (ModelFormatException expected) {
            // the one allowed failure
        } catch (Throwable e) {
            throw new AssertionError(where + ": " + what + ": " + e, e);
        }
        long nanos = System.nanoTime() - start;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(nanos < 1_000_000_000L, where + ": " + what + ": took " + nanos / 1e6 + " ms");
        if (allocated > bound) {
            fail(where + ": " + what + ": allocated " + allocated + " bytes, over the bound " + bound);
        }
        return new long[] {nanos, loaded};
    }

    private void makeSeeds() throws IOException {
        Standardization s = Standardization.of(new double[] {1, 2, 3}, new double[] {1, 0.5, 2});
        List<Mlp> models = List.of(
                Mlp.builder().dtype(DType.FLOAT32).input(3).dense(4, "relu").dense(2, "linear").seed(1).build()
                        .withStandardization(s).withClassNames(List.of("a", "b")),
                Mlp.builder().input(3).dense(5, "prelu").dense(3, "softmax").seed(2).build(),
                Mlp.builder().input(3).dense(1, "sigmoid").seed(3).build().withClassNames(List.of("no", "yes")));
        for (Mlp m : models) {
            Path f = dir.resolve("seed.safetensors");
            ModelFiles.save(m, f);
            Map<String, double[]> values = new LinkedHashMap<>();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            for (var param : m.parameters()) {
                double[] v = new double[(int) param.size()];
                param.tensor().copyTo(v);
                values.put(param.name(), v);
                shapes.put(param.name(), ModelFiles.fileShape(param.name(), param.tensor()));
            }
            seeds.add(new Seed(ModelFiles.describe(m).toJson(), values, shapes, Files.readAllBytes(f)));
        }
    }

    private byte[] mutate(Random r, StringBuilder what) throws IOException {
        Seed s = seeds.get(r.nextInt(seeds.size()));
        int kind = r.nextInt(10);
        if (kind == 0) {
            byte[] b = s.file().clone();
            int flips = 1 + r.nextInt(3);
            what.append("flip bits");
            for (int k = 0; k < flips; k++) {
                int at = r.nextInt(b.length);
                b[at] ^= (byte) (1 << r.nextInt(8));
                what.append(' ').append(at);
            }
            return b;
        }
        if (kind == 1) {
            int length = r.nextInt(s.file().length);
            what.append("truncate to ").append(length);
            return java.util.Arrays.copyOf(s.file(), length);
        }
        String json = s.json();
        Map<String, long[]> shapes = new LinkedHashMap<>(s.shapes());
        switch (kind) {
            case 2, 3 -> json = replaceToken(r, json, "-?[0-9][0-9.eE+-]*", NUMBERS, what);
            case 4, 5 -> json = replaceToken(r, json, "\"(relu|prelu|linear|softmax|sigmoid)[^\"]*\"", quoted(SPECS), what);
            case 6 -> {
                int at = r.nextInt(json.length() + 1);
                String snippet = SNIPPETS[r.nextInt(SNIPPETS.length)];
                what.append("insert ").append(snippet).append(" at ").append(at);
                json = json.substring(0, at) + snippet + json.substring(at);
            }
            case 7 -> {
                int at = r.nextInt(json.length());
                int len = 1 + r.nextInt(Math.min(20, json.length() - at));
                what.append("delete ").append(len).append(" at ").append(at);
                json = json.substring(0, at) + json.substring(at + len);
            }
            default -> {
                List<String> names = new ArrayList<>(shapes.keySet());
                String name = names.get(r.nextInt(names.size()));
                int how = r.nextInt(3);
                if (how == 0) {
                    what.append("drop tensor ").append(name);
                    shapes.remove(name);
                } else if (how == 1) {
                    what.append("add tensor layers.9.weight");
                    shapes.put("layers.9.weight", new long[] {2, 2});
                } else {
                    long[] shape = shapes.get(name).clone();
                    shape[r.nextInt(shape.length)] += r.nextBoolean() ? 1 : -1;
                    what.append("reshape ").append(name).append(" to ").append(java.util.Arrays.toString(shape));
                    shapes.put(name, shape);
                }
            }
        }
        return write(json, shapes, s.values(), r.nextBoolean() ? SafetensorsDType.F16 : SafetensorsDType.F64);
    }

    private static String[] quoted(String[] values) {
        return java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").toArray(String[]::new);
    }

    private static String replaceToken(Random r, String json, String regex, String[] choices, StringBuilder what) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(json);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return json;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        String choice = choices[r.nextInt(choices.length)];
        what.append("replace '").append(json, span[0], span[1]).append("' with '").append(choice).append('\'');
        return json.substring(0, span[0]) + choice + json.substring(span[1]);
    }

    private Path scratch;

    private byte[] write(String json, Map<String, long[]> shapes, Map<String, double[]> values, SafetensorsDType dtype)
            throws IOException {
        SafetensorsWriter.Builder w = SafetensorsWriter.builder().metadata(ModelFiles.METADATA_KEY, json);
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long n = 1;
            for (long d : e.getValue()) {
                n *= Math.max(0, d);
            }
            double[] v = values.getOrDefault(e.getKey(), new double[0]);
            w.tensor(e.getKey(), dtype, e.getValue(), java.util.Arrays.copyOf(v, (int) n));
        }
        if (scratch == null) {
            scratch = dir.resolve("built.safetensors");
        }
        w.write(scratch);
        return Files.readAllBytes(scratch);
    }
}
