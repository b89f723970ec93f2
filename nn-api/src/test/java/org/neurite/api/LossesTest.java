package org.neurite.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurite.api.spi.LossFactory;
import org.neurite.api.spi.LossProvider;

class LossesTest {

    /** A provider of the given factories, with a name for messages. */
    private static LossProvider provider(String source, LossFactory... factories) {
        return new LossProvider() {
            @Override
            public Collection<LossFactory> losses() {
                return List.of(factories);
            }

            @Override
            public String source() {
                return source;
            }
        };
    }

    private static LossFactory plain(String name, String... aliases) {
        return TestLossProvider.factory(name, Set.of(aliases), Map.of(), (p, r) -> new TestLossProvider.LogCosh(r));
    }

    @Test
    void aUserProviderOnTheClassPathIsFoundByName() {
        Losses registry = Losses.discover();
        Loss logCosh = registry.get("log_cosh");
        assertEquals("log_cosh", logCosh.name());
        assertEquals(Reduction.MEAN, logCosh.reduction());
        assertEquals(logCosh, registry.get("LOGCOSH"), "by alias, ignoring case");
        assertEquals(TestLossProvider.class.getName(), registry.sourceOf("logcosh"));
        assertEquals(List.of("log_cosh", "quantile"), registry.names());
        assertTrue(registry.contains("Quantile") && !registry.contains("quantile(q=0.5)"));
    }

    @Test
    void parametersAndTheReductionAreParsedWithDefaultsForTheRest() {
        Losses registry = Losses.discover();
        Loss half = registry.get("quantile");
        assertEquals(Map.of("q", 0.5), half.parameters());
        assertEquals("quantile(q=0.5)", half.spec());
        Loss sum = registry.get(" Quantile ( REDUCTION = Sum , q = 0.9 ) ");
        assertEquals(Reduction.SUM, sum.reduction());
        assertEquals("quantile(q=0.9, reduction=sum)", sum.spec());
        assertEquals(sum, registry.get(sum.spec()));
        assertEquals(registry.get("log_cosh"), registry.get("log_cosh(reduction=mean)"));
        assertEquals(registry.get("log_cosh"), registry.get("log_cosh()"));
        assertEquals("log_cosh(reduction=sum)", registry.get("log_cosh(reduction=sum)").spec());
        assertNotEquals(registry.get("log_cosh"), registry.get("log_cosh(reduction=sum)"));
    }

    @Test
    void aNameRegisteredTwiceNamesBothProviders() {
        DuplicateLossException e = assertThrows(DuplicateLossException.class,
                () -> Losses.of(List.of(provider("first.jar", plain("swoosh")), provider("second.jar", plain("SWOOSH")))));
        assertTrue(e.getMessage().contains("'swoosh'") && e.getMessage().contains("first.jar")
                && e.getMessage().contains("second.jar"), e.getMessage());
        e = assertThrows(DuplicateLossException.class,
                () -> Losses.of(List.of(provider("first.jar", plain("mse")), provider("second.jar", plain("l2", "mse")))));
        assertTrue(e.getMessage().contains("first.jar") && e.getMessage().contains("second.jar"), e.getMessage());
    }

    @Test
    void aUserProviderCollidingWithTheDiscoveredOnesIsReported() {
        List<LossProvider> providers = new ArrayList<>(Losses.loadProviders());
        providers.add(provider("my-app", plain("log_cosh")));
        DuplicateLossException e = assertThrows(DuplicateLossException.class, () -> Losses.of(providers));
        assertTrue(e.getMessage().startsWith("loss: the name 'log_cosh' is registered twice, by "
                + TestLossProvider.class.getName() + " and by my-app"), e.getMessage());
    }

    @Test
    void aFactoryMayNotDeclareItsOwnReduction() {
        LossFactory odd = TestLossProvider.factory("odd", Set.of(), Map.of("reduction", 1.0),
                (p, r) -> new TestLossProvider.LogCosh(r));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.of(List.of(provider("odd.jar", odd))));
        assertTrue(e.getMessage().contains("'odd'") && e.getMessage().contains("odd.jar")
                && e.getMessage().contains("'reduction'"), e.getMessage());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        UnknownLossException e = assertThrows(UnknownLossException.class, () -> Losses.discover().get("log_cos"));
        assertEquals("loss: unknown name 'log_cos'; known: log_cosh, logcosh, quantile", e.getMessage());
        e = assertThrows(UnknownLossException.class, () -> Losses.discover().sourceOf("nope"));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("quantile"), e.getMessage());
    }

    @Test
    void anUnknownParameterListsTheKnownOnesWithTheReduction() {
        UnknownLossException e = assertThrows(UnknownLossException.class,
                () -> Losses.discover().get("quantile(tau=0.5)"));
        assertEquals("loss 'quantile': unknown parameter 'tau'; known: q, reduction", e.getMessage());
        e = assertThrows(UnknownLossException.class, () -> Losses.discover().get("logcosh(q=1)"));
        assertEquals("loss 'log_cosh': unknown parameter 'q'; known: reduction", e.getMessage());
    }

    @Test
    void malformedTextAndBadValuesAreClearErrors() {
        Losses registry = Losses.discover();
        for (String bad : List.of("", "quantile(", "9lives", "quantile(q)", "quantile(q=0.5,)", "quantile(q=0 5)")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.get(bad),
                    "'" + bad + "'");
            assertTrue(e.getMessage().startsWith("loss"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> registry.get(null)).getMessage()
                .contains("null"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.get("quantile(q=big)"));
        assertEquals("loss 'quantile': parameter 'q' expected a number, got 'big'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.get("quantile(reduction=none)"));
        assertEquals("loss 'quantile': parameter 'reduction' expected mean or sum, got 'none'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.get("quantile(reduction=sum, REDUCTION=mean)"));
        assertTrue(e.getMessage().contains("'reduction'") && e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.get("quantile(q=1.5)"));
        assertTrue(e.getMessage().contains("'q'") && e.getMessage().contains("(0, 1)"), e.getMessage());
    }

    @Test
    void reductionsSpellAndParseTheirSpecText() {
        assertEquals("mean", Reduction.MEAN.spec());
        assertEquals("sum", Reduction.SUM.spec());
        assertEquals(Reduction.SUM, Reduction.parse(" SUM "));
        assertThrows(IllegalArgumentException.class, () -> Reduction.parse("batchmean"));
    }
}
