package org.neurite.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a probe's {@code main} in a child JVM on the test class path and collects its output. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * What a probe printed: its {@code key=value} lines as a map, and its whole output.
     *
     * @param values the {@code key=value} lines of standard output
     * @param stdout standard output
     * @param stderr standard error
     */
    record Output(Map<String, String> values, String stdout, String stderr) {
        String get(String key) {
            return values.get(key);
        }
    }

    /** Runs {@code main} with these JVM options and arguments; asserts that it exits with status 0 in time. */
    static Output run(List<String> jvmOptions, Class<?> main, String... args) throws Exception {
        return run(Map.of(), jvmOptions, main, args);
    }

    /**
     * {@link #run(List, Class, String...)} with these changes to the environment: each variable is set to its
     * value, or removed where the value is empty.
     */
    static Output run(Map<String, String> environment, List<String> jvmOptions, Class<?> main, String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", Nd4jBackendProviderTest.testClassPath(), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        String stdout = out.get();
        String stderr = err.get();
        assertEquals(0, process.exitValue(), stdout + stderr);
        Map<String, String> values = new HashMap<>();
        for (String line : stdout.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Output(values, stdout, stderr);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
