package org.neurite.examples.embed;

import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;

/**
 * The model the scoring service runs: 3 features, a hidden layer of 8 {@code scaled_tanh} units, one
 * {@code sigmoid} score in (0, 1).
 *
 * <p>It stands in for a trained model: Neurite cannot train or load weights yet, so the weights come from
 * a fixed seed, and every backend, dtype and wiring (Guice or plain) builds exactly the same network.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ScoringModel {

    /** The number of features per row. */
    public static final int FEATURES = 3;
    /** The seed of the weights. */
    public static final long SEED = 2024;

    private ScoringModel() {
    }

    /**
     * Builds the model with {@code builder}, which decides the backend and the activation registry
     * ({@code scaled_tanh} must be in it).
     */
    public static Mlp build(MlpBuilder builder) {
        return builder.input(FEATURES)
                .dense(8, ScaledTanhFactory.NAME)
                .dense(1, "sigmoid")
                .seed(SEED)
                .build();
    }
}
