package org.neurite.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;

/**
 * The buffers of one training step of one {@link Mlp} at one batch size: the forward pass's
 * {@link Workspace}, the gradient of every layer's output, and one gradient tensor per
 * {@linkplain Mlp#parameters() parameter}, in the same order. Gradients live here, never in the model, so
 * that one model can train on several threads at once (one workspace each, then a sum), and a model in use
 * for inference is never touched.
 *
 * <p>A step: fill {@link #input()}, {@link Mlp#forward(Workspace)} on {@link #forward()}, write
 * {@code dL/d output} into {@link #outputGradient()}, {@link Mlp#backward(TrainingWorkspace)}; the
 * parameter gradients are then in {@link #gradient(int)}. Backward <em>adds</em> to them, as PyTorch's
 * {@code backward()} does: call {@link #zeroGradients()} before a step. Belongs to one thread at a time.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class TrainingWorkspace {

    private static final DoubleUnaryOperator ZERO = x -> 0.0;

    private final Mlp owner;
    private final Workspace forward;
    /** {@code dL/da} of layer i, {@code (batch, out_i)}; the last one is {@link #outputGradient()}. */
    private final List<Tensor> outputGradients;
    private final List<Tensor> gradients;
    /** Per layer, the view of {@link #gradients} that belongs to it, made once. */
    private final List<List<Tensor>> layerGradients;

    TrainingWorkspace(Mlp owner, int batchSize) {
        this.owner = owner;
        this.forward = owner.workspace(batchSize);
        Backend backend = owner.backend();
        DType dtype = owner.dtype();
        List<Tensor> grads = new ArrayList<>();
        List<Tensor> outGrads = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        for (Layer layer : owner.layers()) {
            outGrads.add(backend.zeros(dtype, batchSize, layer.outputSize()));
            int start = grads.size();
            for (Tensor p : layer.parameters().values()) {
                grads.add(backend.zeros(dtype, p.shape()));
            }
            ranges.add(new int[] {start, grads.size()});
        }
        this.outputGradients = List.copyOf(outGrads);
        this.gradients = List.copyOf(grads);
        List<List<Tensor>> perLayer = new ArrayList<>();
        for (int[] r : ranges) {
            perLayer.add(gradients.subList(r[0], r[1]));
        }
        this.layerGradients = List.copyOf(perLayer);
    }

    /** The model this workspace was made for. */
    public Mlp owner() {
        return owner;
    }

    /** The batch size. */
    public int batchSize() {
        return forward.batchSize();
    }

    /** The forward pass's buffers. */
    public Workspace forward() {
        return forward;
    }

    /** The input buffer {@code (batch, inputs)}, {@code forward().input()}. */
    public Tensor input() {
        return forward.input();
    }

    /** The model's output after a forward pass, {@code forward().output()}. */
    public Tensor output() {
        return forward.output();
    }

    /**
     * The buffer for {@code dL/d output}, {@code (batch, outputs)}, to fill before
     * {@link Mlp#backward(TrainingWorkspace)}; the backward pass uses it as scratch.
     */
    public Tensor outputGradient() {
        return outputGradients.get(outputGradients.size() - 1);
    }

    /** The gradient of parameter {@code i} of {@link Mlp#parameters()}, same shape. */
    public Tensor gradient(int i) {
        return gradients.get(i);
    }

    /** Every parameter gradient, in the order of {@link Mlp#parameters()}. */
    public List<Tensor> gradients() {
        return gradients;
    }

    /** Sets every parameter gradient to zero (a NaN left by a failed step too); allocates nothing. */
    public void zeroGradients() {
        for (int i = 0; i < gradients.size(); i++) { // indexed: an iterator would be an object per step
            Tensor g = gradients.get(i);
            g.backend().map(g, ZERO, g);
        }
    }

    List<Tensor> layerGradients(int layer) {
        return layerGradients.get(layer);
    }

    /** {@code dL/da} of layer {@code i} (0-based). */
    Tensor outputGradient(int layer) {
        return outputGradients.get(layer);
    }
}
