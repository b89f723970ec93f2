package org.neurite.core.optim;

import org.neurite.api.Stability;

/**
 * A learning-rate schedule with its parameters, immutable and thread-safe, that attaches fresh stateful
 * {@link Schedule}s to optimizers. Obtained from {@link Schedules}; equal parameters give equal factories.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface ScheduleFactory {

    /**
     * The canonical text, every parameter written out, that {@link Schedules#parse} turns back into an equal
     * factory, e.g. {@code step(step_size=30, gamma=0.1)}.
     */
    String spec();

    /**
     * A new schedule driving {@code optimizer}'s learning rate. Its base learning rate is the optimizer's
     * current one, and, as torch's constructor, it takes its initial step at once: {@code linear_warmup}
     * multiplies the learning rate by {@code start_factor} here, the others leave it as it is.
     *
     * @throws IllegalArgumentException if {@code optimizer} is null
     */
    Schedule create(Optimizer optimizer);
}
