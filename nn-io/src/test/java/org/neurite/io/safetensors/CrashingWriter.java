package org.neurite.io.safetensors;

import java.io.IOException;
import java.nio.file.Path;

/** The child process of {@link SafetensorsCrashTest}: writes a large file over {@code args[0]} until killed. */
final class CrashingWriter {
    private CrashingWriter() {
    }

    /** {@code args}: the target, the size in megabytes. */
    public static void main(String[] args) throws IOException {
        float[] values = new float[Integer.parseInt(args[1]) * (1 << 18)];
        java.util.Arrays.fill(values, 1.5f);
        SafetensorsWriter.builder().tensor("new", SafetensorsDType.F32, new long[] {values.length}, values)
                .write(Path.of(args[0]));
    }
}
