package org.neurite.io.safetensors;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neurite.api.Stability;

/**
 * A safetensors file opened for reading, every byte of it treated as hostile.
 *
 * <p>The format, as the reference implementation ({@code huggingface/safetensors}) reads it: 8 bytes of
 * little-endian unsigned header length N, N bytes of UTF-8 JSON, then the data section, the tensors' raw
 * little-endian bytes. The JSON maps each tensor's name to {@code {"dtype": "F32", "shape": [2, 3],
 * "data_offsets": [begin, end]}}, offsets relative to the start of the data section, and may hold
 * {@code "__metadata__": {string: string}}.
 *
 * <p>{@link #open} reads and checks the whole header before it returns, and fails on the first broken rule
 * with a {@link ModelFormatException} whose {@link ModelFormatException#rule() rule()} is one of:
 * {@code file-too-short}, {@code header-too-large} (N over 100,000,000), {@code header-beyond-file},
 * {@code header-not-utf8}, {@code header-not-object} (not starting with <code>{</code>), {@code header-not-json},
 * {@code duplicate-key}, {@code trailing-garbage} (anything but JSON whitespace after the closing brace: the
 * reference's padding is spaces), {@code empty-name}, {@code entry-not-object}, {@code unknown-field},
 * {@code missing-field}, {@code field-type}, {@code unknown-dtype}, {@code bad-dimension}, {@code size-overflow},
 * {@code offsets-reversed}, {@code size-mismatch} (end - begin not the shape's elements times the dtype's size),
 * {@code offset-hole}, {@code offset-overlap} (the tensors, sorted by offsets, must tile the data section from
 * 0), {@code data-length} (the data section must end where the last tensor does), {@code metadata-not-strings},
 * {@code metadata-name} (an entry named {@code __metadata__} that is a tensor). Every check runs before any
 * allocation that a header could make large: opening allocates the header's bytes and what they parse into
 * (proportional to the header), never anything the header's numbers ask for. Zero-element tensors are legal.
 *
 * <p>The data section is mapped read-only ({@link FileChannel#map}, in chunks of 1 GiB), not read: opening a
 * large file costs its header, and {@code read} decodes straight from the mapping into the caller's array,
 * allocating nothing. The file must not be truncated while open (the JVM would fail on the lost pages). A
 * mapping is released when it is garbage-collected, not by {@link #close()} (Java has no unmap); on Windows a
 * file mapped so cannot be replaced meanwhile.
 *
 * <p>Reads use absolute gets only and share no state but the read-only mapping; {@link #close()} must not
 * race with them.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class SafetensorsFile implements AutoCloseable {
    private static final int READ_SLICE = 1 << 16;

    private final String source;
    private final HeaderParser.Header header;
    private final Map<String, TensorInfo> byName;
    private final FileChannel channel;
    private volatile MappedData data;

    private SafetensorsFile(String source, HeaderParser.Header header, MappedData data, FileChannel channel) {
        this.source = source;
        this.header = header;
        this.data = data;
        this.channel = channel;
        this.byName = new HashMap<>(header.tensors().size() * 4 / 3 + 1);
        for (TensorInfo t : header.tensors()) {
            byName.put(t.name(), t);
        }
    }

    /**
     * Opens {@code file}, reads and validates its whole header, and maps its data section.
     *
     * @param file the file
     * @return the open file; close it
     * @throws ModelFormatException if the file breaks a rule of the format (see the class description)
     * @throws IOException if the file cannot be read
     */
    public static SafetensorsFile open(Path file) throws IOException {
        return open(file, MappedData.DEFAULT_CHUNK);
    }

    /** As {@link #open(Path)}, mapping in chunks of {@code chunkBytes} (tests use small ones). */
    static SafetensorsFile open(Path file, int chunkBytes) throws IOException {
        String source = file.toString();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 8) {
                throw new ModelFormatException(source, null, "file-too-short",
                        "at least 8 bytes (the header's length)", size + " byte" + (size == 1 ? "" : "s"));
            }
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, length, 0);
            long n = length.getLong(0);
            if (Long.compareUnsigned(n, HeaderParser.MAX_HEADER) > 0) {
                throw new ModelFormatException(source, null, "header-too-large",
                        "a header length of at most " + HeaderParser.MAX_HEADER, Long.toUnsignedString(n));
            }
            if (n > size - 8) {
                throw new ModelFormatException(source, null, "header-beyond-file",
                        "a header length of at most " + (size - 8) + " (the bytes after the length field)",
                        Long.toString(n));
            }
            byte[] bytes = new byte[(int) n];
            for (int off = 0; off < bytes.length; off += READ_SLICE) {
                readFully(channel, ByteBuffer.wrap(bytes, off, Math.min(READ_SLICE, bytes.length - off)), 8L + off);
            }
            HeaderParser.Header header = HeaderParser.parse(source, bytes);
            Layout.checkTiling(source, header.tensors(), size - 8 - n);
            MappedData data = MappedData.map(channel, 8 + n, size - 8 - n, chunkBytes);
            return new SafetensorsFile(source, header, data, channel);
        } catch (IOException | RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, at);
            if (n < 0) {
                throw new EOFException("the file ended at byte " + at + " while being read");
            }
            at += n;
        }
    }

    /** The file's path as it was given to {@link #open}; messages name the file so. */
    public String source() {
        return source;
    }

    /** The header's {@code __metadata__}, in file order, unmodifiable; empty if the file has none. */
    public Map<String, String> metadata() {
        return header.metadata();
    }

    /** The tensors' entries in the order the header lists them, unmodifiable. */
    public List<TensorInfo> tensors() {
        return header.tensors();
    }

    /** The entry of the tensor named {@code name}, if the file has one. */
    public Optional<TensorInfo> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The entry of the tensor named {@code name}.
     *
     * @throws ModelFormatException (rule {@code no-such-tensor}, naming the tensor) if the file has none
     */
    public TensorInfo tensor(String name) {
        TensorInfo t = byName.get(Objects.requireNonNull(name, "name"));
        if (t == null) {
            throw new ModelFormatException(source, name, "no-such-tensor",
                    "one of the file's " + byName.size() + " tensors", "no tensor of that name");
        }
        return t;
    }

    /**
     * Decodes the tensor's elements, in row-major order, into {@code dst[offset ...]}: F16 and BF16 widened
     * exactly, F32 widened exactly, F64 as it is; NaN payloads kept.
     *
     * @throws ModelFormatException (rule {@code no-such-tensor}) if the file has no such tensor, or (rule
     *         {@code not-floating-point}) if its dtype is not F16, BF16, F32 or F64
     * @throws IndexOutOfBoundsException if {@code dst} has fewer than {@code elements()} places from {@code offset}
     * @throws IllegalStateException if the file is closed
     */
    public void read(String name, double[] dst, int offset) {
        TensorInfo t = readable(name, dst.length, offset);
        mapped().read(t, dst, offset);
    }

    /**
     * As {@link #read(String, double[], int)}, into floats: F64 rounded to nearest (ties to even), the other
     * dtypes exact.
     */
    public void read(String name, float[] dst, int offset) {
        TensorInfo t = readable(name, dst.length, offset);
        mapped().read(t, dst, offset);
    }

    /**
     * Elements {@code [from, from + count)} of a tensor, in row-major order, into {@code dst} from
     * {@code offset}: reading a large tensor in slices, so that no array of its whole size is needed.
     *
     * @throws IndexOutOfBoundsException if the range is not within the tensor or {@code dst}
     */
    public void read(String name, long from, double[] dst, int offset, int count) {
        TensorInfo t = readable(name, dst.length, offset, from, count);
        mapped().read(t, from, count, dst, offset);
    }

    /** As {@link #read(String, long, double[], int, int)}, into floats. */
    public void read(String name, long from, float[] dst, int offset, int count) {
        TensorInfo t = readable(name, dst.length, offset, from, count);
        mapped().read(t, from, count, dst, offset);
    }

    private TensorInfo readable(String name, int length, int offset, long from, int count) {
        TensorInfo t = readable(name);
        Objects.checkFromIndexSize(from, count, t.elements());
        Objects.checkFromIndexSize(offset, count, length);
        return t;
    }

    private TensorInfo readable(String name) {
        TensorInfo t = tensor(name);
        if (!t.dtype().isDecodable()) {
            throw new ModelFormatException(source, name, "not-floating-point", "F16, BF16, F32 or F64 (dtype "
                    + t.dtype() + " cannot be read as floating-point values)", t.dtype().name());
        }
        return t;
    }

    private TensorInfo readable(String name, int length, int offset) {
        TensorInfo t = readable(name);
        Objects.checkFromIndexSize(offset, t.elements(), length);
        return t;
    }

    private MappedData mapped() {
        MappedData d = data;
        if (d == null) {
            throw new IllegalStateException(source + ": closed");
        }
        return d;
    }

    /** Closes the file; the mapping goes when it is collected. Reading afterwards is an error. Idempotent. */
    @Override
    public void close() {
        data = null;
        try {
            channel.close();
        } catch (IOException e) {
            // A read-only channel has nothing to flush; failing to close it loses nothing.
        }
    }
}
