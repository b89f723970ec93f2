package org.neurite.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neurite.api.DuplicateLossException;
import org.neurite.api.Loss;
import org.neurite.api.Losses;
import org.neurite.api.Reduction;
import org.neurite.api.UnknownLossException;
import org.neurite.api.spi.LossFactory;
import org.neurite.api.spi.LossProvider;

/**
 * Every built-in loss against PyTorch 1.13: {@code losses.tsv} beside {@code generate_fixtures.py} (in
 * this package's test resources) holds the prediction, target, loss and autograd gradient of each case as
 * torch computed them. Then the registry's behaviour for the built-ins: names, specs, errors.
 */
class BuiltinLossesTest {

    private static final String[] NAMES = {"bce", "bce_with_logits", "cross_entropy", "huber", "kl_div", "l1",
        "mse", "nll", "smooth_l1"};

    /** Float64: PyTorch and Neurite differ only in rounding (library exp/log, summation order). */
    private static final double FLOAT64_TOLERANCE = 1e-12;
    /** Float32: torch computed in float32, Neurite in double from the same (float32) inputs. */
    private static final double FLOAT32_TOLERANCE = 1e-4;

    private static final Losses LOSSES = Losses.discover();

    record Case(String id, String spec, String dtype, int rows, int cols, int targetCols, double[] prediction,
                double[] target, double loss, double[] gradient) { }

