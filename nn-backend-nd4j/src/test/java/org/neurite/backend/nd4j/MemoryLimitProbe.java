package org.neurite.backend.nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Tensor;

/**
 * Run by {@link Nd4jMemoryLimitTest} in a JVM of {@code -Xmx256m}: asks the nd4j backend for a float64 tensor
 * of {@code args[0]} × {@code args[1]}, then runs a normal-sized product. Prints one {@code key=value} line
 * per finding, the resident size ({@code VmRSS} of {@code /proc/self/status}, in kB) among them.
 */
public final class MemoryLimitProbe {

    private MemoryLimitProbe() {
    }

    /** Allocates, reports, then checks that an ordinary workload still runs. */
    public static void main(String[] args) throws IOException {
        Backend nd4j = new Nd4jBackendProvider().create();
        System.out.println("rss.loaded=" + residentKilobytes());
        int rows = Integer.parseInt(args[0]);
        int cols = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        try {
            Tensor t = nd4j.zeros(DType.FLOAT64, rows, cols);
            System.out.println("huge=allocated " + t.shape());
        } catch (RuntimeException e) {
            System.out.println("huge=" + e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.println("huge.ms=" + (System.nanoTime() - start) / 1_000_000);
        System.out.println("rss.after=" + residentKilobytes());
        Tensor a = nd4j.zeros(DType.FLOAT64, 500, 500);
        Tensor out = nd4j.zeros(DType.FLOAT64, 500, 500);
        a.set(0, 0, 2);
        nd4j.matmul(a, false, a, false, out);
        System.out.println("normal=" + out.get(0, 0));
        System.out.println("maxbytes=" + System.getProperty("org.bytedeco.javacpp.maxbytes"));
        System.out.println("maxphysicalbytes=" + System.getProperty("org.bytedeco.javacpp.maxphysicalbytes"));
    }

    private static long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
