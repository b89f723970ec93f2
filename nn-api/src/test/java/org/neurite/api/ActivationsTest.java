package org.neurite.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;
import org.neurite.api.support.ElementwiseActivation;

class ActivationsTest {

    /** A provider of the given factories, with a name for messages. */
    private static ActivationProvider provider(String source, ActivationFactory... factories) {
        return new ActivationProvider() {
            @Override
            public Collection<ActivationFactory> activations() {
                return List.of(factories);
            }

            @Override
            public String source() {
                return source;
            }
        };
    }

    private static ActivationFactory plain(String name, String... aliases) {
        return TestActivationProvider.factory(name, Set.of(aliases), Map.of(),
                p -> new TestActivationProvider.BentIdentity());
    }

    @Test
    void aCustomProviderOnTheClassPathIsFoundByName() {
        Activations registry = Activations.discover();
        Activation bent = registry.get("bent_identity");
        assertEquals("bent_identity", bent.name());
        assertEquals(bent, registry.get("BENT"), "by alias, ignoring case");
        assertEquals(TestActivationProvider.class.getName(), registry.sourceOf("bent_identity"));
        assertTrue(registry.names().contains("scaled"));
    }

    @Test
    void parametersAreParsedFromTheNameWithDefaultsForTheRest() {
        Activations registry = Activations.discover();
        assertEquals(Map.of("factor", 2.0), registry.get("scaled").parameters());
        Activation three = registry.get(" Scaled ( FACTOR = 3 ) ");
        assertEquals(Map.of("factor", 3.0), three.parameters());
        assertEquals("scaled(factor=3.0)", three.spec());
        assertEquals(three, registry.get(three.spec()));
        assertEquals(three, registry.get("scaled", Map.of("factor", 3.0)));
        assertEquals(registry.get("scaled"), registry.get("scaled()"));
        assertEquals(6.0, ((ElementwiseActivation) three).apply(2.0));
    }

    @Test
    void aNameRegisteredTwiceNamesBothProviders() {
        DuplicateActivationException e = assertThrows(DuplicateActivationException.class,
                () -> Activations.of(List.of(provider("first.jar", plain("swoosh")),
                        provider("second.jar", plain("SWOOSH")))));
        assertTrue(e.getMessage().contains("'swoosh'") && e.getMessage().contains("first.jar")
                && e.getMessage().contains("second.jar"), e.getMessage());
    }

    @Test
    void anAliasCollidingWithANameIsAlsoADuplicate() {
        DuplicateActivationException e = assertThrows(DuplicateActivationException.class,
                () -> Activations.of(List.of(provider("first.jar", plain("linear")),
                        provider("second.jar", plain("straight", "linear")))));
        assertTrue(e.getMessage().contains("first.jar") && e.getMessage().contains("second.jar"), e.getMessage());
    }

    @Test
    void aCustomProviderCollidingWithTheDiscoveredOnesIsReported() {
        List<ActivationProvider> providers = new java.util.ArrayList<>(Activations.loadProviders());
        providers.add(provider("my-app", plain("bent_identity")));
        DuplicateActivationException e = assertThrows(DuplicateActivationException.class,
                () -> Activations.of(providers));
        assertTrue(e.getMessage().contains(TestActivationProvider.class.getName())
                && e.getMessage().contains("my-app"), e.getMessage());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        UnknownActivationException e = assertThrows(UnknownActivationException.class,
                () -> Activations.discover().get("bent_identiti"));
        assertTrue(e.getMessage().contains("'bent_identiti'") && e.getMessage().contains("bent_identity")
                && e.getMessage().contains("scaled"), e.getMessage());
    }

    @Test
    void anUnknownParameterListsTheKnownOnes() {
        UnknownActivationException e = assertThrows(UnknownActivationException.class,
                () -> Activations.discover().get("scaled(alpha=1)"));
        assertTrue(e.getMessage().contains("'alpha'") && e.getMessage().contains("factor"), e.getMessage());
        e = assertThrows(UnknownActivationException.class, () -> Activations.discover().get("bent(x=1)"));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
    }

    @Test
    void malformedTextIsAClearError() {
        Activations registry = Activations.discover();
        for (String bad : List.of("", "scaled(", "9lives", "scaled(factor)", "scaled(factor=1,)", "scaled(factor=1 2)")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.get(bad),
                    "'" + bad + "'");
            assertTrue(e.getMessage().startsWith("activation"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.get(null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void aValueThatIsNotANumberNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.discover().get("scaled(factor=big)"));
        assertTrue(e.getMessage().contains("'factor'") && e.getMessage().contains("'big'"), e.getMessage());
    }

    @Test
    void aRepeatedParameterIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.discover().get("scaled(factor=1, FACTOR=2)"));
        assertTrue(e.getMessage().contains("'factor'") && e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void anOutOfRangeValueIsTheFactorysError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.discover().get("scaled(factor=-1)"));
        assertTrue(e.getMessage().contains("'factor'") && e.getMessage().contains("> 0"), e.getMessage());
    }
}
