package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.io.safetensors.SafetensorsDType;
import org.neurite.io.safetensors.SafetensorsWriter;

/** {@code neurite inspect}: a Neurite model file, a plain safetensors file, the errors. */
class InspectCommandTest {

    @TempDir
    Path dir;

    @Test
    void aNeuriteModelShowsItsArchitectureTensorsAndMetadata() throws Exception {
        Path model = dir.resolve("serve.safetensors");
        ServeModelTrainingTest.trainInto(model);
        Object[] r = NeuriteCliTest.run("inspect", model.toString());
        assertEquals(0, r[0], (String) r[2]);
        List<String> lines = ((String) r[1]).lines().toList();
        assertEquals(List.of("serve.safetensors: Neurite model, format 1", "input: 3 features",
                "layer 1: dense, 8 units, scaled_tanh(a=1.7159, b=0.6666666666666666), 32 parameters",
                "layer 2: dense, 1 unit, sigmoid, 9 parameters", "tensors: 4",
                "  layers.0.bias    F64   [8]", "  layers.0.weight  F64   [8, 3]", "  layers.1.bias    F64   [1]",
                "  layers.1.weight  F64   [1, 8]", "parameters: 41", "metadata:", "  dtype: float64"),
                lines.subList(0, 12));
        assertTrue(lines.get(12).matches("  standardization: mean \\[-?\\d\\.\\d{4}, -?\\d\\.\\d{4}, -?\\d\\.\\d{4}\\], "
                + "scale \\[\\d\\.\\d{4}, \\d\\.\\d{4}, \\d\\.\\d{4}\\]"), lines.get(12));
        assertEquals("  classes: 2 (no, yes)", lines.get(13));
        assertEquals(14, lines.size());

        Map<?, ?> json = (Map<?, ?>) Json.parse(((String) NeuriteCliTest.run("inspect", model.toString(), "--json")[1]).strip());
        assertEquals(true, json.get("neurite"));
        assertEquals(3.0, json.get("inputs"));
        assertEquals(41.0, json.get("parameters"));
        Map<?, ?> first = (Map<?, ?>) ((List<?>) json.get("layers")).get(0);
        assertEquals(Map.of("units", 8.0, "activation", "scaled_tanh(a=1.7159, b=0.6666666666666666)",
                "parameters", 32.0, "kind", "dense"), first);
        assertEquals(Map.of("name", "layers.0.weight", "dtype", "F64", "shape", List.of(8.0, 3.0)),
                ((List<?>) json.get("tensors")).get(1));
        Map<?, ?> metadata = (Map<?, ?>) json.get("metadata");
        assertEquals(List.of("no", "yes"), metadata.get("classes"));
        assertEquals(3, ((List<?>) ((Map<?, ?>) metadata.get("standardization")).get("mean")).size());
    }

    @Test
    void aPlainSafetensorsFileShowsItsTensorsAndMetadata() throws Exception {
        Path file = dir.resolve("state_dict.safetensors");
        SafetensorsWriter.builder().metadata("format", "pt")
                .tensor("fc1.weight", SafetensorsDType.F32, new long[] {4, 3}, new float[12])
                .tensor("fc1.bias", SafetensorsDType.F32, new long[] {4}, new float[4]).write(file);
        Object[] r = NeuriteCliTest.run("inspect", file.toString());
        assertEquals(0, r[0], (String) r[2]);
        assertEquals(List.of("state_dict.safetensors: a safetensors file with no Neurite description (no 'neurite' "
                        + "entry in its metadata): tensors and metadata only", "tensors: 2", "  fc1.bias    F32   [4]",
                "  fc1.weight  F32   [4, 3]", "parameters: 16", "metadata:", "  format: pt"),
                ((String) r[1]).lines().toList());
        Map<?, ?> json = (Map<?, ?>) Json.parse(((String) NeuriteCliTest.run("inspect", file.toString(), "--json")[1]).strip());
        assertEquals(false, json.get("neurite"));
        assertEquals(Map.of("format", "pt"), json.get("metadata"));
        assertEquals(16.0, json.get("parameters"));
    }

    @Test
    void aMissingFileIsABadArgumentAndABrokenOneAFailure() throws Exception {
        Object[] missing = NeuriteCliTest.run("inspect", dir.resolve("none.safetensors").toString());
        assertEquals(2, missing[0]);
        Path broken = Files.write(dir.resolve("broken.safetensors"), new byte[] {(byte) 200, 0, 0, 0, 0, 0, 0, 0, '{'});
        Object[] r = NeuriteCliTest.run("inspect", broken.toString());
        assertEquals(1, r[0]);
        assertEquals("neurite inspect: " + broken + ": header-beyond-file: expected a header length of at most 1 "
                + "(the bytes after the length field), got 200", ((String) r[2]).strip());
        assertEquals(1, ((String) r[2]).strip().lines().count());
    }
}
