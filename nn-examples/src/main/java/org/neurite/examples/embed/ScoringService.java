package org.neurite.examples.embed;

import java.util.Objects;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;

/**
 * Scores batches of feature rows with a model it is given: one score per row, the model's single output.
 *
 * <p>Plain Java with no annotations, so that it works with or without a dependency-injection container;
 * the Guice wiring constructs it in a provider method. Thread-safe, as the model is: one service may score
 * from many request threads at once.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ScoringService {

    private final Mlp model;

    /**
     * A service scoring with {@code model}.
     *
     * @param model one output per row
     * @throws IllegalArgumentException if the model has more than one output
     */
    public ScoringService(Mlp model) {
        this.model = Objects.requireNonNull(model, "model");
        if (model.outputSize() != 1) {
            throw new IllegalArgumentException("model: expected one output (the score), got " + model.outputSize());
        }
    }

    /**
     * The score of every row.
     *
     * @param rows {@code rows[i]} holds the features of row {@code i}; not modified
     * @return one score per row, in order
     * @throws IllegalArgumentException if a row does not have the model's number of features
     */
    public double[] score(double[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != model.inputSize()) {
                throw new IllegalArgumentException("row " + (i + 1) + ": expected " + model.inputSize()
                        + " features (the model's input size), got " + rows[i].length);
            }
        }
        if (rows.length == 0) {
            return new double[0];
        }
        double[][] out = model.predict(rows);
        double[] scores = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            scores[i] = out[i][0];
        }
        return scores;
    }

    /** The model, for example to print its summary or its backend. */
    public Mlp model() {
        return model;
    }
}
