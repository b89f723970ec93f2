package org.neurite.io.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A file's data section mapped read-only in chunks of {@code chunkBytes}, each mapped 8 bytes longer than its
 * share so that an element starting in a chunk ends in it too, whatever the tensor's alignment. Reading uses
 * absolute gets only: it allocates nothing and moves no buffer's position.
 */
final class MappedData {
    /** The default chunk: 1 GiB (plus the 8 bytes of overlap), well below a mapping's 2 GiB limit. */
    static final int DEFAULT_CHUNK = 1 << 30;

    private final ByteBuffer[] chunks;
    private final long chunkBytes;

    private MappedData(ByteBuffer[] chunks, long chunkBytes) {
        this.chunks = chunks;
        this.chunkBytes = chunkBytes;
    }

    /** Maps {@code length} bytes of {@code channel} from {@code start}, read-only, little-endian. */
    static MappedData map(FileChannel channel, long start, long length, int chunkBytes) throws IOException {
        long count = (length + chunkBytes - 1) / chunkBytes;
        if (count > Integer.MAX_VALUE) {
            throw new IOException("a data section of " + length + " bytes is too large to map");
        }
        ByteBuffer[] chunks = new ByteBuffer[(int) count];
        for (int i = 0; i < chunks.length; i++) {
            long from = (long) i * chunkBytes;
            long size = Math.min(length - from, chunkBytes + 8L);
            chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, start + from, size).order(ByteOrder.LITTLE_ENDIAN);
        }
        return new MappedData(chunks, chunkBytes);
    }

    /** Decodes the tensor's elements (F16, BF16, F32 or F64) into {@code dst} from {@code offset}, exactly. */
    void read(TensorInfo t, double[] dst, int offset) {
        readInto(t, 0, t.elements(), dst, offset);
    }

    /** Elements {@code [from, from + count)} of the tensor into {@code dst} from {@code offset}, exactly. */
    void read(TensorInfo t, long from, int count, double[] dst, int offset) {
        readInto(t, from, count, dst, offset);
    }

    /** As {@link #read(TensorInfo, long, int, double[], int)}, into floats. */
    void read(TensorInfo t, long from, int count, float[] dst, int offset) {
        readInto(t, from, count, dst, offset);
    }

    /** As {@link #read(TensorInfo, double[], int)}, into floats: F64 rounded to nearest, the rest exact. */
    void read(TensorInfo t, float[] dst, int offset) {
        readInto(t, 0, t.elements(), dst, offset);
    }

    /** Decodes chunk by chunk: the elements that start in a chunk are read from it. */
    private void readInto(TensorInfo t, long from, long n, Object dst, int offset) {
        int size = t.dtype().size();
        long pos = t.begin() + from * size;
        for (long done = 0; done < n; ) {
            int c = (int) (pos / chunkBytes);
            int at = (int) (pos - c * chunkBytes);
            int k = (int) Math.min((chunkBytes - at + size - 1) / size, n - done);
            if (dst instanceof double[] d) {
                decode(chunks[c], at, t.dtype(), d, offset + (int) done, k);
            } else {
                decode(chunks[c], at, t.dtype(), (float[]) dst, offset + (int) done, k);
            }
            done += k;
            pos += (long) k * size;
        }
    }

    private static void decode(ByteBuffer b, int at, SafetensorsDType dtype, double[] dst, int off, int k) {
        switch (dtype) {
            case F16 -> {
                for (int i = 0; i < k; i++) {
                    dst[off + i] = Floats.halfToDouble(b.getShort(at + 2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < k; i++) {
                    dst[off + i] = Floats.floatBitsToDouble(b.getShort(at + 2 * i) << 16);
                }
            }
            case F32 -> {
                for (int i = 0; i < k; i++) {
                    dst[off + i] = Floats.floatBitsToDouble(b.getInt(at + 4 * i));
                }
            }
            case F64 -> {
                for (int i = 0; i < k; i++) {
                    dst[off + i] = b.getDouble(at + 8 * i);
                }
            }
            default -> throw new IllegalStateException("not decodable: " + dtype);
        }
    }

    private static void decode(ByteBuffer b, int at, SafetensorsDType dtype, float[] dst, int off, int k) {
        switch (dtype) {
            case F16 -> {
                for (int i = 0; i < k; i++) {
                    dst[off + i] = Floats.halfToFloat(b.getShort(at + 2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < k; i++) {
                    dst[off + i] = Floats.bf16ToFloat(b.getShort(at + 2 * i));
                }
            }
            case F32 -> {
                for (int i = 0; i < k; i++) {
                    dst[off + i] = b.getFloat(at + 4 * i);
                }
            }
            case F64 -> {
                for (int i = 0; i < k; i++) {
                    dst[off + i] = (float) b.getDouble(at + 8 * i);
                }
            }
            default -> throw new IllegalStateException("not decodable: " + dtype);
        }
    }
}
