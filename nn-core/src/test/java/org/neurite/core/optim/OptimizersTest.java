package org.neurite.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, specs, argument checks and state save/restore of the optimizers. */
class OptimizersTest {

    @Test
    void namesAreSorted() {
        assertEquals(List.of("adagrad", "adam", "adamw", "rmsprop", "sgd"), Optimizers.names());
    }

    @Test
    void defaultsAreTorchs() {
        assertEquals("sgd(lr=0.01, momentum=0.0, dampening=0.0, nesterov=false, weight_decay=0.0)",
                Optimizers.parse("sgd").spec());
        assertEquals("adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, weight_decay=0.0, amsgrad=false)",
                Optimizers.parse("adam").spec());
        assertEquals("adamw(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, weight_decay=0.01, amsgrad=false)",
                Optimizers.parse("AdamW()").spec());
        assertEquals("rmsprop(lr=0.01, alpha=0.99, eps=1.0E-8, weight_decay=0.0, momentum=0.0, centered=false)",
                Optimizers.parse("rmsprop").spec());
        assertEquals("adagrad(lr=0.01, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, "
                + "eps=1.0E-10)", Optimizers.parse("adagrad").spec());
        assertEquals(Optimizers.adam(0.001), Optimizers.parse("adam"));
        assertEquals(Optimizers.adamw(0.001), Optimizers.parse("adamw"));
        assertEquals(Optimizers.sgd(0.01), Optimizers.parse("sgd"));
        assertEquals(Optimizers.rmsprop(0.01), Optimizers.parse("rmsprop"));
        assertEquals(Optimizers.adagrad(0.01), Optimizers.parse("adagrad"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "sgd(lr=0.1, momentum=0.9, nesterov=true)", "SGD(LR=0.5, dampening=0.2, "
            + "momentum=0.1, weight_decay=1e-4, nesterov=0)", "adam(lr=0.001)", "adam(amsgrad=1, beta1=0.5)",
            "adamw(weight_decay=0.0, amsgrad=TRUE)", "rmsprop(centered=true, momentum=0.9, alpha=0.9)",
            "adagrad(lr_decay=0.1, initial_accumulator_value=0.5, eps=1e-6)", "  adam ( lr = 2.5e-4 )  "})
    void specParsesBackToAnEqualFactory(String text) {
        OptimizerFactory f = Optimizers.parse(text);
        OptimizerFactory back = Optimizers.parse(f.spec());
        assertEquals(f, back);
        assertEquals(f.spec(), back.spec());
        assertEquals(f.hashCode(), back.hashCode());
        Optimizer o = f.create();
        assertEquals(f.spec(), o.spec());
        assertEquals(f.learningRate(), o.learningRate());
        assertEquals(0, o.steps());
        assertNotSame(o, f.create());
    }

    @Test
    void parsedValues() {
        OptimizerFactory f = Optimizers.parse("sgd(lr=0.1, momentum=0.9, nesterov=true)");
        assertEquals(Optimizers.sgd(0.1, 0.9, 0, true, 0), f);
        assertEquals(0.1, f.learningRate());
        assertEquals(Optimizers.adam(0.001, 0.5, 0.999, 1e-8, 0, true), Optimizers.parse("adam(amsgrad=1, beta1=0.5)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nadam(lr=0.1)|optimizer: name: expected one of [adagrad, adam, adamw, rmsprop, sgd], got 'nadam'",
        "adam(lr=0.1, mom=0.9)|adam: parameter: expected one of [lr, beta1, beta2, eps, weight_decay, amsgrad], "
                + "got 'mom'",
        "adam(lr=-1)|adam: lr: expected a finite value >= 0, got -1.0",
        "adam(lr=NaN)|adam: lr: expected a finite value >= 0, got NaN",
        "sgd(lr=Infinity)|sgd: lr: expected a finite value >= 0, got Infinity",
        "adam(beta1=1.0)|adam: beta1: expected a value in [0, 1), got 1.0",
        "adamw(beta2=-0.1)|adamw: beta2: expected a value in [0, 1), got -0.1",
        "adam(eps=-1e-8)|adam: eps: expected a finite value >= 0, got -1.0E-8",
        "sgd(nesterov=true)|sgd: nesterov: expected momentum > 0 and dampening = 0 with nesterov=true, "
                + "got momentum=0.0, dampening=0.0",
        "sgd(momentum=0.9, dampening=0.1, nesterov=true)|sgd: nesterov: expected momentum > 0 and dampening = 0 "
                + "with nesterov=true, got momentum=0.9, dampening=0.1",
        "sgd(momentum=-0.5)|sgd: momentum: expected a finite value >= 0, got -0.5",
        "sgd(weight_decay=-1)|sgd: weight_decay: expected a finite value >= 0, got -1.0",
        "rmsprop(alpha=-0.5)|rmsprop: alpha: expected a finite value >= 0, got -0.5",
        "adagrad(lr_decay=-1)|adagrad: lr_decay: expected a finite value >= 0, got -1.0",
        "adagrad(initial_accumulator_value=-1)|adagrad: initial_accumulator_value: expected a finite value >= 0, "
                + "got -1.0",
        "adam(lr=abc)|adam: lr: expected a number, got 'abc'",
        "adam(amsgrad=yes)|adam: amsgrad: expected true, false, 1 or 0, got 'yes'",
        "adam(lr=0.1, lr=0.2)|adam: lr: expected once, got twice in 'adam(lr=0.1, lr=0.2)'",
        "adam(lr)|adam: parameter: expected key=value, got 'lr' in 'adam(lr)'",
        "adam(lr=0.1|optimizer: spec: expected name(key=value, ...) like 'adam(lr=0.001)', got 'adam(lr=0.1'",
    })
    void badSpecsAreRejectedWithClearMessages(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void nullSpecIsRejected() {
        assertEquals("optimizer: spec: expected text like 'adam(lr=0.001)', got null",
                assertThrows(IllegalArgumentException.class, () -> Optimizers.parse(null)).getMessage());
    }

    @Test
    void factoryMethodsCheckToo() {
        assertEquals("adam: lr: expected a finite value >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(-1)).getMessage());
        assertEquals("rmsprop: eps: expected a finite value >= 0, got -1.0", assertThrows(
                IllegalArgumentException.class, () -> Optimizers.rmsprop(0.1, 0.9, -1, 0, 0, false)).getMessage());
    }

    @Test
    void setLearningRateIsChecked() {
        Optimizer o = Optimizers.adam(0.001).create();
        o.setLearningRate(0.5);
        assertEquals(0.5, o.learningRate());
        assertEquals("adam: lr: expected a finite value >= 0, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> o.setLearningRate(-0.1)).getMessage());
        assertEquals(0.5, o.learningRate());
    }

    private static List<double[]> params() {
        return new ArrayList<>(List.of(new double[] {0.5, -1.0, 2.0}, new double[] {0.25, 3.0}));
    }

    private static List<double[]> grads(List<double[]> ps, int k) {
        List<double[]> gs = new ArrayList<>();
        for (double[] p : ps) {
            double[] g = new double[p.length];
            for (int j = 0; j < p.length; j++) {
                g[j] = Math.sin(p[j] * (k + 1)) + 0.3 * p[j];
            }
            gs.add(g);
        }
        return gs;
    }

    @Test
    void mismatchedListsAreRejectedAndNothingChanges() {
        Optimizer o = Optimizers.parse("adam(lr=0.1)").create();
        List<double[]> ps = params();
        o.step(ps, grads(ps, 0));
        Map<String, double[]> before = o.state();
        double[] p0 = ps.get(0).clone();

        List<double[]> fewer = List.of(ps.get(0));
        assertEquals("adam: parameters: expected 2 arrays as at the first step, got 1", assertThrows(
                IllegalArgumentException.class, () -> o.step(fewer, grads(fewer, 1))).getMessage());
        assertEquals("adam: gradients: expected 2 arrays, one per parameter, got 1", assertThrows(
                IllegalArgumentException.class, () -> o.step(ps, List.of(new double[3]))).getMessage());
        List<double[]> shortGrad = List.of(new double[3], new double[1]);
        assertEquals("adam: gradients[1]: expected length 2 as parameters[1], got 1", assertThrows(
                IllegalArgumentException.class, () -> o.step(ps, shortGrad)).getMessage());
        List<double[]> longer = List.of(ps.get(0), new double[5]);
        assertEquals("adam: parameters[1]: expected length 2 as at the first step, got 5", assertThrows(
                IllegalArgumentException.class, () -> o.step(longer, List.of(new double[3], new double[5])))
                .getMessage());
        List<double[]> withNull = new ArrayList<>(List.of(new double[3]));
        withNull.add(null);
        assertEquals("adam: gradients[1]: expected an array, got null", assertThrows(
                IllegalArgumentException.class, () -> o.step(ps, withNull)).getMessage());

        assertEquals(1, o.steps());
        assertArrayEquals(p0, ps.get(0));
        assertStatesEqual(before, o.state());
    }

    @Test
    void mismatchAtTheFirstStepIsRejected() {
        Optimizer o = Optimizers.sgd(0.1).create();
        List<double[]> ps = params();
        assertEquals("sgd: gradients: expected 2 arrays, one per parameter, got 3", assertThrows(
                IllegalArgumentException.class, () -> o.step(ps, List.of(new double[3], new double[2],
                        new double[1]))).getMessage());
        assertEquals(0, o.steps());
        assertEquals(2, o.state().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd(lr=0.1)", "sgd(lr=0.05, momentum=0.9, dampening=0.2)",
            "sgd(lr=0.05, momentum=0.9, nesterov=true, weight_decay=0.01)", "adam(lr=0.05)",
            "adam(lr=0.05, amsgrad=true, weight_decay=0.1)", "adamw(lr=0.05, amsgrad=true)",
            "rmsprop(lr=0.01)", "rmsprop(lr=0.01, centered=true, momentum=0.5)",
            "adagrad(lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1)"})
    void restoredStateContinuesIdentically(String spec) {
        OptimizerFactory f = Optimizers.parse(spec);
        Optimizer a = f.create();
        List<double[]> pa = params();
        for (int k = 0; k < 5; k++) {
            a.step(pa, grads(pa, k));
        }
        a.setLearningRate(a.learningRate() * 0.5);
        Map<String, double[]> saved = a.state();
        Optimizer b = f.create();
        b.restoreState(saved);
        assertEquals(5, b.steps());
        assertEquals(a.learningRate(), b.learningRate());
        assertStatesEqual(saved, b.state());
        // the saved copies are not the live buffers
        saved.values().forEach(v -> java.util.Arrays.fill(v, 1e9));
        List<double[]> pb = new ArrayList<>();
        pa.forEach(p -> pb.add(p.clone()));
        for (int k = 5; k < 12; k++) {
            a.step(pa, grads(pa, k));
            b.step(pb, grads(pb, k));
            for (int i = 0; i < pa.size(); i++) {
                assertArrayEquals(pa.get(i), pb.get(i), 0.0, spec + " step " + k);
            }
        }
        assertStatesEqual(a.state(), b.state());
    }

    @Test
    void stateNamesAreTorchs() {
        Optimizer o = Optimizers.parse("adam(amsgrad=true)").create();
        assertEquals(List.of("lr", "step"), List.copyOf(o.state().keySet()));
        List<double[]> ps = params();
        o.step(ps, grads(ps, 0));
        assertEquals(List.of("lr", "step", "0.exp_avg", "0.exp_avg_sq", "0.max_exp_avg_sq", "1.exp_avg",
                "1.exp_avg_sq", "1.max_exp_avg_sq"), List.copyOf(o.state().keySet()));
        assertArrayEquals(new double[] {1}, o.state().get("step"));
        Optimizer s = Optimizers.parse("sgd(momentum=0.9)").create();
        s.step(ps, grads(ps, 0));
        assertEquals(List.of("lr", "step", "0.momentum_buffer", "1.momentum_buffer"),
                List.copyOf(s.state().keySet()));
        Optimizer r = Optimizers.parse("rmsprop(momentum=0.9, centered=true)").create();
        r.step(ps, grads(ps, 0));
        assertTrue(r.state().keySet().containsAll(List.of("0.square_avg", "0.momentum_buffer", "0.grad_avg")));
        Optimizer g = Optimizers.parse("adagrad").create();
        g.step(ps, grads(ps, 0));
        assertTrue(g.state().containsKey("1.sum"));
    }

    @Test
    void badStatesAreRejectedAndNothingChanges() {
        Optimizer o = Optimizers.parse("adam(lr=0.1)").create();
        List<double[]> ps = params();
        o.step(ps, grads(ps, 0));
        Map<String, double[]> good = o.state();
        Optimizer target = Optimizers.parse("adam(lr=0.1)").create();

        Map<String, double[]> unknown = new LinkedHashMap<>(good);
        unknown.put("0.momentum_buffer", new double[3]);
        assertEquals("adam: state: expected the names lr, step and <index>.[exp_avg, exp_avg_sq], got "
                + "'0.momentum_buffer'", assertThrows(IllegalArgumentException.class,
                        () -> target.restoreState(unknown)).getMessage());
        Map<String, double[]> missing = new LinkedHashMap<>(good);
        missing.remove("1.exp_avg_sq");
        assertEquals("adam: state 1.exp_avg_sq: expected an array, got none", assertThrows(
                IllegalArgumentException.class, () -> target.restoreState(missing)).getMessage());
        Map<String, double[]> wrongLength = new LinkedHashMap<>(good);
        wrongLength.put("1.exp_avg_sq", new double[5]);
        assertEquals("adam: state 1.exp_avg_sq: expected length 2 as 1.exp_avg, got 5", assertThrows(
                IllegalArgumentException.class, () -> target.restoreState(wrongLength)).getMessage());
        Map<String, double[]> noStep = new LinkedHashMap<>(good);
        noStep.remove("step");
        assertEquals("adam: state step: expected an array of length 1, got none", assertThrows(
                IllegalArgumentException.class, () -> target.restoreState(noStep)).getMessage());
        Map<String, double[]> fractional = new LinkedHashMap<>(good);
        fractional.put("step", new double[] {1.5});
        assertEquals("adam: state step: expected a whole number >= 0, got 1.5", assertThrows(
                IllegalArgumentException.class, () -> target.restoreState(fractional)).getMessage());
        Map<String, double[]> gap = new LinkedHashMap<>(good);
        gap.put("2.exp_avg", new double[1]);
        gap.put("2.exp_avg_sq", new double[1]);
        gap.remove("1.exp_avg");
        gap.remove("1.exp_avg_sq");
        assertEquals("adam: state: expected the buffers of parameters 0 to 1, got none for parameter 1",
                assertThrows(IllegalArgumentException.class, () -> target.restoreState(gap)).getMessage());

        assertEquals(0, target.steps());
        assertEquals(List.of("lr", "step"), List.copyOf(target.state().keySet()));
        target.restoreState(good);
        assertStatesEqual(good, target.state());
    }

    @Test
    void gradientsAreNotModified() {
        for (String name : Optimizers.names()) {
            Optimizer o = Optimizers.parse(name + "(weight_decay=0.1)").create();
            List<double[]> ps = params();
            for (int k = 0; k < 3; k++) {
                List<double[]> gs = grads(ps, k);
                List<double[]> copy = new ArrayList<>();
                gs.forEach(g -> copy.add(g.clone()));
                o.step(ps, gs);
                for (int i = 0; i < gs.size(); i++) {
                    assertArrayEquals(copy.get(i), gs.get(i), 0.0, name);
                }
            }
            assertEquals(3, o.steps());
        }
    }

    static void assertStatesEqual(Map<String, double[]> expected, Map<String, double[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), 0.0, k));
    }
}
