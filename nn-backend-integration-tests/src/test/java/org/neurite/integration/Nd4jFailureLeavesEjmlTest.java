package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neurite.api.BackendInfo;
import org.neurite.api.BackendNotFoundException;
import org.neurite.api.Backends;
import org.neurite.core.Mlp;

/**
 * With ND4J's native library failing for real (a child JVM whose JavaCPP looks for the platform
 * {@code linux-bogus}), EJML still works, the listing says why ND4J cannot, and asking for ND4J by name
 * through {@code -Dneurite.backend} fails with that reason.
 */
class Nd4jFailureLeavesEjmlTest {

    @Test
    void aNativeFailureOfNd4jLeavesEjmlWorking() throws Exception {
        String out = runChild();
        assertTrue(out.contains("default=ejml"), out);
        assertTrue(out.contains("predict=0.5"), out);
        assertTrue(out.contains("ejml=available"), out);
        assertTrue(out.contains("nd4j=unavailable: NeuriteException: ND4J's native library could not be loaded"
                + " for platform linux-bogus"), out);
        assertTrue(out.contains("named=BackendNotFoundException: backend: 'nd4j' is not available")
                && out.contains("UnsatisfiedLinkError"), out);
    }

    private static String runChild() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.bytedeco.javacpp.platform=linux-bogus", "-cp", classPath, Child.class.getName())
                .start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, process.exitValue(), out.get() + err.get());
        return out.get();
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

    /** The child JVM: prints {@code key=value} lines. */
    public static final class Child {
        private Child() {
        }

        /** Uses the discovered registry as an application would. */
        public static void main(String[] args) {
            Backends registry = Backends.discover();
            System.out.println("default=" + registry.defaultName());
            Mlp mlp = Mlp.builder().input(1).dense("sigmoid", new double[][] {{0}}, new double[] {0}).build();
            System.out.println("predict=" + mlp.predict(new double[] {3})[0]);
            for (BackendInfo info : registry.describe()) {
                System.out.println(info.name() + "=" + (info.available() ? "available"
                        : "unavailable: " + info.failure().replace('\n', ' ')));
            }
            System.setProperty(Backends.PROPERTY, "nd4j");
            try {
                Backends.get();
                System.out.println("named=loaded");
            } catch (BackendNotFoundException e) {
                System.out.println("named=" + e.getClass().getSimpleName() + ": " + e.getMessage().replace('\n', ' '));
            }
        }
    }
}
