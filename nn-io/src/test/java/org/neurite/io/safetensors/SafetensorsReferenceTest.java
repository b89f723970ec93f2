package org.neurite.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files that {@code make_reference_files.py} (an independent writer, from the specification) made: the
 * reader decodes them bit for bit as numpy does, and the writer, given the same content, writes them byte for
 * byte.
 */
class SafetensorsReferenceTest {
    private static final List<String> FILES = List.of("f16.safetensors", "bf16.safetensors", "f32.safetensors",
            "f64.safetensors", "mixed.safetensors");

    @TempDir
    Path dir;

    /** A tensor line of expected.txt. */
    private record Expected(String name, SafetensorsDType dtype, long[] shape, long[] doubles, int[] floats) {
    }

    @Test
    void readerDecodesTheReferenceFilesBitExactly() throws IOException {
        Map<String, List<Expected>> tensors = new TreeMap<>();
        Map<String, Map<String, String>> metadata = new TreeMap<>();
        expected(tensors, metadata);
        assertEquals(FILES.size(), tensors.size());
        for (String file : FILES) {
            try (SafetensorsFile f = SafetensorsFile.open(copy(file))) {
                assertEquals(tensors.get(file).stream().map(Expected::name).toList(),
                        f.tensors().stream().map(TensorInfo::name).toList(), file);
                assertEquals(metadata.getOrDefault(file, Map.of()), f.metadata(), file);
                for (Expected e : tensors.get(file)) {
                    TensorInfo t = f.tensor(e.name);
                    assertEquals(e.dtype, t.dtype());
                    assertArrayEquals(e.shape, t.shape());
                    double[] d = new double[e.doubles.length];
                    f.read(e.name, d, 0);
                    float[] s = new float[e.floats.length];
                    f.read(e.name, s, 0);
                    for (int i = 0; i < d.length; i++) {
                        assertEquals(Long.toHexString(e.doubles[i]), Long.toHexString(Double.doubleToRawLongBits(d[i])),
                                file + " " + e.name + "[" + i + "] as double");
                        assertEquals(Integer.toHexString(e.floats[i]), Integer.toHexString(Float.floatToRawIntBits(s[i])),
                                file + " " + e.name + "[" + i + "] as float");
                    }
                }
            }
        }
    }

    @Test
    void writerWritesTheReferenceFilesByteForByte() throws IOException {
        Map<String, List<Expected>> tensors = new TreeMap<>();
        Map<String, Map<String, String>> metadata = new TreeMap<>();
        expected(tensors, metadata);
        for (String file : FILES) {
            SafetensorsWriter.Builder b = SafetensorsWriter.builder();
            metadata.getOrDefault(file, Map.of()).forEach(b::metadata);
            for (Expected e : tensors.get(file)) {
                double[] values = new double[e.doubles.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.longBitsToDouble(e.doubles[i]);
                }
                if (e.dtype == SafetensorsDType.F32) { // the float[] overload, for F32 exactly what is stored
                    float[] floats = new float[e.floats.length];
                    for (int i = 0; i < floats.length; i++) {
                        floats[i] = Float.intBitsToFloat(e.floats[i]);
                    }
                    b.tensor(e.name, e.dtype, e.shape, floats);
                } else {
                    b.tensor(e.name, e.dtype, e.shape, values);
                }
            }
            Path out = dir.resolve("java-" + file);
            b.write(out);
            assertArrayEquals(Files.readAllBytes(copy(file)), Files.readAllBytes(out), file);
        }
    }

    private Path copy(String resource) throws IOException {
        Path p = dir.resolve(resource);
        if (!Files.exists(p)) {
            try (InputStream in = SafetensorsReferenceTest.class.getResourceAsStream(resource)) {
                Files.copy(in, p);
            }
        }
        return p;
    }

    private void expected(Map<String, List<Expected>> tensors, Map<String, Map<String, String>> metadata)
            throws IOException {
        HexFormat hex = HexFormat.of();
        for (String line : Files.readAllLines(copy("expected.txt"), StandardCharsets.US_ASCII)) {
            String[] f = line.split(" ", -1);
            String name = new String(hex.parseHex(f[2]), StandardCharsets.UTF_8);
            if (f[0].equals("meta")) {
                metadata.computeIfAbsent(f[1], k -> new LinkedHashMap<>())
                        .put(name, new String(hex.parseHex(f[3]), StandardCharsets.UTF_8));
                continue;
            }
            long[] shape = f[4].equals("-") ? new long[0]
                    : java.util.Arrays.stream(f[4].split("x")).mapToLong(Long::parseLong).toArray();
            List<Long> d = new ArrayList<>();
            for (String v : f[5].substring(2).split(",", -1)) {
                if (!v.isEmpty()) {
                    d.add(Long.parseUnsignedLong(v, 16));
                }
            }
            List<Integer> s = new ArrayList<>();
            for (String v : f[6].substring(2).split(",", -1)) {
                if (!v.isEmpty()) {
                    s.add(Integer.parseUnsignedInt(v, 16));
                }
            }
            tensors.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new Expected(name, SafetensorsDType.valueOf(f[3]),
                    shape, d.stream().mapToLong(Long::longValue).toArray(), s.stream().mapToInt(Integer::intValue).toArray()));
        }
    }
}
