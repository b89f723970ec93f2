package org.neurite.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed mid-write, or failing, leaves the old target whole; a failing one also leaves no temp file. */
class SafetensorsCrashTest {
    private static final double[] OLD = {1, 2, 3};

    @TempDir
    Path dir;

    private Path oldTarget() throws IOException {
        Path target = dir.resolve("model.safetensors");
        SafetensorsWriter.builder().metadata("version", "old").tensor("old", SafetensorsDType.F64, new long[] {3}, OLD)
                .write(target);
        return target;
    }

    private static void assertOld(Path target) throws IOException {
        try (SafetensorsFile f = SafetensorsFile.open(target)) {
            assertEquals("old", f.metadata().get("version"));
            double[] got = new double[3];
            f.read("old", got, 0);
            assertArrayEquals(OLD, got);
        }
    }

    private List<Path> temps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void aWriterKilledMidWriteLeavesTheOldTargetWhole() throws Exception {
        Path target = oldTarget();
        byte[] old = Files.readAllBytes(target);
        Process child = new ProcessBuilder(org.neurite.io.ChildJvm.command(List.of("-Xmx512m"), CrashingWriter.class,
                List.of(CrashingWriter.class, SafetensorsFile.class), target.toString(), "200")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        long seen = -1;
        try {
            while (true) {
                assertTrue(System.nanoTime() < deadline, "the temp file never grew");
                assertTrue(child.isAlive(), "the writer ended before it was killed: " + Files.readString(dir.resolve("child.log")));
                List<Path> temps = temps();
                long size = temps.isEmpty() ? -1 : Files.size(temps.get(0));
                if (seen > 0 && size > seen) {
                    break; // the temp file exists and is growing
                }
                seen = size;
                Thread.sleep(2);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertArrayEquals(old, Files.readAllBytes(target), "the target is the old file, whole");
        assertOld(target);
        assertEquals(1, temps().size(), "only the killed writer's temp file is left beside it");
        assertTrue(Files.size(temps().get(0)) < 200L << 20, "and it was cut short");
    }

    @Test
    void aFailingWriteLeavesTheTargetAndNoTempFile() throws IOException {
        Path target = oldTarget();
        SafetensorsWriter.Builder b = SafetensorsWriter.builder();
        assertThrows(IllegalArgumentException.class,
                () -> b.tensor("short", SafetensorsDType.F32, new long[] {4}, new double[3])); // values too short
        b.tensor("new", SafetensorsDType.F32, new long[] {2}, new double[2]);
        // The move fails after the temp file is written and forced: a non-empty folder cannot be replaced.
        Path folder = Files.createDirectory(dir.resolve("folder.safetensors"));
        Files.write(folder.resolve("inside"), new byte[] {1});
        assertThrows(IOException.class, () -> b.write(folder));
        assertTrue(Files.exists(folder.resolve("inside")));
        // Creating the temp file fails: the folder does not exist.
        assertThrows(IOException.class, () -> b.write(dir.resolve("missing").resolve("model.safetensors")));
        assertEquals(List.of(), temps());
        assertOld(target);
    }

    @Test
    void anUnwritableFolderLeavesTheTargetAndNoTempFile() throws IOException {
        Path target = oldTarget();
        assertTrue(dir.toFile().setWritable(false, false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(dir), "root writes anywhere");
            assertThrows(IOException.class, () -> SafetensorsWriter.builder()
                    .tensor("new", SafetensorsDType.F32, new long[] {1}, new double[1]).write(target));
        } finally {
            dir.toFile().setWritable(true, false);
        }
        assertEquals(List.of(), temps());
        assertOld(target);
    }

    @Test
    void aSuccessfulWriteReplacesTheTargetAndLeavesNoTempFile() throws IOException {
        Path target = oldTarget();
        SafetensorsWriter.builder().tensor("new", SafetensorsDType.F16, new long[] {1}, new double[] {2}).write(target);
        try (SafetensorsFile f = SafetensorsFile.open(target)) {
            assertFalse(f.find("old").isPresent());
            assertTrue(f.find("new").isPresent());
        }
        assertEquals(List.of(), temps());
    }
}
