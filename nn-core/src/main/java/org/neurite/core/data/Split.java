package org.neurite.core.data;

import java.util.Objects;
import org.neurite.api.Stability;
import org.neurite.core.Standardization;

/**
 * A data set split into a training and a validation part, as {@link Dataset#split(double, long)} makes.
 *
 * @param train the rows to train on
 * @param validation the held-out rows, of the same features and kind (classes or target width)
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record Split(Dataset train, Dataset validation) {

    /**
     * Checks that both parts are present and alike.
     *
     * @throws IllegalArgumentException if the parts differ in features, kind, classes or target width
     */
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        if (train.featureCount() != validation.featureCount()) {
            throw new IllegalArgumentException("validation: expected " + train.featureCount()
                    + " features (as train), got " + validation.featureCount());
        }
        if (train.isClassification() != validation.isClassification()
                || !train.classNames().equals(validation.classNames())
                || train.targetWidth() != validation.targetWidth()) {
            throw new IllegalArgumentException("validation: expected the kind of train (" + train
                    + ", classes " + train.classNames() + "), got " + validation + ", classes "
                    + validation.classNames());
        }
    }

    /**
     * Both parts standardized with a {@link Standardization} fitted on the training part only, so that
     * nothing of the validation part leaks into training.
     *
     * @throws IllegalStateException if a part is already standardized
     */
    public Split standardized() {
        Standardization s = Standardization.fit(train.features());
        return new Split(train.standardizedWith(s), validation.standardizedWith(s));
    }
}
