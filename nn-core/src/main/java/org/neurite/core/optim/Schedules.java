package org.neurite.core.optim;

import java.util.List;
import org.neurite.api.Stability;

/**
 * The learning-rate schedules, by name or by factory method, reproducing PyTorch 1.13's
 * {@code torch.optim.lr_scheduler} (the chainable forms, so the sequences agree to the last bits).
 *
 * <table>
 * <caption>Schedules and their parameters (spec names, defaults)</caption>
 * <tr><th>name</th><th>torch</th><th>parameters</th></tr>
 * <tr><td>{@code step}</td><td>{@code StepLR}</td><td>{@code step_size} (required, &gt;= 1),
 *     {@code gamma=0.1}</td></tr>
 * <tr><td>{@code multi_step}</td><td>{@code MultiStepLR}</td><td>{@code milestones} (required, epochs
 *     separated by {@code ;}, e.g. {@code 30;80}), {@code gamma=0.1}</td></tr>
 * <tr><td>{@code exponential}</td><td>{@code ExponentialLR}</td><td>{@code gamma} (required)</td></tr>
 * <tr><td>{@code cosine}</td><td>{@code CosineAnnealingLR}</td><td>{@code t_max} (required, &gt;= 1),
 *     {@code eta_min=0}</td></tr>
 * <tr><td>{@code linear_warmup}</td><td>{@code LinearLR}</td><td>{@code start_factor=1/3} (in (0, 1]),
 *     {@code end_factor=1.0} (in [0, 1]), {@code total_iters=5}</td></tr>
 * <tr><td>{@code reduce_on_plateau}</td><td>{@code ReduceLROnPlateau}</td><td>{@code mode=min} (min|max),
 *     {@code factor=0.1} (in [0, 1)), {@code patience=10}, {@code threshold=1e-4},
 *     {@code threshold_mode=rel} (rel|abs), {@code cooldown=0}, {@code min_lr=0}, {@code eps=1e-8}</td></tr>
 * </table>
 *
 * <p>Gammas must be finite and {@code > 0}. Only {@code reduce_on_plateau} uses the metric of
 * {@link Schedule#step(double)} and it rejects {@link Schedule#step()}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Schedules {

    private static final List<String> NAMES = List.of("cosine", "exponential", "linear_warmup", "multi_step",
            "reduce_on_plateau", "step");

    private Schedules() {
    }

    /**
     * A schedule from its text: a name (any case) and parameters, e.g. {@code step(step_size=30)},
     * {@code multi_step(milestones=30;80, gamma=0.1)}, {@code linear_warmup}; omitted optional parameters
     * take torch's defaults. {@code parse(f.spec())} equals {@code f}.
     *
     * @throws IllegalArgumentException for an unknown name or parameter (listing the known ones), a missing
     *         required parameter, a malformed text or value, or a value out of range
     */
    public static ScheduleFactory parse(String spec) {
        Spec s = Spec.parse("schedule", spec, "step(step_size=30, gamma=0.1)");
        return switch (s.name()) {
            case "step" -> EpochSchedule.StepFactory.parse(s);
            case "multi_step" -> EpochSchedule.MultiStepFactory.parse(s);
            case "exponential" -> EpochSchedule.ExponentialFactory.parse(s);
            case "cosine" -> EpochSchedule.CosineFactory.parse(s);
            case "linear_warmup" -> EpochSchedule.LinearWarmupFactory.parse(s);
            case "reduce_on_plateau" -> PlateauSchedule.Factory.parse(s);
            default -> throw new IllegalArgumentException("schedule: name: expected one of " + NAMES + ", got '"
                    + s.name() + "'");
        };
    }

    /** The names {@link #parse} knows, sorted. */
    public static List<String> names() {
        return NAMES;
    }

    /** StepLR: times {@code gamma} every {@code stepSize} epochs. */
    public static ScheduleFactory step(int stepSize, double gamma) {
        return new EpochSchedule.StepFactory(stepSize, gamma);
    }

    /** MultiStepLR: times {@code gamma} at each milestone epoch (repeats multiply again). */
    public static ScheduleFactory multiStep(List<Integer> milestones, double gamma) {
        return new EpochSchedule.MultiStepFactory(milestones, gamma);
    }

    /** ExponentialLR: times {@code gamma} every epoch. */
    public static ScheduleFactory exponential(double gamma) {
        return new EpochSchedule.ExponentialFactory(gamma);
    }

    /** CosineAnnealingLR from the base learning rate down to {@code etaMin} over {@code tMax} epochs. */
    public static ScheduleFactory cosine(int tMax, double etaMin) {
        return new EpochSchedule.CosineFactory(tMax, etaMin);
    }

    /** LinearLR: from {@code startFactor} to {@code endFactor} times the base over {@code totalIters} epochs. */
    public static ScheduleFactory linearWarmup(double startFactor, double endFactor, int totalIters) {
        return new EpochSchedule.LinearWarmupFactory(startFactor, endFactor, totalIters);
    }

    /**
     * ReduceLROnPlateau with every parameter.
     *
     * @param mode {@code min} or {@code max}
     * @param thresholdMode {@code rel} or {@code abs}
     */
    public static ScheduleFactory reduceOnPlateau(String mode, double factor, int patience, double threshold,
            String thresholdMode, int cooldown, double minLr, double eps) {
        return new PlateauSchedule.Factory(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }
}
