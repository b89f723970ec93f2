package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the built modules in fresh JVMs, on the module path and on the class path, and compares what they
 * print. The paths are this module's runtime class path as Maven resolved it (the
 * {@code neurite.runtime.classpath} property that nn-examples' pom passes) plus its own classes.
 *
 * <p>The module path holds Neurite's modules and the modules they and the example name in {@code requires}
 * (picocli, SLF4J, Guice, jakarta.inject, JFreeChart, Commons CSV, Jackson, progressbar); everything else stays on the class path. EJML must: its jars
 * split packages, so they cannot be modules (see nn-backend-ejml's module-info). Guice's own dependencies
 * may: Guice is an automatic module, which reads the class path.
 */
class ModulePathTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String SAMPLE_SCORES = ServeExampleCommandTest.SAMPLE_OUTPUT;

    private static List<String> runtime;
    private static String examples;

    @BeforeAll
    static void paths() {
        String classpath = System.getProperty("neurite.runtime.classpath");
        examples = System.getProperty("neurite.examples.classes");
        assertNotNull(classpath, "neurite.runtime.classpath is not set: run this test through Maven");
        assertNotNull(examples, "neurite.examples.classes is not set: run this test through Maven");
        runtime = Arrays.stream(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
        assertTrue(runtime.stream().anyMatch(p -> p.contains("nn-core")), "nn-core missing: " + runtime);
    }

    /** Third-party jars that go on the module path: those a module names in {@code requires}. */
    private static final List<String> REQUIRED_MODULES =
            List.of("picocli-", "slf4j-api-", "slf4j-simple-", "guice-", "jakarta.inject-api-", "jfreechart-",
                    // nn-io's CSV reader and what it requires; train's JSON and its progress bar (with JLine).
                    "commons-csv-", "commons-io-", "commons-codec-", "jackson-databind-", "jackson-core-",
                    "jackson-annotations-", "progressbar-", "jline-terminal-");

    /** Neurite's modules (jars, or class directories when Maven runs without packaging) and REQUIRED_MODULES. */
    private static boolean onModulePath(String entry) {
        Path path = Path.of(entry);
        String name = path.getFileName().toString();
        return Files.isDirectory(path) || name.startsWith("nn-") || REQUIRED_MODULES.stream().anyMatch(name::startsWith);
    }

    private static String join(List<String> entries) {
        return String.join(File.pathSeparator, entries);
    }

    /** The module path: this module's classes and the runtime dependencies that are modules. */
    private static String modulePath() {
        List<String> modules = new ArrayList<>(List.of(examples));
        runtime.stream().filter(ModulePathTest::onModulePath).forEach(modules::add);
        return join(modules);
    }

    /** The class path next to it: EJML and the other plain jars. */
    private static String classPath() {
        List<String> jars = runtime.stream().filter(e -> !onModulePath(e)).toList();
        assertTrue(jars.stream().anyMatch(e -> e.contains("ejml-core")), "EJML missing: " + runtime);
        return join(jars);
    }

    /** This module's classes and its whole runtime class path, for a class-path JVM. */
    static String fullClassPath() {
        return System.getProperty("neurite.examples.classes") + File.pathSeparator
                + System.getProperty("neurite.runtime.classpath");
    }

    /** Runs {@code java args...}; returns its standard output, after checking it exited with 0. */
    static String java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        p.getOutputStream().close();
        // Output is small; read both streams fully before waiting.
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out: " + command);
        assertEquals(0, p.exitValue(), () -> command.stream().collect(Collectors.joining(" "))
                + "\nstdout:\n" + out + "\nstderr:\n" + err);
        return out.replace(System.lineSeparator(), "\n");
    }

    @Test
    void theQuickStartRunsOnTheModulePath() throws Exception {
        String out = java("--module-path", modulePath(), "--class-path", classPath(),
                "--module", "org.neurite.examples/org.neurite.examples.QuickStart");
        assertTrue(out.contains("Total parameters: 31"), out);
        assertEquals(4, out.lines().filter(l -> l.matches("\\[[01]\\.0, [01]\\.0\\] -> 0\\.\\d{4}")).count(), out);
    }

    @Test
    void theGuiceApplicationRunsOnTheModulePathWithTheBackendAsAModule() throws Exception {
        String out = java("--module-path", modulePath(), "--class-path", classPath(),
                "--module", "org.neurite.examples/org.neurite.examples.cli.NeuriteCli", "serve-example");
        assertTrue(out.contains("backend ejml (module org.neurite.backend.ejml); wired by Guice"), out);
        assertTrue(out.strip().endsWith(SAMPLE_SCORES), out);
    }

    @Test
    void theSameApplicationRunsOnTheClassPathWithTheSameScoresAsTheReadmeShows() throws Exception {
        List<String> all = new ArrayList<>(List.of(examples));
        all.addAll(runtime);
        String out = java("--class-path", join(all), "org.neurite.examples.cli.NeuriteCli", "serve-example");
        assertTrue(out.contains("backend ejml (class path); wired by Guice"), out);
        assertTrue(out.strip().endsWith(SAMPLE_SCORES), out);
        String readme = Files.readString(Path.of("../README.md"));
        Matcher shown = Pattern.compile("<!-- serve-example:begin -->\\n```\\n(.*?)```\\n<!-- serve-example:end -->",
                Pattern.DOTALL).matcher(readme);
        assertTrue(shown.find(), "README.md has no serve-example block");
        assertEquals(out.strip(), shown.group(1).strip(), "README.md shows other output than serve-example prints");
    }

    /** train reads a bundled data set from inside nn-io's module and writes its JSON with Jackson's module. */
    @Test
    void trainRunsOnTheModulePath() throws Exception {
        String out = java("--module-path", modulePath(), "--class-path", classPath(),
                "--module", "org.neurite.examples/org.neurite.examples.cli.NeuriteCli", "train", "--data", "iris",
                "--epochs", "2", "--json");
        Object json = Json.parse(out.strip());
        assertTrue(json instanceof java.util.Map<?, ?> m && m.get("epochs").equals(2.0), out);
    }

    /** A tour section draws and writes its figures headless on the module path (JFreeChart, java.desktop). */
    @Test
    void aTourSectionWritesItsFigureOnTheModulePath(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String out = java("--module-path", modulePath(), "--class-path", classPath(),
                "--module", "org.neurite.examples/org.neurite.examples.cli.NeuriteCli", "xor", "--out", dir.toString());
        assertTrue(out.contains("4 of 4 outputs equal their targets exactly."), out);
        assertTrue(Files.size(dir.resolve("xor_nonlinearity.png")) > 10_000, "xor_nonlinearity.png missing or tiny");
    }

    /**
     * nn-core as a named module needs no Guice ({@code requires static}): with Guice's jars left out of the
     * module path, a class-path program still builds and runs models on nn-core's module.
     */
    @Test
    void nnCoreRunsAsAModuleWithoutGuice() throws Exception {
        List<String> modules = runtime.stream()
                .filter(e -> e.contains("nn-api") || e.contains("nn-core") || e.contains("nn-backend-ejml")
                        || Path.of(e).getFileName().toString().startsWith("slf4j-"))
                .toList();
        assertEquals(5, modules.size(), "expected nn-api, nn-core, nn-backend-ejml and SLF4J: " + modules);
        String out = java("--module-path", join(modules),
                "--add-modules", "org.neurite.core,org.neurite.backend.ejml",
                "--class-path", examples + File.pathSeparator + classPath(),
                "org.neurite.examples.QuickStart");
        assertTrue(out.contains("Total parameters: 31"), out);
    }
}
