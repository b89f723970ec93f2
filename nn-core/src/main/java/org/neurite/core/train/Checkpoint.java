package org.neurite.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;

/**
 * Everything {@link Trainer#resume} needs to continue a run after an epoch as if it had never stopped: the
 * weights, the optimizer's state, the run's seed (which fixes every later epoch's shuffle and the
 * validation split), the history so far (from which the schedule and early stopping are replayed) and, with
 * early stopping's {@code restoreBest}, the best weights seen. Made by {@link Trainer.Builder#checkpoints}
 * after every epoch; immutable (arrays are copied in and out).
 *
 * @param model the model after {@link #epoch()} epochs, a copy of its own
 * @param weights the optimizer's float64 master copies of the parameters, in {@code model.parameters()}
 *     order (for a float32 model, more precise than its tensors, and what the run continues from)
 * @param epoch the number of epochs completed
 * @param seed the run's seed
 * @param optimizerState the optimizer's {@code state()}
 * @param history the epochs so far
 * @param bestWeights the best epoch's weights in {@code model.parameters()} order, or empty
 */
@Stability(Stability.Status.EXPERIMENTAL)
public record Checkpoint(Mlp model, List<double[]> weights, int epoch, long seed, Map<String, double[]> optimizerState, History history,
                         List<double[]> bestWeights) {

    /** Checks and copies. */
    public Checkpoint {
        Objects.requireNonNull(model, "model");
        if (epoch < 1 || epoch != history.epochs().size()) {
            throw new IllegalArgumentException("checkpoint: epoch: expected the history's length "
                    + history.epochs().size() + " (>= 1), got " + epoch);
        }
        weights = copy(weights);
        optimizerState = copy(optimizerState);
        bestWeights = copy(bestWeights);
    }

    @Override
    public List<double[]> weights() {
        return copy(weights);
    }

    @Override
    public Map<String, double[]> optimizerState() {
        return copy(optimizerState);
    }

    @Override
    public List<double[]> bestWeights() {
        return copy(bestWeights);
    }

    private static Map<String, double[]> copy(Map<String, double[]> state) {
        Map<String, double[]> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.clone()));
        return Collections.unmodifiableMap(out);
    }

    private static List<double[]> copy(List<double[]> arrays) {
        List<double[]> out = new ArrayList<>();
        for (double[] a : arrays) {
            out.add(a.clone());
        }
        return Collections.unmodifiableList(out);
    }
}
