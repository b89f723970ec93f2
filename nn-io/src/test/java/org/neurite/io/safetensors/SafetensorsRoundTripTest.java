package org.neurite.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing then reading every writable dtype, from doubles and from floats, scalars and empty shapes included. */
class SafetensorsRoundTripTest {
    private static final SafetensorsDType[] WRITABLE = {SafetensorsDType.F16, SafetensorsDType.BF16,
        SafetensorsDType.F32, SafetensorsDType.F64};
    private static final long[][] SHAPES = {{}, {0}, {3, 0, 2}, {1}, {7}, {2, 3}, {2, 3, 4}};

    @TempDir
    Path dir;

    @Test
    void everyDtypeAndShapeRoundTrips() throws IOException {
        Random random = new Random(7);
        SafetensorsWriter.Builder b = SafetensorsWriter.builder().metadata("format", "pt").metadata("k", "");
        Map<String, double[]> written = new java.util.HashMap<>();
        for (SafetensorsDType dtype : WRITABLE) {
            for (int s = 0; s < SHAPES.length; s++) {
                int n = (int) new TensorInfo("x", dtype, SHAPES[s], 0, 0).elements();
                double[] d = random.doubles(n, -1e4, 1e4).toArray();
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) random.nextGaussian();
                }
                b.tensor(dtype + "_d" + s, dtype, SHAPES[s], d).tensor(dtype + "_f" + s, dtype, SHAPES[s], f);
                written.put(dtype + "_d" + s, d);
                double[] fd = new double[n];
                for (int i = 0; i < n; i++) {
                    fd[i] = f[i];
                }
                written.put(dtype + "_f" + s, fd);
            }
        }
        Path p = dir.resolve("all.safetensors");
        b.write(p);
        for (int chunk : new int[] {MappedData.DEFAULT_CHUNK, 24, 9}) {
            try (SafetensorsFile file = SafetensorsFile.open(p, chunk)) {
                assertEquals(Map.of("format", "pt", "k", ""), file.metadata());
                assertEquals(written.size(), file.tensors().size());
                for (TensorInfo t : file.tensors()) {
                    double[] expected = written.get(t.name());
                    double[] got = new double[expected.length];
                    file.read(t.name(), got, 0);
                    float[] gotFloats = new float[expected.length];
                    file.read(t.name(), gotFloats, 0);
                    for (int i = 0; i < expected.length; i++) {
                        double want = switch (t.dtype()) {
                            case F16 -> Floats.halfToDouble(Floats.doubleToHalf(expected[i]));
                            case BF16 -> Floats.floatBitsToDouble(Floats.doubleToBf16(expected[i]) << 16);
                            case F32 -> (float) expected[i];
                            default -> expected[i];
                        };
                        assertEquals(want, got[i], t.name() + "[" + i + "]");
                        assertEquals((float) want, gotFloats[i], t.name() + "[" + i + "]");
                        if (t.dtype() == SafetensorsDType.F16) {
                            assertEquals(expected[i], got[i], Math.abs(expected[i]) * 0x1p-11, "F16 within half an ulp");
                        }
                    }
                }
            }
        }
    }

    @Test
    void tensorsAreLaidOutByAlignmentThenName() throws IOException {
        Path p = dir.resolve("order.safetensors");
        SafetensorsWriter.builder().tensor("b", SafetensorsDType.F16, new long[] {1}, new double[] {1})
                .tensor("a", SafetensorsDType.F16, new long[] {1}, new double[] {1})
                .tensor("z", SafetensorsDType.F64, new long[] {1}, new double[] {1})
                .tensor("y", SafetensorsDType.BF16, new long[] {1}, new double[] {1})
                .tensor("x", SafetensorsDType.F32, new long[] {1}, new double[] {1}).write(p);
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            assertEquals(List.of("z", "x", "y", "a", "b"), f.tensors().stream().map(TensorInfo::name).toList());
            assertEquals(List.of(0L, 8L, 12L, 14L, 16L), f.tensors().stream().map(TensorInfo::begin).toList());
        }
        assertEquals(0, (java.nio.file.Files.size(p) - 8 - 18) % 8, "header padded to a multiple of 8");
    }

    @Test
    void builderRejectsWhatNoReaderWouldAccept() {
        SafetensorsWriter.Builder b = SafetensorsWriter.builder().tensor("w", SafetensorsDType.F32, new long[] {2},
                new double[2]);
        assertMessage("safetensors writer: tensor 'w': expected a non-empty name other than __metadata__ and the"
                + " tensors' already added, got 'w'", () -> b.tensor("w", SafetensorsDType.F32, new long[] {1}, new double[1]));
        assertMessage("safetensors writer: tensor '': expected a non-empty name other than __metadata__ and the"
                + " tensors' already added, got ''", () -> b.tensor("", SafetensorsDType.F32, new long[] {1}, new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> b.tensor("__metadata__", SafetensorsDType.F32, new long[] {1}, new double[1]));
        assertMessage("safetensors writer: tensor 'i': expected dtype F16, BF16, F32 or F64, got I32",
                () -> b.tensor("i", SafetensorsDType.I32, new long[] {1}, new double[1]));
        assertMessage("safetensors writer: tensor 's': expected shape [2, 3]'s product of values, got 5 values",
                () -> b.tensor("s", SafetensorsDType.F32, new long[] {2, 3}, new double[5]));
        assertMessage("safetensors writer: tensor 'n': expected dimensions >= 0, got [-1]",
                () -> b.tensor("n", SafetensorsDType.F32, new long[] {-1}, new double[0]));
        assertMessage("safetensors writer: tensor 'o': expected a shape whose size in bytes fits in a long, got"
                + " [4294967296, 4294967296, 0]",
                () -> b.tensor("o", SafetensorsDType.F32, new long[] {1L << 32, 1L << 32, 0}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> b.metadata("k", "\ud800"));
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void aMisalignedTensorReadsAcrossChunks() throws IOException {
        // A 1-byte tensor first puts the F64 tensor at odd offsets, so with 5-byte chunks its elements straddle them.
        String json = "{\"u\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},"
                + "\"d\":{\"dtype\":\"F64\",\"shape\":[3],\"data_offsets\":[1,25]}}";
        byte[] data = java.nio.ByteBuffer.allocate(25).order(java.nio.ByteOrder.LITTLE_ENDIAN).put((byte) 9)
                .putDouble(1.5).putDouble(-2.25).putDouble(Math.PI).array();
        byte[] header = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path p = Bytes.write(dir, "odd.safetensors", Bytes.file(header.length, header, data));
        for (int chunk : new int[] {5, 8, 1 << 20}) {
            try (SafetensorsFile f = SafetensorsFile.open(p, chunk)) {
                double[] d = new double[3];
                f.read("d", d, 0);
                assertArrayEquals(new double[] {1.5, -2.25, Math.PI}, d, "chunk " + chunk);
            }
        }
    }
}
