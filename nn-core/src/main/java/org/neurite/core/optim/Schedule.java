package org.neurite.core.optim;

import org.neurite.api.Stability;

/**
 * A stateful learning-rate schedule attached to one {@link Optimizer}, made by a {@link ScheduleFactory};
 * not thread-safe. Like torch's, it is stepped after the optimizer's step, usually once per epoch, and sets
 * the learning rate the optimizer's next steps use.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface Schedule {

    /**
     * Advances one epoch and sets the optimizer's learning rate.
     *
     * @throws IllegalStateException for {@code reduce_on_plateau}, which needs {@link #step(double)}
     */
    void step();

    /**
     * Advances one epoch given the monitored metric (e.g. the validation loss). {@code reduce_on_plateau}
     * uses it; the other schedules ignore it and do as {@link #step()}, so a trainer may always call this.
     */
    void step(double metric);

    /** The learning rate this schedule last computed (torch's {@code get_last_lr()}). */
    double learningRate();

    /** The number of completed {@link #step} calls, not counting the initial one at construction. */
    long epochs();

    /** The {@link ScheduleFactory#spec()} of the factory that made this schedule. */
    String spec();
}
