package org.neurite.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a 300 MB file allocates about its header on the heap (the data is mapped, not read), and reading a
 * tensor allocates nothing beyond the caller's array.
 */
class SafetensorsMemoryTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long BIG = 75_000_000; // F32 elements: 300 MB

    @TempDir
    Path dir;

    @Test
    void openingMapsTheDataAndReadingAllocatesNothing() throws IOException {
        String json = "{\"__metadata__\":{\"format\":\"pt\"},\"big\":{\"dtype\":\"F32\",\"shape\":[" + BIG + "],"
                + "\"data_offsets\":[0," + 4 * BIG + "]},\"mid\":{\"dtype\":\"F16\",\"shape\":[1000,1000],"
                + "\"data_offsets\":[" + 4 * BIG + "," + (4 * BIG + 2_000_000) + "]}}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        Path p = dir.resolve("big.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) { // sparse: zeros cost no disk
            f.write(Bytes.file(header.length, header, new byte[0]));
            f.setLength(8 + header.length + 4 * BIG + 2_000_000);
        }
        for (int round = 0; round < 3; round++) { // the last round counts: classes loaded, code compiled
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try (SafetensorsFile f = SafetensorsFile.open(p)) {
                long opened = THREADS.getCurrentThreadAllocatedBytes() - before;
                double[] mid = new double[1_000_000];
                float[] few = new float[1_000_000];
                long start = THREADS.getCurrentThreadAllocatedBytes();
                f.read("mid", mid, 0);
                f.read("mid", few, 0);
                long read = THREADS.getCurrentThreadAllocatedBytes() - start;
                if (round == 2) {
                    System.out.printf("safetensors memory: opening a %d-byte file (header %d bytes) allocated %d"
                            + " bytes; reading 1,000,000 elements twice allocated %d bytes%n",
                            8 + header.length + 4 * BIG + 2_000_000, header.length, opened, read);
                    assertTrue(opened < 64 * 1024, "opening allocated " + opened + " bytes");
                    assertEquals(0, read, "reading allocated beyond the caller's arrays");
                }
            }
        }
    }
}
