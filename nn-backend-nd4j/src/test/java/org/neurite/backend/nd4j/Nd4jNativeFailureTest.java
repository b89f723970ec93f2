package org.neurite.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Dorg.bytedeco.javacpp.platform=linux-bogus",
                "-cp", Nd4jBackendProviderTest.testClassPath(), NativeFailureProbe.class.getName())
                .start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish");
        String stdout = out.get();
        String stderr = err.get();
        assertEquals(0, process.exitValue(), stdout + stderr);

        Map<String, String> found = new HashMap<>();
        for (String line : stdout.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                found.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
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

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
