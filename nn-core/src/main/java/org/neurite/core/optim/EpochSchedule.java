package org.neurite.core.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * torch's {@code _LRScheduler} with its chainable (recursive) {@code get_lr} forms: each new learning rate is
 * computed from the optimizer's current one, {@code last_epoch} counts from 0 (the step the constructor
 * takes), and the base learning rate is the optimizer's at construction. The variants, nested, are
 * StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR and LinearLR of PyTorch 1.13.
 */
abstract class EpochSchedule implements Schedule {

    private final Optimizer optimizer;
    private final String spec;
    /** torch's {@code base_lrs[0]}. */
    final double baseLr;
    private long lastEpoch = -1;
    private double lastLr;

    EpochSchedule(Optimizer optimizer, String spec) {
        if (optimizer == null) {
            throw new IllegalArgumentException(spec + ": optimizer: expected an optimizer, got null");
        }
        this.optimizer = optimizer;
        this.spec = spec;
        this.baseLr = optimizer.learningRate();
    }

    /** Takes the initial step, as torch's constructor does, and returns the schedule. */
    static Schedule start(EpochSchedule schedule) {
        schedule.advance();
        return schedule;
    }

    /** The learning rate for epoch {@code epoch} from the current one {@code lr} (torch's get_lr). */
    abstract double next(double lr, long epoch);

    private void advance() {
        long epoch = lastEpoch + 1;
        double lr = next(optimizer.learningRate(), epoch);
        optimizer.setLearningRate(lr);
        lastEpoch = epoch;
        lastLr = lr;
    }

    @Override
    public final void step() {
        advance();
    }

    @Override
    public final void step(double metric) {
        advance();
    }

    @Override
    public final double learningRate() {
        return lastLr;
    }

    @Override
    public final long epochs() {
        return lastEpoch;
    }

    @Override
    public final String spec() {
        return spec;
    }

    /** StepLR: the learning rate times {@code gamma} every {@code stepSize} epochs. */
    record StepFactory(int stepSize, double gamma) implements ScheduleFactory {
        static final List<String> PARAMS = List.of("step_size", "gamma");

        StepFactory {
            Spec.atLeast("step", "step_size", 1, stepSize);
            Spec.positive("step", "gamma", gamma);
        }

        static StepFactory parse(Spec s) {
            s.requireKnown(PARAMS);
            return new StepFactory(s.integer("step_size"), s.number("gamma", 0.1));
        }

        @Override
        public String spec() {
            return "step(step_size=" + stepSize + ", gamma=" + gamma + ")";
        }

        @Override
        public Schedule create(Optimizer optimizer) {
            return start(new EpochSchedule(optimizer, spec()) {
                @Override
                double next(double lr, long epoch) {
                    return epoch == 0 || epoch % stepSize != 0 ? lr : lr * gamma;
                }
            });
        }
    }

    /**
     * MultiStepLR: the learning rate times {@code gamma} at each milestone epoch; a milestone given k times
     * multiplies by {@code gamma^k} (torch counts them).
     *
     * @param milestones sorted ascending, repeats kept
     */
    record MultiStepFactory(List<Integer> milestones, double gamma) implements ScheduleFactory {
        static final List<String> PARAMS = List.of("milestones", "gamma");

        MultiStepFactory {
            if (milestones == null || milestones.isEmpty()) {
                throw new IllegalArgumentException("multi_step: milestones: expected at least one epoch, got "
                        + (milestones == null ? "null" : "none"));
            }
            List<Integer> sorted = new ArrayList<>(milestones.size());
            for (Integer m : milestones) {
                if (m == null || m < 0) {
                    throw new IllegalArgumentException("multi_step: milestones: expected integers >= 0, got "
                            + milestones);
                }
                sorted.add(m);
            }
            Collections.sort(sorted);
            milestones = List.copyOf(sorted);
            Spec.positive("multi_step", "gamma", gamma);
        }

        static MultiStepFactory parse(Spec s) {
            s.requireKnown(PARAMS);
            return new MultiStepFactory(s.integers("milestones"), s.number("gamma", 0.1));
        }

        @Override
        public String spec() {
            return "multi_step(milestones=" + milestones.stream().map(String::valueOf)
                    .collect(Collectors.joining(";")) + ", gamma=" + gamma + ")";
        }

