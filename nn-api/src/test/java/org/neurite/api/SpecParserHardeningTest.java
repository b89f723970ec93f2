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
import org.neurite.api.spi.LossFactory;
import org.neurite.api.spi.LossProvider;

/** Untrusted spec text is parsed in linear time, echoed clipped; registrations are checked when made. */
class SpecParserHardeningTest {

    private static final Activations A = Activations.discover();
    private static final Losses L = Losses.discover();

    private static RuntimeException timed(Runnable call) {
        long start = System.nanoTime();
        RuntimeException e = assertThrows(RuntimeException.class, call::run);
        long ms = (System.nanoTime() - start) / 1_000_000;
        // 3 s is generous for a shared, loaded machine (linear parsing takes about a millisecond here) and
        // still far below what the old quadratic parser took on these inputs (minutes for 320,000 spaces).
        assertTrue(ms < 3_000, "took " + ms + " ms: " + e.getMessage().substring(0, Math.min(80, e.getMessage().length())));
        assertTrue(e.getMessage().length() < 400, "a message of " + e.getMessage().length() + " characters");
        return e;
    }

    private static Runnable fails(Runnable call) {
        return () -> {
            try {
                call.run();
            } catch (RuntimeException expected) {
                throw expected;
            }
            throw new AssertionError("expected a failure");
        };
    }

    @Test
    void hostileTextIsRejectedInLinearTimeWithAShortMessage() {
        String spaces = " ".repeat(320_000);
        String million = "a".repeat(1_000_000);
        for (String spec : List.of("relu" + spaces + "x", "relu" + spaces + "(", "scaled(factor" + spaces + "x)",
                "scaled(factor=1" + spaces + "x)", million, million + "(", "scaled(" + million + "=1)",
                "scaled(factor=" + million + ")", "relu(" + ",".repeat(100_000) + ")")) {
            RuntimeException e = timed(fails(() -> A.get(spec)));
            assertTrue(e instanceof IllegalArgumentException || e instanceof NeuriteException, e.toString());
        }
        timed(fails(() -> L.get("mse(reduction=" + million + ")")));
        timed(fails(() -> L.get("mse" + spaces + "x")));
    }

    @Test
    void echoedTextIsClippedToAbout100Characters() {
        String million = "b".repeat(1_000_000);
        String message = assertThrows(UnknownActivationException.class, () -> A.get(million)).getMessage();
        assertTrue(message.startsWith("activation: unknown name '" + "b".repeat(100) + "... (1000000 characters)'"),
                message.substring(0, Math.min(200, message.length())));
    }

    @Test
    void onlyPlainDecimalNumbersAreAccepted() {
        for (String bad : List.of("1d", "2f", "0x1p3", "1e", ".", "+", "1..2", "0x10", "1_000", "١")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> A.get("scaled(factor=" + bad + ")"), bad);
            assertEquals("activation 'scaled': parameter 'factor' expected a number, got '" + bad + "'", e.getMessage());
        }
        for (String good : List.of("2", "+2.5", "0.5", ".5", "5.", "1e3", "1E-3", "2.5e+2")) {
            assertEquals(Double.parseDouble(good), A.get("scaled(factor=" + good + ")").parameters().get("factor"),
                    good);
        }
    }

    private static ActivationProvider provider(String name, Set<String> aliases, Activation made) {
        return new ActivationProvider() {
            public Collection<ActivationFactory> activations() {
                return List.of(new ActivationFactory() {
                    public String name() { return name; }
                    public Set<String> aliases() { return aliases; }
                    public Activation create(Map<String, Double> parameters) { return made; }
                });
            }
            public String source() { return "com.example.MyProvider"; }
        };
    }

    @Test
    void aNameOutsideTheGrammarIsRejectedAtRegistrationNamingTheProvider() {
        for (String bad : List.of("my-act", "", " relu2", "2relu", "é")) {
            NeuriteException e = assertThrows(NeuriteException.class,
                    () -> Activations.of(List.of(provider(bad, Set.of(), null))), bad);
            assertTrue(e.getMessage().contains("com.example.MyProvider") && e.getMessage().contains("'" + bad + "'")
                    && e.getMessage().contains("[A-Za-z_][A-Za-z0-9_]*"), e.getMessage());
        }
        NeuriteException e = assertThrows(NeuriteException.class,
                () -> Activations.of(List.of(provider("fine", Set.of("not fine"), null))));
        assertTrue(e.getMessage().contains("'not fine'") && e.getMessage().contains("com.example.MyProvider"),
                e.getMessage());
    }

    @Test
    void aFactoryReturningNullFailsAtOnceNamingProviderAndName() {
        Activations registry = Activations.of(List.of(provider("nothing", Set.of(), null)));
        NeuriteException e = assertThrows(NeuriteException.class, () -> registry.get("nothing"));
        assertTrue(e.getMessage().contains("com.example.MyProvider") && e.getMessage().contains("'nothing'")
                && e.getMessage().contains("null"), e.getMessage());
        LossProvider lossProvider = new LossProvider() {
            public Collection<LossFactory> losses() {
                return List.of(new LossFactory() {
                    public String name() { return "void_loss"; }
                    public Loss create(Map<String, Double> parameters, Reduction reduction) { return null; }
                });
            }
            public String source() { return "com.example.MyLosses"; }
        };
        e = assertThrows(NeuriteException.class, () -> Losses.of(List.of(lossProvider)).get("void_loss"));
        assertTrue(e.getMessage().contains("com.example.MyLosses") && e.getMessage().contains("'void_loss'"),
                e.getMessage());
    }
}
