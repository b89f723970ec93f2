package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * nn-backend-nd4j's jar asks for native access in its manifest (JavaCPP calls {@code System::load}; Java 22+
 * warns otherwise when the jar is the main jar of {@code java -jar}). Runs where the build hands this module
 * the packaged jar ({@code verify}); with only {@code test}, the backend is a class directory and the test
 * is skipped.
 */
class Nd4jJarManifestTest {

    @Test
    void theNd4jJarDeclaresEnableNativeAccess() throws Exception {
        Class<?> provider = Class.forName("org.neurite.backend.nd4j.Nd4jBackendProvider");
        Path location = Path.of(provider.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isRegularFile(location), "nn-backend-nd4j is not packaged yet: " + location);

        try (JarFile jar = new JarFile(location.toFile())) {
            assertEquals("ALL-UNNAMED", jar.getManifest().getMainAttributes().getValue("Enable-Native-Access"),
                    "the manifest of " + location);
        }
    }
}
