package org.neurite.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated valid files: each must open and read fully, or fail with {@link ModelFormatException}, nothing else,
 * within 1 s, allocating at most {@link #allocationBound} bytes (4 x the file's size + 1 MiB: the header's copy,
 * what it parses into, and the double[] and float[] the test reads each tensor into).
 *
 * <p>{@code -Dsafetensors.fuzz.cases=N} (default 20,000; the {@code fuzz} profile runs 1,000,000) and
 * {@code -Dsafetensors.fuzz.seed=S}; case {@code i} uses {@code new Random(S + i)}, so a failure, which
 * prints the seed, the case and its mutation, replays alone with {@code -Dsafetensors.fuzz.only=i}.
 */
class SafetensorsFuzzTest {
    private static final long MIB = 1 << 20;
    /** Cases run first, unmeasured for allocation, so that class loading and compilation do not count. */
    private static final int WARM_UP = 2_000;
    private static final String[] DTYPES = {"F32", "F64", "F16", "BF16", "I32", "U8", "BOOL", "I64", "F8_E4M3", "X",
        "", "f32", "F3"};
    private static final String[] NUMBERS = {"0", "1", "2", "-1", "3", "7", "8", "4294967296", "2147483648",
        "9007199254740993", "9223372036854775807", "9223372036854775808", "18446744073709551616", "1e400", "1.5",
        "-0", "00", "99999999999999999999999999999999", "1" + "0".repeat(1200), "100000001", "4611686018427387904"};
    private static final String[] SNIPPETS = {"{", "}", "[", "]", "\"", ",", ":", " ", "\\", "\\u0000", "null",
        "true", "\"__metadata__\":{\"a\":1},", "\"__metadata__\":[],", "\"x\":{},", "[[[[[[[[", "\u00e9", "\ud83d\ude00",
        "\"dtype\":\"F32\",", "\"extra\":0,"};
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private final List<byte[]> seeds = new ArrayList<>();
    private long maxNanos;
    private double maxRatio;
    private long opened;

    @Test
    void mutatedFilesFailOnlyWithModelFormatException() throws IOException {
        long seed = Long.getLong("safetensors.fuzz.seed", 0x5afe7e45L);
        int cases = Integer.getInteger("safetensors.fuzz.cases", 20_000);
        Integer only = Integer.getInteger("safetensors.fuzz.only");
        makeSeeds();
        Path p = dir.resolve("case.safetensors");
        for (int i = 0; i < WARM_UP; i++) { // classes loaded, code compiled: one-time allocations, not the files'
            Random r = new Random(~seed - i);
            StringBuilder what = new StringBuilder("warm-up ");
            byte[] bytes = mutate(r, what);
            Files.write(p, bytes);
            runCase(p, Long.MAX_VALUE / 8, "seed " + seed + ", " + what + " (" + i + ")");
        }
        maxRatio = 0;
        maxNanos = 0;
        opened = 0;
        for (int i = only != null ? only : 0; i < (only != null ? only + 1 : cases); i++) {
            Random r = new Random(seed + i);
            StringBuilder what = new StringBuilder();
            byte[] bytes = mutate(r, what);
            Files.write(p, bytes);
            runCase(p, bytes.length, "seed " + seed + ", case " + i + " (-Dsafetensors.fuzz.only=" + i + "): " + what);
        }
        System.out.printf("safetensors fuzz: %d cases (seed %d), %d opened and read, slowest %.1f ms, "
                + "most allocated %.2f x the bound%n", cases, seed, opened, maxNanos / 1e6, maxRatio);
    }

