package org.neurite.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The clipping policies' text form and checks; clipByNorm's and clipByValue's values are checked against
 * torch in {@link OptimTorchReferenceTest} (the clip_* cases), and against the fixtures' recorded clipped
 * gradients here.
 */
class ClippingTest {

    @Test
    void specs() {
        assertSame(GradientClipping.none(), GradientClipping.parse("none"));
        assertEquals("norm(max_norm=1.0)", GradientClipping.parse("norm(max_norm=1)").spec());
        assertEquals("value(clip_value=0.5)", GradientClipping.parse("VALUE(clip_value=0.5)").spec());
        for (GradientClipping c : List.of(GradientClipping.none(), GradientClipping.byNorm(2.5),
                GradientClipping.byValue(0.25))) {
            assertEquals(c, GradientClipping.parse(c.spec()));
            assertEquals(c.hashCode(), GradientClipping.parse(c.spec()).hashCode());
        }
        assertEquals(List.of("none", "norm", "value"), GradientClipping.names());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "l1(max_norm=1)|clipping: name: expected one of [none, norm, value], got 'l1'",
        "norm|norm: max_norm: expected a number (it is required), got nothing",
        "norm(max_norm=0)|norm: max_norm: expected a finite value > 0, got 0.0",
        "norm(max=1)|norm: parameter: expected one of [max_norm], got 'max'",
        "value(clip_value=-1)|value: clip_value: expected a finite value > 0, got -1.0",
        "none(x=1)|none: parameter: expected one of [], got 'x'",
    })
    void badSpecs(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> GradientClipping.parse(text))
                .getMessage());
    }

    @Test
    void badArguments() {
        List<double[]> g = List.of(new double[] {1, 2});
        assertEquals("clip_by_norm: max_norm: expected a finite value > 0, got NaN", assertThrows(
                IllegalArgumentException.class, () -> GradientClipping.clipByNorm(g, Double.NaN)).getMessage());
        assertEquals("clip_by_value: clip_value: expected a finite value > 0, got -0.5", assertThrows(
                IllegalArgumentException.class, () -> GradientClipping.clipByValue(g, -0.5)).getMessage());
        List<double[]> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals("clip_by_norm: grads[0]: expected an array, got null", assertThrows(
                IllegalArgumentException.class, () -> GradientClipping.clipByNorm(withNull, 1)).getMessage());
        assertEquals(0.0, GradientClipping.clipByNorm(List.of(), 1.0));
    }

    @Test
    void recordedTorchClippingIsReproduced() {
        TorchFixtures fixtures = TorchFixtures.load();
        int checked = 0;
        for (TorchFixtures.Case c : fixtures.cases) {
            if (c.clip() == null) {
                continue;
            }
            GradientClipping clipping = GradientClipping.parse(c.clip());
            for (TorchFixtures.Step step : c.steps()) {
                List<double[]> grads = OptimTorchReferenceTest.copy(step.rawGrad());
                double norm = clipping.apply(grads);
                if (c.clip().startsWith("norm")) {
                    assertTrue(Math.abs(norm - step.norm()) <= 1e-12 * step.norm(), c.name());
                } else {
                    assertTrue(Double.isNaN(norm));
                }
                OptimTorchReferenceTest.assertClose(step.grad(), grads, 1e-12, c.name() + " clipped gradient");
                checked++;
            }
        }
        assertEquals(4 * 20, checked);
    }
}
