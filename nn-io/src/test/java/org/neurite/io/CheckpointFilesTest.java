package org.neurite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.data.Dataset;
import org.neurite.core.data.Datasets;
import org.neurite.core.train.Checkpoint;
import org.neurite.core.train.EarlyStopping;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingResult;
import org.neurite.io.safetensors.ModelFormatException;

/** Checkpoints through files: a run resumed from a file after any epoch ends where the uninterrupted run does. */
class CheckpointFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DType.class)
    void resumingFromAFileGivesTheUninterruptedRunsWeights(DType dtype) throws IOException {
        Dataset data = Datasets.twoMoons(120, 0.2, 3).standardized();
        Mlp model = Mlp.builder().dtype(dtype).input(2).dense(12, "prelu").dense(1, "linear").seed(5).build();
        List<Path> files = new ArrayList<>();
        Trainer trainer = Trainer.builder().loss("bce_with_logits").optimizer("rmsprop(lr=0.01, momentum=0.5)")
                .schedule("cosine(t_max=6)").batchSize(32).epochs(6).seed(8).validationSplit(0.25)
                .earlyStopping(new EarlyStopping(3, 0, true))
                .checkpoints(c -> {
                    Path f = dir.resolve("epoch-" + c.epoch() + ".safetensors");
                    CheckpointFiles.saveUnchecked(c, f);
                    files.add(f);
                }).build();
        TrainingResult whole = trainer.fit(model, data);
        double[] expected = ModelFilesTest.weights(whole.model());
        for (Path f : List.copyOf(files.subList(0, files.size() - 1))) {
            Checkpoint c = CheckpointFiles.load(f);
            assertEquals(dtype, c.model().dtype());
            assertEquals(whole.model().standardization(), c.model().standardization());
            assertArrayEquals(expected, ModelFilesTest.weights(trainer.resume(c, data).model()), f.toString());
        }
    }

    @Test
    void aCheckpointIsNotAModelFileAndAModelFileIsNotACheckpoint() throws IOException {
        Mlp model = Mlp.builder().input(2).dense(3, "relu").dense(1, "sigmoid").seed(1).build();
        List<Checkpoint> saved = new ArrayList<>();
        Trainer.builder().loss("bce").epochs(1).checkpoints(saved::add).build().fit(model, Datasets.xor());
        Path checkpoint = dir.resolve("c.safetensors");
        CheckpointFiles.save(saved.get(0), checkpoint);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(checkpoint));
        assertEquals("unexpected-tensor", e.rule());
        Path plain = dir.resolve("m.safetensors");
        ModelFiles.save(model, plain);
        e = assertThrows(ModelFormatException.class, () -> CheckpointFiles.load(plain));
        assertEquals("no-checkpoint", e.rule());
        assertTrue(e.getMessage().contains("'neurite_checkpoint'"), e.getMessage());
        assertArrayEquals(ModelFilesTest.weights(saved.get(0).model()),
                ModelFilesTest.weights(CheckpointFiles.load(checkpoint).model()));
    }
}
