package org.neurite.core.optim;

import java.util.List;

/**
 * torch's {@code ReduceLROnPlateau} (1.13): multiplies the learning rate by {@code factor} (not below
 * {@code min_lr}, and only when that changes it by more than {@code eps}) once the metric has not improved
 * for more than {@code patience} epochs, then waits {@code cooldown} epochs, ignoring bad ones, before
 * counting again. Improvement means, for {@code mode=min}: {@code a < best * (1 - threshold)} ({@code rel}) or
 * {@code a < best - threshold} ({@code abs}); for {@code max}: {@code a > best * (1 + threshold)} or
 * {@code a > best + threshold}.
 */
final class PlateauSchedule implements Schedule {

    /** The parameters; {@code mode} is {@code min} or {@code max}, {@code thresholdMode} {@code rel} or {@code abs}. */
    record Factory(String mode, double factor, int patience, double threshold, String thresholdMode, int cooldown,
            double minLr, double eps) implements ScheduleFactory {

        static final List<String> PARAMS = List.of("mode", "factor", "patience", "threshold", "threshold_mode",
                "cooldown", "min_lr", "eps");
        static final List<String> MODES = List.of("min", "max");
        static final List<String> THRESHOLD_MODES = List.of("rel", "abs");

        Factory {
            if (!MODES.contains(mode)) {
                throw new IllegalArgumentException("reduce_on_plateau: mode: expected one of " + MODES + ", got '"
                        + mode + "'");
            }
            Spec.unitOpen("reduce_on_plateau", "factor", factor);
            Spec.atLeast("reduce_on_plateau", "patience", 0, patience);
            Spec.nonNegative("reduce_on_plateau", "threshold", threshold);
            if (!THRESHOLD_MODES.contains(thresholdMode)) {
                throw new IllegalArgumentException("reduce_on_plateau: threshold_mode: expected one of "
                        + THRESHOLD_MODES + ", got '" + thresholdMode + "'");
            }
            Spec.atLeast("reduce_on_plateau", "cooldown", 0, cooldown);
            Spec.nonNegative("reduce_on_plateau", "min_lr", minLr);
            Spec.nonNegative("reduce_on_plateau", "eps", eps);
        }

        static Factory parse(Spec s) {
            s.requireKnown(PARAMS);
            return new Factory(s.choice("mode", "min", MODES), s.number("factor", 0.1), s.integer("patience", 10),
                    s.number("threshold", 1e-4), s.choice("threshold_mode", "rel", THRESHOLD_MODES),
                    s.integer("cooldown", 0), s.number("min_lr", 0), s.number("eps", 1e-8));
        }

        @Override
        public String spec() {
            return "reduce_on_plateau(mode=" + mode + ", factor=" + factor + ", patience=" + patience
                    + ", threshold=" + threshold + ", threshold_mode=" + thresholdMode + ", cooldown=" + cooldown
                    + ", min_lr=" + minLr + ", eps=" + eps + ")";
        }

        @Override
        public Schedule create(Optimizer optimizer) {
            if (optimizer == null) {
                throw new IllegalArgumentException("reduce_on_plateau: optimizer: expected an optimizer, got null");
            }
            return new PlateauSchedule(this, optimizer);
        }
    }

    private final Factory f;
    private final Optimizer optimizer;
    private double best;
    private int badEpochs;
    private int cooldownCounter;
    private long epochs;
    private double lastLr;

    private PlateauSchedule(Factory f, Optimizer optimizer) {
        this.f = f;
        this.optimizer = optimizer;
        this.best = f.mode().equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        this.lastLr = optimizer.learningRate();
    }

    @Override
    public void step() {
        throw new IllegalStateException("reduce_on_plateau: step: expected a metric, call step(metric)");
    }

    @Override
    public void step(double metric) {
        epochs++;
        if (isBetter(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badEpochs = 0;
        }
        if (badEpochs > f.patience()) {
            double old = optimizer.learningRate();
            double reduced = Math.max(old * f.factor(), f.minLr());
            if (old - reduced > f.eps()) {
                optimizer.setLearningRate(reduced);
            }
            cooldownCounter = f.cooldown();
            badEpochs = 0;
        }
        lastLr = optimizer.learningRate();
    }

    private boolean isBetter(double a) {
        boolean min = f.mode().equals("min");
        if (f.thresholdMode().equals("rel")) {
            return min ? a < best * (1. - f.threshold()) : a > best * (f.threshold() + 1.);
        }
        return min ? a < best - f.threshold() : a > best + f.threshold();
    }

    @Override
    public double learningRate() {
        return lastLr;
    }

    @Override
    public long epochs() {
        return epochs;
    }

    @Override
    public String spec() {
        return f.spec();
    }
}
