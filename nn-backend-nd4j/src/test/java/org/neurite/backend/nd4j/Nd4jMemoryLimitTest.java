package org.neurite.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * ND4J's off-heap memory is bounded by default: in a child JVM of {@code -Xmx256m} a float64 tensor of
 * 100,000 × 1,000 (800 MB, which ND4J would otherwise allocate and zero) fails at once with the typed error
 * naming its size and the limit, the process stays small, and a normal-sized product still works.
 */
class Nd4jMemoryLimitTest {

    private static final long TENSOR_BYTES = 100_000L * 1_000 * Double.BYTES;

    @Test
    @EnabledOnOs(OS.LINUX)   // the probe reads /proc/self/status
    void aTensorBeyondTheLimitFailsEarlyAndTheProcessStaysSmall() throws Exception {
        ChildJvm.Output found = ChildJvm.run(List.of("-Xmx256m"), MemoryLimitProbe.class, "100000", "1000");

        String huge = found.get("huge");
        assertTrue(huge.startsWith("org.neurite.api.TensorAllocationException: "), huge);
        assertTrue(huge.contains("needs " + TENSOR_BYTES + " bytes, more than the off-heap limit of ")
                && huge.contains("org.bytedeco.javacpp.maxbytes=268435456"), huge);
        assertTrue(Long.parseLong(found.get("huge.ms")) < 10_000, "failed after " + found.get("huge.ms") + " ms");
        long rssKb = Long.parseLong(found.get("rss.after"));
        System.out.println("child VmRSS after the refused tensor: " + rssKb + " kB (loaded: "
                + found.get("rss.loaded") + " kB)");
        assertTrue(rssKb * 1024 < TENSOR_BYTES / 2, "the child grew to " + rssKb + " kB");
        assertEquals("4.0", found.get("normal"), "a normal-sized product after the refusal");
        assertEquals("268435456", found.get("maxbytes"), "the default maxbytes is the maximum heap");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aLimitTheUserSetIsKept() throws Exception {
        ChildJvm.Output found = ChildJvm.run(List.of("-Xmx256m", "-Dorg.bytedeco.javacpp.maxbytes=4M"),
                MemoryLimitProbe.class, "1000", "1000");

        assertTrue(found.get("huge").contains("needs 8000000 bytes")
                && found.get("huge").contains("org.bytedeco.javacpp.maxbytes=4194304"), found.get("huge"));
        assertEquals("4M", found.get("maxbytes"));
        assertEquals("4.0", found.get("normal"), "2,000,000 bytes fit in 4M");
    }
}
