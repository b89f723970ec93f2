package org.neurite.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ND4J's native library really failing to load: a child JVM whose JavaCPP looks for the platform
 * {@code linux-bogus}, for which no jar holds binaries (as on a machine without its nd4j-native classifier).
 * The failure must not escape discovery: automatic selection falls back with a warning, and a request for
 * {@code nd4j} by name fails with the native cause, every time.
 */
class Nd4jNativeFailureTest {

    @Test
    void aNativeLoadFailureFallsBackAutomaticallyAndFailsAnExplicitRequestWithTheCause() throws Exception {
        ChildJvm.Output found = ChildJvm.run(List.of("-Dorg.bytedeco.javacpp.platform=linux-bogus"),
                NativeFailureProbe.class);
        String stderr = found.stderr();
        String stdout = found.stdout();

        assertEquals("fallback", found.get("automatic"), stdout);
        assertTrue(stderr.contains("Backend 'nd4j' is not available") && stderr.contains("trying the next one"),
                "the fallback is logged as a warning: " + stderr);
        String explicit = found.get("explicit");
        for (String part : List.of("'nd4j' is not available",
                "ND4J's native library could not be loaded for platform linux-bogus", "the classifier linux-bogus",
                "UnsatisfiedLinkError", "Found:", "fallback (priority 1")) {
            assertTrue(explicit.contains(part), "missing '" + part + "' in: " + explicit);
        }
        assertTrue(found.get("again").contains("UnsatisfiedLinkError"),
                "a second attempt still names the native cause: " + found.get("again"));
    }
}
