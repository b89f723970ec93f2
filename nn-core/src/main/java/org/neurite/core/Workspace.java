package org.neurite.core;

import java.util.List;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;

/**
 * The buffers of one forward pass of one {@link Mlp} at one batch size, so that repeated passes allocate
 * nothing: fill {@link #input()}, call {@link Mlp#forward(Workspace)}, read {@link #output()}.
 *
 * <p>A workspace belongs to one thread at a time (it is where the pass writes); a model may run any
 * number of workspaces at once. Training will keep what backpropagation needs here, never in the layers.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Workspace {

    private final Mlp owner;
    private final Tensor input;
    private final List<Tensor> preActivations;
    private final List<Tensor> outputs;

    Workspace(Mlp owner, Tensor input, List<Tensor> preActivations, List<Tensor> outputs) {
        this.owner = owner;
        this.input = input;
        this.preActivations = List.copyOf(preActivations);
        this.outputs = List.copyOf(outputs);
    }

    /** The model this workspace was made for. */
    public Mlp owner() {
        return owner;
    }

    /** The batch size. */
    public int batchSize() {
        return input.rows();
    }

    /** The input buffer {@code (batch, inputs)}, to fill before a pass. */
    public Tensor input() {
        return input;
    }

    /** The output buffer {@code (batch, outputs)}, valid after a pass until the next. */
    public Tensor output() {
        return outputs.get(outputs.size() - 1);
    }

    /** Layer {@code i}'s (0-based) pre-activation buffer. */
    public Tensor preActivation(int i) {
        return preActivations.get(i);
    }

    /** Layer {@code i}'s (0-based) output buffer. */
    public Tensor output(int i) {
        return outputs.get(i);
    }
}
