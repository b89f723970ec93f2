package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code target/neurite-slim.jar}, the CLI without ND4J: it holds no ND4J, JavaCPP or OpenBLAS class, and
 * {@code backends} in a fresh JVM lists EJML alone. Runs in the integration-test phase (the
 * {@code slim-jar} Surefire execution), after package has built the jar.
 */
class SlimJarTest {

    private static final String BUILD = System.getProperty("neurite.build.directory");

    @Test
    void holdsNoNd4jAndListsEjmlAlone() throws IOException, InterruptedException {
        // Only the slim-jar execution sets the build directory (a -Dtest=... run also reaches the test phase).
        Assumptions.assumeTrue(BUILD != null, "runs in the slim-jar execution, after package");
        Path jar = Path.of(BUILD, "neurite-slim.jar");
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertFalse(zip.stream().anyMatch(e -> e.getName().startsWith("org/nd4j/")
                    || e.getName().startsWith("org/bytedeco/")
                    || e.getName().startsWith("org/neurite/backend/nd4j/")), "ND4J classes in " + jar);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "backends"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "backends did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("ejml ")), out);
        assertFalse(out.contains("nd4j"), out);
    }
}