    static List<Case> fixtures() {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BuiltinLossesTest.class.getResourceAsStream("losses.tsv")) {
            if (in == null) {
                throw new IllegalStateException("losses.tsv not found beside BuiltinLossesTest");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 10) {
                    throw new IllegalStateException("losses.tsv: expected 10 fields, got " + f.length + ": " + line);
                }
                cases.add(new Case(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                        Integer.parseInt(f[5]), numbers(f[6]), numbers(f[7]), Double.parseDouble(f[8]),
                        numbers(f[9])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesPyTorch() {
        return fixtures().stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.spec(), () -> check(c)));
    }

    private static void check(Case c) {
        double tolerance = c.dtype().equals("float64") ? FLOAT64_TOLERANCE : FLOAT32_TOLERANCE;
        Loss loss = LOSSES.get(c.spec());
        double[] prediction = c.prediction().clone();
        double[] target = c.target().clone();
        double[] gradient = new double[prediction.length];
        Arrays.fill(gradient, Double.NaN);
        double value = loss.evaluate(prediction, target, c.rows(), c.cols(), c.targetCols(), gradient);
        assertClose(c.loss(), value, tolerance, c.id() + " loss");
        for (int i = 0; i < gradient.length; i++) {
            assertClose(c.gradient()[i], gradient[i], tolerance, c.id() + " gradient[" + i + "]");
        }
        assertEquals(value, loss.evaluate(prediction, target, c.rows(), c.cols(), c.targetCols(), null),
                c.id() + ": the same loss without a gradient");
        assertTrue(Arrays.equals(c.prediction(), prediction) && Arrays.equals(c.target(), target),
                c.id() + ": inputs unchanged");
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        if (!Double.isFinite(actual) || !(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)))) {
            fail(what + ": expected " + expected + " (PyTorch), got " + actual + " (difference "
                    + (actual - expected) + ")");
        }
    }

    @Test
    void theFixturesCoverEveryLossBothReductionsAndBothDtypes() {
        Map<String, TreeSet<String>> seen = new HashMap<>();
        for (Case c : fixtures()) {
            Loss loss = LOSSES.get(c.spec());
            seen.computeIfAbsent(loss.name(), k -> new TreeSet<>()).add(loss.reduction() + " " + c.dtype());
        }
        for (String name : NAMES) {
            assertEquals(new TreeSet<>(List.of("MEAN float32", "MEAN float64", "SUM float32", "SUM float64")),
                    seen.get(name), name);
        }
    }

    @Test
    void everyBuiltinIsRegisteredByTheBuiltinProvider() {
        assertEquals(List.of(NAMES), LOSSES.names());
        for (String name : NAMES) {
            assertTrue(LOSSES.sourceOf(name).contains(BuiltinLossProvider.class.getName()), name);
        }
        assertEquals(LOSSES.get("mse"), LOSSES.get("MSE_Loss"), "torch.nn.functional names are aliases");
        assertEquals(LOSSES.get("bce_with_logits"), LOSSES.get("binary_cross_entropy_with_logits"));
    }

    @Test
    void everySpecParsesBackToAnEqualLoss() {
        for (String name : NAMES) {
            for (Reduction reduction : Reduction.values()) {
                Loss loss = LOSSES.get(name + "(reduction=" + reduction.spec() + ")");
                assertEquals(name, loss.name());
                assertEquals(reduction, loss.reduction());
                assertEquals(loss, LOSSES.get(loss.spec()), loss.spec());
                assertEquals(loss.hashCode(), LOSSES.get(loss.spec()).hashCode());
                assertEquals(reduction == Reduction.SUM, loss.spec().contains("reduction=sum"), loss.spec());
            }
        }
        assertEquals("mse", LOSSES.get("mse").spec());
        assertEquals("mse(reduction=sum)", LOSSES.get("mse(reduction=SUM)").spec());
        assertEquals("huber(delta=1.0)", LOSSES.get("huber").spec());
        assertEquals("huber(delta=1.0, reduction=sum)", LOSSES.get("huber(reduction=sum)").spec());
        Loss huber = LOSSES.get(" Huber ( Delta = 2 , reduction = mean ) ");
        assertEquals("huber(delta=2.0)", huber.spec());
        assertEquals(Map.of("delta", 2.0), huber.parameters());
        assertEquals("cross_entropy(label_smoothing=0.1, reduction=sum)",
                LOSSES.get("cross_entropy(reduction=sum, label_smoothing=0.1)").spec());
        assertFalse(LOSSES.get("huber").equals(LOSSES.get("huber(reduction=sum)")));
        assertFalse(LOSSES.get("huber").equals(LOSSES.get("huber(delta=2)")));
    }

    @Test
    void anUnknownNameOrParameterListsTheKnownOnes() {
        UnknownLossException e = assertThrows(UnknownLossException.class, () -> LOSSES.get("mse2"));
        assertTrue(e.getMessage().contains("'mse2'") && e.getMessage().contains("cross_entropy")
                && e.getMessage().contains("smooth_l1"), e.getMessage());
        e = assertThrows(UnknownLossException.class, () -> LOSSES.get("huber(beta=1)"));
        assertTrue(e.getMessage().contains("'beta'") && e.getMessage().contains("delta, reduction"), e.getMessage());
        e = assertThrows(UnknownLossException.class, () -> LOSSES.get("mse(delta=1)"));
        assertTrue(e.getMessage().contains("known: reduction"), e.getMessage());
    }

    @Test
    void aBuiltinNameRegisteredAgainNamesBothProviders() {
        LossProvider mine = new LossProvider() {
            @Override
            public java.util.Collection<LossFactory> losses() {
                return List.of(SimpleLossFactory.of("mse", Mse::new));
            }

            @Override
            public String source() {
                return "my-app.jar";
            }
        };
        List<LossProvider> providers = new ArrayList<>(Losses.loadProviders());
        providers.add(mine);
        DuplicateLossException e = assertThrows(DuplicateLossException.class, () -> Losses.of(providers));
        assertTrue(e.getMessage().contains("'mse'") && e.getMessage().contains("my-app.jar")
                && e.getMessage().contains(BuiltinLossProvider.class.getName()), e.getMessage());
    }

    @Test
    void badParameterValuesNameTheLossTheParameterAndTheRange() {
        assertBad("huber(delta=-1)", "'huber'", "'delta'", "> 0", "-1.0");
        assertBad("huber(delta=0)", "'huber'", "'delta'", "> 0", "0.0");
        assertBad("huber(delta=Infinity)", "'huber'", "'delta'", "finite", "Infinity");
        assertBad("smooth_l1(beta=-0.5)", "'smooth_l1'", "'beta'", ">= 0", "-0.5");
        assertBad("smooth_l1(beta=NaN)", "'smooth_l1'", "'beta'", ">= 0", "NaN");
        assertBad("cross_entropy(label_smoothing=1.5)", "'cross_entropy'", "'label_smoothing'", "[0, 1]", "1.5");
        assertBad("cross_entropy(label_smoothing=-0.1)", "'cross_entropy'", "'label_smoothing'", "[0, 1]", "-0.1");
        assertBad("cross_entropy(label_smoothing=NaN)", "'cross_entropy'", "'label_smoothing'", "[0, 1]", "NaN");
        assertBad("mse(reduction=avg)", "'mse'", "'reduction'", "mean or sum", "'avg'");
        assertBad("mse(reduction=none)", "'mse'", "'reduction'", "mean or sum", "'none'");
        assertBad("huber(delta=big)", "'huber'", "'delta'", "a number", "'big'");
        assertBad("huber(delta=1, delta=2)", "'delta'", "twice");
        assertBad("huber(delta=)", "name=value");
        assertBad("(mse)", "expected a name");
    }

    private static void assertBad(String spec, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LOSSES.get(spec), spec);
        assertTrue(e.getMessage().startsWith("loss"), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), spec + ": '" + part + "' not in: " + e.getMessage());
        }
    }

    @Test
    void targetWidthsAreChecked() {
        assertWidth("mse", 3, 1, "3 columns", "got 1");
        assertWidth("kl_div", 3, 4, "3 columns", "got 4");
        assertWidth("nll", 3, 3, "1 column", "got 3");
        assertWidth("cross_entropy", 3, 2, "1 column", "or 3", "got 2");
        assertWidth("cross_entropy", 1, 2, "got 2");
        LOSSES.get("cross_entropy").checkTarget(3, 1);
        LOSSES.get("cross_entropy").checkTarget(3, 3);
        LOSSES.get("cross_entropy").checkTarget(1, 1); // one class: a probability target of the same width
        LOSSES.get("nll").checkTarget(1, 1);
    }

    private static void assertWidth(String spec, int cols, int targetCols, String... parts) {
        Loss loss = LOSSES.get(spec);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.checkTarget(cols, targetCols));
        assertTrue(e.getMessage().contains("'" + loss.name() + "'"), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> loss.evaluate(new double[2 * cols],
                new double[2 * targetCols], 2, cols, targetCols, null));
    }

    @Test
    void classIndicesMustBeIntegersInRange() {
        for (String spec : List.of("cross_entropy", "cross_entropy(label_smoothing=0.1)", "nll")) {
            Loss loss = LOSSES.get(spec);
            double[] x = {0.1, 0.2, 0.3, -0.5, 0.0, 0.5};
            for (double bad : new double[] {3, -1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
                double[] gradient = new double[6];
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> loss.evaluate(x, new double[] {0, bad}, 2, 3, 1, gradient), spec + " " + bad);
                assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("got " + bad)
                        && e.getMessage().contains("[0, 3)"), e.getMessage());
                assertTrue(Arrays.equals(new double[6], gradient), "a bad index leaves the gradient untouched");
            }
            assertTrue(Double.isFinite(loss.evaluate(x, new double[] {2, 0}, 2, 3, 1, null)));
        }
    }

    @Test
    void lengthsAreChecked() {
        Loss mse = LOSSES.get("mse");
        assertLength(() -> mse.evaluate(new double[5], new double[6], 2, 3, 3, null), "prediction", "2*3 = 6",
                "got 5");
        assertLength(() -> mse.evaluate(new double[6], new double[7], 2, 3, 3, null), "target", "got 7");
        assertLength(() -> mse.evaluate(new double[6], new double[6], 2, 3, 3, new double[3]), "gradient", "got 3");
        assertLength(() -> mse.evaluate(new double[0], new double[0], 0, 3, 3, null), "rows >= 1", "rows=0");
        double[] same = new double[6];
        assertLength(() -> mse.evaluate(same, new double[6], 2, 3, 3, same), "gradient", "prediction");
        Loss ce = LOSSES.get("cross_entropy");
        assertLength(() -> ce.evaluate(new double[6], new double[3], 2, 3, 1, null), "target", "2*1 = 2", "got 3");
    }

    private static void assertLength(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    @Test
    void valuesOutsideTheDomainAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LOSSES.get("bce").evaluate(new double[] {0.5, 1.5}, new double[] {0, 1}, 1, 2, 2, null));
        assertTrue(e.getMessage().contains("row 0, column 1") && e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LOSSES.get("bce").evaluate(new double[] {Double.NaN, 0}, new double[] {0, 1}, 1, 2, 2, null));
        e = assertThrows(IllegalArgumentException.class,
                () -> LOSSES.get("kl_div").evaluate(new double[] {-1, -1}, new double[] {0.5, -0.5}, 1, 2, 2, null));
        assertTrue(e.getMessage().contains("row 0, column 1") && e.getMessage().contains("-0.5"), e.getMessage());
    }

    @Test
    void theReadmeExampleRunsAndEachRowsGradientSumsToZero() {
        Loss loss = Losses.discover().get("cross_entropy(label_smoothing=0.1)");
        double[] logits = {2.0, -1.0, 0.5,   0.1, 0.2, 3.0};
        double[] classes = {0, 2};
        double[] gradient = new double[6];
        double value = loss.evaluate(logits, classes, 2, 3, 1, gradient);
        assertTrue(Double.isFinite(value) && value > 0, "loss " + value);
        for (int row = 0; row < 2; row++) {
            assertEquals(0.0, gradient[3 * row] + gradient[3 * row + 1] + gradient[3 * row + 2], 1e-15);
        }
    }
}
