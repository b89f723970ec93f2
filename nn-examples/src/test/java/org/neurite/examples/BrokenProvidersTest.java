package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.examples.broken.DuplicateEjmlProvider;
import org.neurite.examples.broken.ThrowingActivationsProvider;
import org.neurite.examples.broken.ThrowingBackendProvider;
import org.neurite.examples.broken.ThrowingConstructorProvider;

/**
 * The CLI in a child JVM whose class path has a broken provider listed in a META-INF/services file: every
 * failure is one line on stderr that names the provider and the fix, with status 1, and no log output.
 * The providers are this module's test classes, copied with the services file into a folder of their own,
 * put first on the class path.
 */
class BrokenProvidersTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) { }

    /** Runs the CLI on the class path with {@code provider} listed as a {@code service}. */
    private Run run(Class<?> service, Class<?> provider, String... args) throws Exception {
        Path root = dir.resolve("services");
        Path services = Files.createDirectories(root.resolve("META-INF/services"));
        Files.writeString(services.resolve(service.getName()), provider.getName() + "\n");
        // The provider's class files (and its base's) beside it, copied from this module's test classes.
        for (Class<?> c = provider; c.getPackage() == provider.getPackage(); c = c.getSuperclass()) {
            String classFile = c.getName().replace('.', '/') + ".class";
            try (InputStream in = c.getResourceAsStream("/" + classFile)) {
                Files.createDirectories(root.resolve(classFile).getParent());
                Files.copy(in, root.resolve(classFile), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String classPath = root + File.pathSeparator + ModulePathTest.fullClassPath();
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", classPath, "org.neurite.examples.cli.NeuriteCli"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out: " + command);
        return new Run(p.exitValue(), out, err);
    }

    private static void assertOneLineFailure(Run r, String... parts) {
        assertEquals(1, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        for (String part : parts) {
            assertTrue(r.err().contains(part), "expected '" + part + "' in: " + r.err());
        }
    }

    @Test
    void anActivationProviderThatCannotBeCreatedIsOneLineForEveryCommand() throws Exception {
        Path out = dir.resolve("tour");
        for (String[] args : new String[][] {{"info"}, {"activations"}, {"neuron", "--out", out.toString()},
                {"serve-example"}, {"train", "--data", "iris", "--epochs", "1"}}) {
            Run r = run(org.neurite.api.spi.ActivationProvider.class, ThrowingConstructorProvider.class, args);
            assertOneLineFailure(r, ThrowingConstructorProvider.class.getName(), "broken on purpose",
                    "META-INF/services/org.neurite.api.spi.ActivationProvider");
            assertEquals("", r.out(), String.join(" ", args) + " printed before failing");
        }
    }

    @Test
    void anActivationProviderWhoseListThrowsIsOneLine() throws Exception {
        Run r = run(org.neurite.api.spi.ActivationProvider.class, ThrowingActivationsProvider.class, "activations");
        assertOneLineFailure(r, ThrowingActivationsProvider.class.getName(), "no activations today",
                "remove the jar");
        Run debug = run(org.neurite.api.spi.ActivationProvider.class, ThrowingActivationsProvider.class,
                "activations", "--debug");
        assertTrue(debug.err().contains("\tat "), debug.err());
    }

    @Test
    void twoBackendsOfOneNameAreOneLine() throws Exception {
        for (String command : new String[] {"info", "backends", "activations", "serve-example"}) {
            Run r = run(org.neurite.api.spi.BackendProvider.class, DuplicateEjmlProvider.class, command);
            assertOneLineFailure(r, "several providers are named 'ejml'", "remove all but one");
        }
    }

    @Test
    void aBackendProviderThatCannotBeCreatedLogsNothingWithoutDebug() throws Exception {
        Run r = run(org.neurite.api.spi.BackendProvider.class, ThrowingBackendProvider.class, "info");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        Run listed = run(org.neurite.api.spi.BackendProvider.class, ThrowingBackendProvider.class, "backends");
        assertTrue(listed.out().contains("broken provider: "), listed.out());
        Run debug = run(org.neurite.api.spi.BackendProvider.class, ThrowingBackendProvider.class, "info", "--debug");
        assertTrue(debug.err().contains("WARNING"), debug.err());
    }
}