    private void runCase(Path p, long size, String what) {
        long bound = 4 * size + MIB;
        long before = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            for (TensorInfo t : f.tensors()) {
                if (t.dtype().isDecodable()) {
                    int n = (int) t.elements();
                    f.read(t.name(), new double[n], 0);
                    f.read(t.name(), new float[n], 0);
                }
            }
            opened++;
        } catch (ModelFormatException expected) {
            // the one allowed failure
        } catch (Throwable e) {
            throw new AssertionError(what + ": " + e, e);
        }
        long nanos = System.nanoTime() - start;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        maxNanos = Math.max(maxNanos, nanos);
        maxRatio = Math.max(maxRatio, (double) allocated / bound);
        assertTrue(nanos < 1_000_000_000L, what + ": took " + nanos / 1e6 + " ms");
        if (allocated > bound) {
            fail(what + ": allocated " + allocated + " bytes, over the bound " + bound);
        }
    }

    private void makeSeeds() throws IOException {
        for (String name : new String[] {"mixed.safetensors", "f16.safetensors", "f64.safetensors"}) {
            try (InputStream in = SafetensorsFuzzTest.class.getResourceAsStream(name)) {
                seeds.add(in.readAllBytes());
            }
        }
        Path p = dir.resolve("seed.safetensors");
        SafetensorsWriter.builder().metadata("a", "b").tensor("w", SafetensorsDType.F32, new long[] {3, 2},
                new double[] {1, 2, 3, 4, 5, 6}).tensor("e", SafetensorsDType.BF16, new long[] {0, 4}, new double[0])
                .tensor("s", SafetensorsDType.F16, new long[0], new double[] {0.5}).write(p);
        seeds.add(Files.readAllBytes(p));
        seeds.add(Bytes.file("{\"i\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"u\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[8,11]},"
                + "\"f\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[11,15]}}   ", 15));
    }

    private byte[] mutate(Random r, StringBuilder what) {
        byte[] base = seeds.get(r.nextInt(seeds.size()));
        int n = headerLength(base);
        byte[] b = base.clone();
        int kind = r.nextInt(8);
        switch (kind) {
            case 0 -> {
                int flips = 1 + r.nextInt(4);
                what.append("flip bits");
                for (int k = 0; k < flips; k++) {
                    int at = r.nextInt(b.length);
                    int bit = r.nextInt(8);
                    b[at] ^= (byte) (1 << bit);
                    what.append(' ').append(at).append('.').append(bit);
                }
            }
            case 1 -> {
                int at = 8 + r.nextInt(n);
                byte v = (byte) ("{}[]\",: 0-9e.\\".charAt(r.nextInt(14)) + (r.nextInt(4) == 0 ? r.nextInt(256) : 0));
                what.append("overwrite header byte ").append(at).append(" with 0x").append(Integer.toHexString(v & 0xff));
                b[at] = v;
            }
            case 2 -> {
                int len = r.nextInt(b.length);
                what.append("truncate to ").append(len);
                b = java.util.Arrays.copyOf(b, len);
            }
            case 3 -> {
                int extra = 1 + r.nextInt(64);
                what.append("append ").append(extra).append(" bytes");
                byte[] tail = new byte[extra];
                r.nextBytes(tail);
                b = concat(b, tail);
            }
            case 4 -> {
                long[] lengths = {0, n - 1, n + 1, n - 8, n + 8, b.length, b.length - 8, 100_000_000, 100_000_001,
                    Long.MIN_VALUE, -1, Integer.MAX_VALUE, r.nextInt(b.length + 16)};
                long len = lengths[r.nextInt(lengths.length)];
                what.append("length field ").append(Long.toUnsignedString(len));
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, len);
            }
            case 5 -> {
                byte[] other = seeds.get(r.nextInt(seeds.size()));
                int m = headerLength(other);
                String a = header(b, n);
                String c = header(other, m);
                int cut = r.nextInt(a.length() + 1);
                String spliced = r.nextBoolean() ? a.substring(0, cut) + c.substring(Math.min(cut, c.length())) : a;
                byte[] data = r.nextBoolean() ? data(other, m) : data(b, n);
                what.append("splice at ").append(cut).append(" with data of ").append(data.length);
                b = rebuild(r, spliced, data, what);
            }
            default -> {
                String json = rewrite(r, header(b, n), what);
                b = rebuild(r, json, data(b, n), what);
            }
        }
        return b;
    }

    /** Rewrites the JSON: a dtype, a number, a duplicated or dropped entry, or an inserted snippet. */
    private static String rewrite(Random r, String json, StringBuilder what) {
        int choice = r.nextInt(5);
        if (choice == 0 && json.contains("\"dtype\":\"")) {
            String dtype = DTYPES[r.nextInt(DTYPES.length)];
            what.append("dtype -> ").append(dtype);
            return replaceNth(json, "\"dtype\":\"[A-Z0-9_]*\"", "\"dtype\":\"" + dtype + "\"", r);
        }
        if (choice == 1) {
            String number = NUMBERS[r.nextInt(NUMBERS.length)];
            what.append("number -> ").append(number.length() > 40 ? number.length() + " digits" : number);
            return replaceNth(json, "(?<=[\\[,])-?[0-9]+(?=[\\],])", number, r);
        }
        java.util.regex.Matcher entry = java.util.regex.Pattern.compile("\"[^\"]*\":\\{[^{}]*\\}").matcher(json);
        List<int[]> entries = new ArrayList<>();
        while (entry.find()) {
            entries.add(new int[] {entry.start(), entry.end()});
        }
        if (choice == 2 && !entries.isEmpty()) {
            int[] e = entries.get(r.nextInt(entries.size()));
            what.append("duplicate entry at ").append(e[0]);
            return json.substring(0, e[1]) + "," + json.substring(e[0], e[1]) + json.substring(e[1]);
        }
        if (choice == 3 && !entries.isEmpty()) {
            int[] e = entries.get(r.nextInt(entries.size()));
            what.append("drop entry at ").append(e[0]);
            String rest = json.substring(e[1]).startsWith(",") ? json.substring(e[1] + 1) : json.substring(e[1]);
            return json.substring(0, e[0]) + rest;
        }
        String snippet = SNIPPETS[r.nextInt(SNIPPETS.length)];
        int at = 1 + r.nextInt(Math.max(1, json.length() - 1));
        what.append("insert ").append(snippet).append(" at ").append(at);
        return json.substring(0, Math.min(at, json.length())) + snippet + json.substring(Math.min(at, json.length()));
    }

    private static String replaceNth(String s, String regex, String replacement, Random r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(s);
        List<int[]> hits = new ArrayList<>();
        while (m.find()) {
            hits.add(new int[] {m.start(), m.end()});
        }
        if (hits.isEmpty()) {
            return s;
        }
        int[] h = hits.get(r.nextInt(hits.size()));
        return s.substring(0, h[0]) + replacement + s.substring(h[1]);
    }

    /** The file with {@code json} as header: the length field true (usually) or off by a little, padded or not. */
    private static byte[] rebuild(Random r, String json, byte[] data, StringBuilder what) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        if (r.nextBoolean()) {
            header = concat(header, " ".repeat(-header.length & 7).getBytes(StandardCharsets.US_ASCII));
        }
        long length = r.nextInt(8) == 0 ? header.length + r.nextInt(5) - 2 : header.length;
        what.append(", length field ").append(length);
        return Bytes.file(length, header, data);
    }

    private static int headerLength(byte[] file) {
        return (int) ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    private static String header(byte[] file, int n) {
        return new String(file, 8, n, StandardCharsets.UTF_8);
    }

    private static byte[] data(byte[] file, int n) {
        return java.util.Arrays.copyOfRange(file, 8 + n, file.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
