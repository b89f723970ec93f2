package org.neurite.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, specs and argument checks of the schedules; their values are checked against torch elsewhere. */
class SchedulesTest {

    @Test
    void namesAreSorted() {
        assertEquals(List.of("cosine", "exponential", "linear_warmup", "multi_step", "reduce_on_plateau", "step"),
                Schedules.names());
    }

    @Test
    void defaultsAreTorchs() {
        assertEquals("step(step_size=30, gamma=0.1)", Schedules.parse("step(step_size=30)").spec());
        assertEquals("multi_step(milestones=30;80, gamma=0.1)", Schedules.parse("multi_step(milestones=80;30)")
                .spec());
        assertEquals("exponential(gamma=0.9)", Schedules.parse("exponential(gamma=0.9)").spec());
        assertEquals("cosine(t_max=10, eta_min=0.0)", Schedules.parse("cosine(t_max=10)").spec());
        assertEquals("linear_warmup(start_factor=" + (1.0 / 3) + ", end_factor=1.0, total_iters=5)",
                Schedules.parse("linear_warmup").spec());
        assertEquals("reduce_on_plateau(mode=min, factor=0.1, patience=10, threshold=1.0E-4, threshold_mode=rel, "
                + "cooldown=0, min_lr=0.0, eps=1.0E-8)", Schedules.parse("reduce_on_plateau").spec());
        assertEquals(Schedules.step(30, 0.1), Schedules.parse("step(step_size=30)"));
        assertEquals(Schedules.multiStep(List.of(80, 30), 0.1), Schedules.parse("multi_step(milestones=30;80)"));
        assertEquals(Schedules.cosine(10, 0), Schedules.parse("cosine(t_max=10)"));
        assertEquals(Schedules.linearWarmup(1.0 / 3, 1.0, 5), Schedules.parse("linear_warmup"));
        assertEquals(Schedules.exponential(0.5), Schedules.parse("EXPONENTIAL(gamma=0.5)"));
        assertEquals(Schedules.reduceOnPlateau("min", 0.1, 10, 1e-4, "rel", 0, 0, 1e-8),
                Schedules.parse("reduce_on_plateau"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"step(step_size=3, gamma=0.5)", "multi_step(milestones=7;3;7, gamma=0.5)",
            "multi_step(milestones=0)", "exponential(gamma=0.95)", "cosine(t_max=6, eta_min=1e-3)",
            "linear_warmup(start_factor=0.25, end_factor=0.8, total_iters=8)",
            "reduce_on_plateau(mode=MAX, factor=0.3, patience=1, threshold=0.1, threshold_mode=abs, cooldown=1, "
                    + "min_lr=5e-4, eps=0)"})
    void specParsesBackToAnEqualFactory(String text) {
        ScheduleFactory f = Schedules.parse(text);
        ScheduleFactory back = Schedules.parse(f.spec());
        assertEquals(f, back);
        assertEquals(f.spec(), back.spec());
        Schedule s = f.create(Optimizers.sgd(0.1).create());
        assertEquals(f.spec(), s.spec());
        assertEquals(0, s.epochs());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "onecycle|schedule: name: expected one of [cosine, exponential, linear_warmup, multi_step, "
                + "reduce_on_plateau, step], got 'onecycle'",
        "step|step: step_size: expected an integer (it is required), got nothing",
        "step(step_size=0)|step: step_size: expected an integer >= 1, got 0",
        "step(step_size=2.5)|step: step_size: expected an integer, got '2.5'",
        "step(step_size=3, gama=0.1)|step: parameter: expected one of [step_size, gamma], got 'gama'",
        "step(step_size=3, gamma=-0.1)|step: gamma: expected a finite value > 0, got -0.1",
        "multi_step|multi_step: milestones: expected integers separated by ';' (it is required), got nothing",
        "multi_step(milestones=3;x)|multi_step: milestones: expected an integer, got 'x'",
        "multi_step(milestones=3;-1)|multi_step: milestones: expected integers >= 0, got [3, -1]",
        "exponential|exponential: gamma: expected a number (it is required), got nothing",
        "cosine(t_max=0)|cosine: t_max: expected an integer >= 1, got 0",
        "cosine(t_max=5, eta_min=-1)|cosine: eta_min: expected a finite value >= 0, got -1.0",
        "linear_warmup(start_factor=0)|linear_warmup: start_factor: expected a value in (0, 1], got 0.0",
        "linear_warmup(end_factor=1.5)|linear_warmup: end_factor: expected a value in [0, 1], got 1.5",
        "linear_warmup(total_iters=0)|linear_warmup: total_iters: expected an integer >= 1, got 0",
        "reduce_on_plateau(mode=avg)|reduce_on_plateau: mode: expected one of [min, max], got 'avg'",
        "reduce_on_plateau(threshold_mode=pct)|reduce_on_plateau: threshold_mode: expected one of [rel, abs], "
                + "got 'pct'",
        "reduce_on_plateau(factor=1.0)|reduce_on_plateau: factor: expected a value in [0, 1), got 1.0",
        "reduce_on_plateau(patience=-1)|reduce_on_plateau: patience: expected an integer >= 0, got -1",
        "reduce_on_plateau(cooldown=-2)|reduce_on_plateau: cooldown: expected an integer >= 0, got -2",
        "reduce_on_plateau(min_lr=-1)|reduce_on_plateau: min_lr: expected a finite value >= 0, got -1.0",
    })
    void badSpecsAreRejectedWithClearMessages(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Schedules.parse(text))
                .getMessage());
    }

    @Test
    void plateauNeedsAMetric() {
        Optimizer o = Optimizers.sgd(0.1).create();
        Schedule s = Schedules.parse("reduce_on_plateau").create(o);
        assertEquals("reduce_on_plateau: step: expected a metric, call step(metric)",
                assertThrows(IllegalStateException.class, s::step).getMessage());
        assertEquals(0, s.epochs());
        assertEquals(0.1, s.learningRate());
        s.step(1.0);
        assertEquals(1, s.epochs());
    }

    @Test
    void othersIgnoreTheMetric() {
        Optimizer a = Optimizers.sgd(0.1).create();
        Optimizer b = Optimizers.sgd(0.1).create();
        Schedule sa = Schedules.parse("cosine(t_max=4)").create(a);
        Schedule sb = Schedules.parse("cosine(t_max=4)").create(b);
        for (int k = 0; k < 9; k++) {
            sa.step();
            sb.step(1e6 * k);
            assertEquals(a.learningRate(), b.learningRate(), 0.0);
            assertEquals(sa.learningRate(), a.learningRate(), 0.0);
        }
        assertEquals(9, sb.epochs());
    }

    @Test
    void nullOptimizerIsRejected() {
        for (String name : Schedules.names()) {
            String spec = switch (name) {
                case "step" -> "step(step_size=2)";
                case "multi_step" -> "multi_step(milestones=2)";
                case "exponential" -> "exponential(gamma=0.5)";
                case "cosine" -> "cosine(t_max=2)";
                default -> name;
            };
            ScheduleFactory f = Schedules.parse(spec);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.create(null));
            assertEquals(true, e.getMessage().endsWith("optimizer: expected an optimizer, got null"),
                    e.getMessage());
        }
    }
}
