package org.neurite.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.data.Split;
import org.neurite.core.train.Trainer;
import org.neurite.io.BundledDatasets;
import org.neurite.io.ModelFiles;

/**
 * The README's saving-and-loading example. The lines between the markers are copied into README.md, and
 * {@code ReadmeQuickStartTest} checks that both say the same and that this program runs.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ModelFilesQuickStart {

    private ModelFilesQuickStart() {
    }

    /** Trains on Iris, saves, loads and predicts; exports the weights for PyTorch and imports them back. */
    public static void main(String[] args) throws IOException {
        // files:begin
        Split split = BundledDatasets.iris().split(0.8, 7).standardized();
        Mlp model = Mlp.builder().input(4).dense(16, "relu").dense(3, "linear").seed(7).build();
        Mlp trained = Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.01)").batchSize(16).epochs(30)
                .seed(7).build().fit(model, split.train()).model();   // with its standardization and class names

        Path file = Files.createTempDirectory("neurite").resolve("iris.safetensors");
        ModelFiles.save(trained, file);                      // atomic: a failed save keeps the previous file
        Mlp loaded = ModelFiles.load(file);                  // or load(file, backend, dtype)
        double[] flower = {5.9, 3.0, 4.2, 1.5};              // raw features: the model standardizes them
        System.out.println(loaded.classNames().orElseThrow() + " " + Arrays.toString(loaded.predict(flower)));

        Path forTorch = file.resolveSibling("iris_torch.safetensors");   // nn.Sequential(Linear, ReLU, Linear)
        ModelFiles.exportPytorch(trained.withStandardization(null), forTorch);
        Mlp fromTorch = ModelFiles.importPytorch(forTorch,
                Mlp.builder().input(4).dense(16, "relu").dense(3, "linear"));
        System.out.println("same weights after PyTorch's layout: "
                + Arrays.equals(fromTorch.predict(new double[4]), trained.withStandardization(null).predict(new double[4])));
        // files:end
    }
}
