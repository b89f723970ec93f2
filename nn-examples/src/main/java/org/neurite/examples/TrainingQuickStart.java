package org.neurite.examples;

import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.data.Split;
import org.neurite.core.train.Progress;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingResult;
import org.neurite.io.BundledDatasets;

/**
 * The README's training example. The lines between the markers are copied into README.md, and
 * {@code ReadmeQuickStartTest} checks that both say the same and that this program runs.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class TrainingQuickStart {

    private TrainingQuickStart() {
    }

    /** Trains {@code [64, 128, 64, 10]} on the bundled digits and prints the history and the held-out accuracy. */
    public static void main(String[] args) {
        // training:begin
        Split split = BundledDatasets.digits()                // 1,797 images of 8 × 8 pixels, 10 classes
                .split(0.75, 42)                              // seeded, stratified: 25% held out
                .standardized();                              // fitted on the training part only
        Mlp model = Mlp.builder().input(64)
                .dense(128, "relu").dense(64, "relu").dense(10, "linear")   // logits
                .seed(42).build();
        Trainer trainer = Trainer.builder()
                .loss("cross_entropy").optimizer("adam(lr=0.001)").batchSize(64).epochs(50).seed(42)
                .validationSplit(0.1).earlyStopping(10)       // 10% of the training part watches for over-fitting
                .listener(Progress.toLog())                   // epochs to SLF4J
                .build();
        TrainingResult result = trainer.fit(model, split.train());

        Mlp trained = result.model();                         // immutable, thread-safe; applies the standardization
        System.out.printf("epochs: %d, best: %d, held-out accuracy: %.4f%n", result.history().epochs().size(),
                result.history().bestEpoch(), trainer.evaluate(trained, split.validation()).accuracy());
        double[] pixels = BundledDatasets.digits().features(0);                 // raw features in
        double[] logits = trained.predict(pixels);
        System.out.println("first digit's logits: " + java.util.Arrays.toString(logits));
        // training:end
    }
}
