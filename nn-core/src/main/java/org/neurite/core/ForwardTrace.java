package org.neurite.core;

import java.util.Arrays;
import java.util.List;
import org.neurite.api.Stability;

/**
 * Every layer's pre-activation {@code z} and output {@code a} from one forward pass, as the tutorial's
 * step-by-step trace prints them. Arrays are copies: changing them changes nothing else.
 *
 * @param input the batch that went in, {@code (batch, inputs)}
 * @param steps one step per layer, in order
 */
@Stability(Stability.Status.STABLE)
public record ForwardTrace(double[][] input, List<Step> steps) {

    /** A defensive copy of the step list. */
    public ForwardTrace {
        steps = List.copyOf(steps);
    }

    /** The network's output, the last step's {@code a}. */
    public double[][] output() {
        return steps.get(steps.size() - 1).a();
    }

    /** The input and every step with their numbers, not the arrays' identities. */
    @Override
    public String toString() {
        return "ForwardTrace[input=" + Arrays.deepToString(input) + ", steps=" + steps + "]";
    }

    /**
     * One layer's part of the trace.
     *
     * @param layer the 1-based layer number
     * @param description the layer, for example {@code layer 1 (Dense 3 -> 4, relu)}
     * @param activation the activation's spec, for example {@code relu}
     * @param z the pre-activation, {@code (batch, out)}
     * @param a the output, {@code (batch, out)}
     */
    public record Step(int layer, String description, String activation, double[][] z, double[][] a) {

        /** The step with the numbers of {@code z} and {@code a}. */
        @Override
        public String toString() {
            return "Step[layer=" + layer + ", description=" + description + ", activation=" + activation
                    + ", z=" + Arrays.deepToString(z) + ", a=" + Arrays.deepToString(a) + "]";
        }
    }
}
