package org.neurite.io.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.neurite.api.Stability;

/**
 * Writes safetensors files laid out byte for byte as the reference writer ({@code huggingface/safetensors})
 * lays them out: the tensors ordered by dtype alignment, largest first ({@link SafetensorsDType}'s order,
 * reversed), then by name (in code point order, as Rust compares strings); their data back to back from offset
 * 0; the header compact JSON with {@code __metadata__} first (its keys in code point order: the reference
 * keeps a hash map's order), padded with spaces to a multiple of 8 bytes.
 *
 * <pre>{@code
 * SafetensorsWriter.builder()
 *         .metadata("format", "pt")
 *         .tensor("w", SafetensorsDType.F32, new long[] {2, 3}, weights)   // double[] or float[], row-major
 *         .write(Path.of("model.safetensors"));
 * }</pre>
 *
 * <p>{@link Builder#write} streams the file through a 64 KiB buffer (it never holds the file in memory) into a
 * temporary file {@code .NAME.*.tmp} in the target's folder, forces it to the device
 * ({@code FileChannel.force(true)}), then moves it over the target with {@code ATOMIC_MOVE} and
 * {@code REPLACE_EXISTING}; only where the file system cannot move atomically does it fall back to a plain
 * {@code REPLACE_EXISTING} move. On any failure the temporary file is deleted and the target is untouched; a
 * writer killed mid-write leaves the target whole and a stray temporary file. Readers that still map the old
 * target keep seeing the old bytes.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class SafetensorsWriter {
    private static final int BUFFER = 1 << 16;

    private SafetensorsWriter() {
    }

    /** A builder with no tensors and no metadata. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The content of a file to write. Each method checks its arguments at once and fails with an
     * {@link IllegalArgumentException} naming the tensor, what was expected and what came. The value arrays are
     * kept, not copied: do not change them before {@link #write}.
     */
    public static final class Builder {
        private final Map<String, String> metadata = new TreeMap<>(Builder::byCodePoint);
        private final Map<String, Entry> tensors = new TreeMap<>(Builder::byCodePoint);

        private Builder() {
        }

        /** Adds (or replaces) the {@code __metadata__} entry {@code key: value}. */
        public Builder metadata(String key, String value) {
            metadata.put(wellFormed("metadata key", key), wellFormed("metadata value " + key, value));
            return this;
        }

        /**
         * Adds a tensor of F16, BF16, F32 or F64 from doubles, row-major: F64 exactly, the others rounded to
         * nearest, ties to even (once: never through an intermediate format), NaN payloads kept as far as fit.
         *
         * @param shape the dimensions, each {@code >= 0}, copied; {@code new long[0]} for a scalar
         * @param values exactly the shape's product of values
         */
        public Builder tensor(String name, SafetensorsDType dtype, long[] shape, double[] values) {
            return add(name, dtype, shape, values, Objects.requireNonNull(values, "values").length);
        }

        /** As {@link #tensor(String, SafetensorsDType, long[], double[])}, from floats (F32 and F64 exact). */
        public Builder tensor(String name, SafetensorsDType dtype, long[] shape, float[] values) {
            return add(name, dtype, shape, values, Objects.requireNonNull(values, "values").length);
        }

        private Builder add(String name, SafetensorsDType dtype, long[] shape, Object values, int length) {
            wellFormed("tensor name", name);
            if (name.isEmpty() || name.equals(HeaderParser.METADATA) || tensors.containsKey(name)) {
                throw invalid(name, "a non-empty name other than __metadata__ and the tensors' already added",
                        name.isEmpty() ? "''" : Shown.quote(name));
            }
            if (dtype == null || !dtype.isDecodable()) {
                throw invalid(name, "dtype F16, BF16, F32 or F64", String.valueOf(dtype));
            }
            long[] dims = shape.clone();
            long elements = 1;
            try {
                for (long d : dims) {
                    if (d < 0) {
                        throw invalid(name, "dimensions >= 0", Layout.shown(dims));
                    }
                    elements = Math.multiplyExact(elements, d);
                }
                Math.multiplyExact(elements, dtype.size());
            } catch (ArithmeticException e) {
                throw invalid(name, "a shape whose size in bytes fits in a long", Layout.shown(dims));
            }
            if (elements != length) {
                throw invalid(name, "shape " + Layout.shown(dims) + "'s product of values",
                        length + " value" + (length == 1 ? "" : "s"));
            }
            tensors.put(name, new Entry(name, dtype, dims, values, length));
            return this;
        }

        private static IllegalArgumentException invalid(String name, String expected, String got) {
            return new IllegalArgumentException("safetensors writer: tensor " + Shown.quote(name) + ": expected "
                    + expected + ", got " + got);
        }

        private static String wellFormed(String what, String s) {
            Objects.requireNonNull(s, what);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new IllegalArgumentException("safetensors writer: " + what + ": expected text UTF-8 can "
                            + "encode, got an unpaired surrogate at index " + i);
                }
            }
            return s;
        }

        /** Code point order, which is the byte order of UTF-8 and Rust's order of strings. */
        private static int byCodePoint(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int ca = a.codePointAt(i);
                int cb = b.codePointAt(j);
                if (ca != cb) {
                    return Integer.compare(ca, cb);
                }
                i += Character.charCount(ca);
                j += Character.charCount(cb);
            }
            return i < a.length() ? 1 : j < b.length() ? -1 : 0;
        }

        /**
         * Writes the file over {@code target} (see {@link SafetensorsWriter} for how: whole or not at all).
         *
         * @throws IllegalArgumentException if the header would exceed the reference's 100,000,000 bytes
         * @throws IOException if the file cannot be written; the target is then as it was
         */
        public void write(Path target) throws IOException {
            List<Entry> order = new ArrayList<>(tensors.values());
            order.sort(Comparator.comparing((Entry e) -> e.dtype).reversed()); // stable: names stay in order
            List<TensorInfo> infos = new ArrayList<>(order.size());
            long offset = 0;
            for (Entry e : order) {
                long bytes = (long) e.length * e.dtype.size();
                infos.add(new TensorInfo(e.name, e.dtype, e.shape, offset, offset + bytes));
                offset += bytes;
            }
            byte[] header = HeaderJson.of(metadata, infos);
            if (header.length > HeaderParser.MAX_HEADER) {
                throw new IllegalArgumentException("safetensors writer: header: expected at most "
                        + HeaderParser.MAX_HEADER + " bytes, got " + header.length);
            }
            AtomicFiles.replace(target, channel -> stream(channel, header, order));
        }

        private static void stream(FileChannel channel, byte[] header, List<Entry> order) throws IOException {
            ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
            buf.putLong(header.length);
            for (int off = 0; off < header.length; ) {
                int k = Math.min(buf.remaining(), header.length - off);
                buf.put(header, off, k);
                off += k;
                flushIfFull(channel, buf, 1);
            }
            for (Entry e : order) {
                for (int i = 0; i < e.length; ) {
                    flushIfFull(channel, buf, e.dtype.size());
                    i = e.encode(i, buf);
                }
            }
            flushIfFull(channel, buf, BUFFER);
        }

        /** Writes the buffer out if fewer than {@code room} bytes are left in it. */
        private static void flushIfFull(FileChannel channel, ByteBuffer buf, int room) throws IOException {
            if (buf.remaining() < room) {
                buf.flip();
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                buf.clear();
            }
        }
    }
}
