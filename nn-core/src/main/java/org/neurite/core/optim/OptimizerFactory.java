package org.neurite.core.optim;

import org.neurite.api.Stability;

/**
 * An optimizer with its hyper-parameters, immutable and thread-safe, that makes fresh stateful
 * {@link Optimizer}s. Obtained from {@link Optimizers}; two factories with the same hyper-parameters are
 * equal.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface OptimizerFactory {

    /**
     * The canonical text, every hyper-parameter written out, that {@link Optimizers#parse} turns back into
     * an equal factory, e.g.
     * {@code adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, weight_decay=0.0, amsgrad=false)}.
     */
    String spec();

    /** The initial learning rate of the optimizers made. */
    double learningRate();

    /** A new optimizer with empty state; its buffers are sized at the first step from the gradients. */
    Optimizer create();
}
