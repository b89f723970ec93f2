package org.neurite.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.init.Initializers;

/**
 * Loading needs about the file's size in heap: a 268 MB float32 model ({@code [4096, 8192, 4096]}, 67
 * million parameters) loads on the EJML backend, whose tensors live on the heap, in a child JVM whose heap
 * is the file's size plus a quarter plus 64 MiB. It works because the loader builds zeroed tensors (no
 * initial weights drawn) and copies the file into them through one 1-million-element slice.
 */
class ModelFilesMemoryTest {

    @TempDir
    Path dir;

    @Test
    void aLargeModelLoadsInAHeapOfAboutItsSize() throws Exception {
        Mlp model = Mlp.builder().dtype(DType.FLOAT32).input(4096).dense(8192, "relu", Initializers.zeros())
                .dense(4096, "linear", Initializers.zeros()).build();
        Path file = dir.resolve("large.safetensors");
        ModelFiles.save(model, file);
        long size = Files.size(file);
        long heapMiB = (size + size / 4) / (1 << 20) + 64;
        Path log = dir.resolve("probe.log");
        Process child = new ProcessBuilder(ChildJvm.command(List.of("-Xmx" + heapMiB + "m", "-Dneurite.backend=ejml"),
                LoadProbe.class, List.of(LoadProbe.class, ModelFiles.class), file.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the probe did not finish");
        String out = Files.readString(log);
        assertEquals(0, child.exitValue(), "a " + size + "-byte model in a " + heapMiB + " MiB heap: " + out);
        assertTrue(out.contains("loaded " + model.parameterCount() + " parameters"), out);
    }
}
