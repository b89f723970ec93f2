package org.neurite.io.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-made safetensors files for tests: a length field, a header, and a data section of zeros or given bytes. */
final class Bytes {
    private Bytes() {
    }

    /** The file with the header {@code json} (its true length in the length field) and {@code data} zero bytes. */
    static byte[] file(String json, int data) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return file(header.length, header, new byte[data]);
    }

    /** The file with {@code length} in the length field, then {@code header} and {@code data} as they are. */
    static byte[] file(long length, byte[] header, byte[] data) {
        return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(length).put(header).put(data).array();
    }

    /** Writes {@code bytes} to {@code dir/name} and returns the path. */
    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