        @Override
        public Schedule create(Optimizer optimizer) {
            return start(new EpochSchedule(optimizer, spec()) {
                @Override
                double next(double lr, long epoch) {
                    long count = milestones.stream().filter(m -> m == epoch).count();
                    return count == 0 ? lr : lr * Math.pow(gamma, count);
                }
            });
        }
    }

    /** ExponentialLR: the learning rate times {@code gamma} every epoch. */
    record ExponentialFactory(double gamma) implements ScheduleFactory {
        static final List<String> PARAMS = List.of("gamma");

        ExponentialFactory {
            Spec.positive("exponential", "gamma", gamma);
        }

        static ExponentialFactory parse(Spec s) {
            s.requireKnown(PARAMS);
            return new ExponentialFactory(s.number("gamma"));
        }

        @Override
        public String spec() {
            return "exponential(gamma=" + gamma + ")";
        }

        @Override
        public Schedule create(Optimizer optimizer) {
            return start(new EpochSchedule(optimizer, spec()) {
                @Override
                double next(double lr, long epoch) {
                    return epoch == 0 ? lr : lr * gamma;
                }
            });
        }
    }

    /**
     * CosineAnnealingLR with torch 1.13's recursive form (not the closed form), so values agree with torch to
     * the last bits; past {@code tMax} it rises again, as torch's does. Cosines by {@link Math#cos}, which on
     * HotSpot agrees with the C library cos that Python uses.
     */
    record CosineFactory(int tMax, double etaMin) implements ScheduleFactory {
        static final List<String> PARAMS = List.of("t_max", "eta_min");

        CosineFactory {
            Spec.atLeast("cosine", "t_max", 1, tMax);
            Spec.nonNegative("cosine", "eta_min", etaMin);
        }

        static CosineFactory parse(Spec s) {
            s.requireKnown(PARAMS);
            return new CosineFactory(s.integer("t_max"), s.number("eta_min", 0));
        }

        @Override
        public String spec() {
            return "cosine(t_max=" + tMax + ", eta_min=" + etaMin + ")";
        }

        @Override
        public Schedule create(Optimizer optimizer) {
            return start(new EpochSchedule(optimizer, spec()) {
                @Override
                double next(double lr, long epoch) {
                    if (epoch == 0) {
                        return lr;
                    }
                    if (Math.floorMod(epoch - 1 - tMax, 2L * tMax) == 0) {
                        return lr + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
                    }
                    return (1 + Math.cos(Math.PI * epoch / tMax))
                            / (1 + Math.cos(Math.PI * (epoch - 1) / tMax)) * (lr - etaMin) + etaMin;
                }
            });
        }
    }

    /**
     * LinearLR, a linear warm-up: the learning rate times {@code startFactor} at construction, then rising
     * linearly (chainable form) to {@code endFactor} times the base at epoch {@code totalIters}, then constant.
     */
    record LinearWarmupFactory(double startFactor, double endFactor, int totalIters) implements ScheduleFactory {
        static final List<String> PARAMS = List.of("start_factor", "end_factor", "total_iters");

        LinearWarmupFactory {
            if (!(startFactor > 0 && startFactor <= 1)) {
                throw new IllegalArgumentException("linear_warmup: start_factor: expected a value in (0, 1], got "
                        + startFactor);
            }
            Spec.unitClosed("linear_warmup", "end_factor", endFactor);
            Spec.atLeast("linear_warmup", "total_iters", 1, totalIters);
        }

        static LinearWarmupFactory parse(Spec s) {
            s.requireKnown(PARAMS);
            return new LinearWarmupFactory(s.number("start_factor", 1.0 / 3), s.number("end_factor", 1.0),
                    s.integer("total_iters", 5));
        }

        @Override
        public String spec() {
            return "linear_warmup(start_factor=" + startFactor + ", end_factor=" + endFactor + ", total_iters="
                    + totalIters + ")";
        }

        @Override
        public Schedule create(Optimizer optimizer) {
            return start(new EpochSchedule(optimizer, spec()) {
                @Override
                double next(double lr, long epoch) {
                    if (epoch == 0) {
                        return lr * startFactor;
                    }
                    if (epoch > totalIters) {
                        return lr;
                    }
                    return lr * (1. + (endFactor - startFactor)
                            / (totalIters * startFactor + (epoch - 1) * (endFactor - startFactor)));
                }
            });
        }
    }
}
