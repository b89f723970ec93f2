package org.neurite.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.api.spi.BackendProvider;

/**
 * Selection and failure reporting of {@link Backends}, with stand-in providers: one whose native library
 * "fails to load" (its {@code create()} throws {@link UnsatisfiedLinkError}, as ND4J's does on a platform
 * without its native jar) and working ones.
 */
class BackendsTest {

    private static final String LINK_ERROR = "no jnind4jcpu in java.library.path: /usr/lib";

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Held strongly: java.util.logging keeps loggers weakly, and would drop the handler with it. */
    private final Logger log = Logger.getLogger(Backends.class.getName());

    @BeforeEach
    void captureLog() {
        // Backends logs through System.Logger, which the JDK routes to java.util.logging by default.
        log.addHandler(capture);
        log.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
    }

    @Test
    void automaticSelectionSkipsABackendWhoseNativeLibraryFailsAndWarns() {
        StubProvider failing = StubProvider.failing("failing", 200);
        StubProvider working = StubProvider.working("working", 10);

        Backend selected = Backends.of(List.of(failing, working)).select();

        assertEquals("working", selected.name());
        assertEquals(1, warnings.size(), "one warning for the skipped backend");
        String warning = java.text.MessageFormat.format(warnings.get(0).getMessage(),
                warnings.get(0).getParameters());
        assertTrue(warning.contains("'failing'") && warning.contains("UnsatisfiedLinkError")
                && warning.contains(LINK_ERROR), warning);
    }

    @Test
    void anExplicitRequestForAFailingBackendFailsWithTheCauseAndListsWhatWasFound() {
        StubProvider failing = StubProvider.failing("failing", 200);
        StubProvider working = StubProvider.working("working", 10);
        Backends registry = Backends.of(List.of(failing, working));

        BackendNotFoundException e = assertThrows(BackendNotFoundException.class, () -> registry.select("failing"));

        assertInstanceOf(UnsatisfiedLinkError.class, e.getCause());
        String m = e.getMessage();
        assertTrue(m.contains("'failing' is not available") && m.contains("UnsatisfiedLinkError: " + LINK_ERROR), m);
        assertTrue(m.contains("Found:") && m.contains("failing (priority 200, unavailable, as said)")
                && m.contains("working (priority 10"), m);
        assertEquals(m.indexOf(LINK_ERROR), m.lastIndexOf(LINK_ERROR), "the cause is given once: " + m);
        assertTrue(warnings.isEmpty(), "an explicit request fails instead of warning");
        assertEquals("working", registry.select().name(), "the failure leaves the other backend usable");
    }

    @Test
    void eachProviderIsCreatedAtMostOnceAndFailuresAreRemembered() {
        StubProvider failing = StubProvider.failing("failing", 200);
        StubProvider working = StubProvider.working("working", 10);
        Backends registry = Backends.of(List.of(failing, working));

        Backend first = registry.select();
        assertSame(first, registry.select("working"));
        assertThrows(BackendNotFoundException.class, () -> registry.select("failing"));
        registry.describe();

        assertEquals(1, failing.creations.get());
        assertEquals(1, working.creations.get());
    }

    @Test
    void discoveryDoesNotCreateBackends() {
        StubProvider failing = StubProvider.failing("failing", 200);
        Backends registry = Backends.of(List.of(failing, StubProvider.working("working", 10)));

        assertEquals(List.of("failing", "working"), registry.names());
        assertEquals(0, failing.creations.get(), "names() must not load a backend");
    }

    @Test
    void describeReportsAvailabilityReasonAndVersionOfEveryBackend() {
        Backends registry = Backends.of(List.of(StubProvider.working("working", 10),
                StubProvider.failing("failing", 200)));

        List<BackendInfo> infos = registry.describe();

        assertEquals(2, infos.size());
        BackendInfo failing = infos.get(0);
        assertEquals("failing", failing.name());
        assertEquals(200, failing.priority());
        assertFalse(failing.available());
        assertTrue(failing.failureReason().orElseThrow().contains(LINK_ERROR), failing.failure());
        assertEquals("Stub 1.0", failing.libraryVersion());
        BackendInfo working = infos.get(1);
        assertTrue(working.available());
        assertEquals(StubProvider.class.getName(), working.providerClass());
    }

    @Test
    void theSystemPropertyNamesTheBackend() {
        Backends registry = registry(Map.of(Backends.PROPERTY, "low"), Map.of());

        assertEquals("low", registry.select().name());
        assertEquals("low", registry.defaultName());
    }

    @Test
    void theEnvironmentVariableNamesTheBackendWhenThePropertyIsUnset() {
        Backends registry = registry(Map.of(), Map.of(Backends.ENVIRONMENT_VARIABLE, " LOW "));

        assertEquals("low", registry.select().name(), "trimmed and case-insensitive");
    }

    @Test
    void thePropertyWinsOverTheEnvironmentAndAnExplicitNameOverBoth() {
        Backends registry = registry(Map.of(Backends.PROPERTY, "low"), Map.of(Backends.ENVIRONMENT_VARIABLE, "high"));

        assertEquals("low", registry.select().name());
        assertEquals("high", registry.select("high").name());
    }

    @Test
    void blankSettingsFallBackToPriority() {
        Backends registry = registry(Map.of(Backends.PROPERTY, " "), Map.of(Backends.ENVIRONMENT_VARIABLE, ""));

        assertEquals("high", registry.select().name());
    }

    @Test
    void ofSelectsAmongItsProvidersByPriorityAloneAndConfiguredObeysTheProperty() {
        List<BackendProvider> providers = List.of(StubProvider.working("low", 1), StubProvider.working("high", 100));
        String before = System.getProperty(Backends.PROPERTY);
        System.setProperty(Backends.PROPERTY, "low");
        try {
            Backends.Selection own = Backends.of(providers).selection();
            assertEquals("high", own.backend().name(), "of(...) is exactly these providers, whatever -D says");
            assertEquals(Backends.Source.PRIORITY, own.source());
            Backends.Selection configured = Backends.configured(providers).selection();
            assertEquals("low", configured.backend().name());
            assertEquals(Backends.Source.PROPERTY, configured.source());
            assertEquals("low", Backends.of(providers).select("low").name(), "a name given in code still selects");
        } finally {
            if (before == null) {
                System.clearProperty(Backends.PROPERTY);
            } else {
                System.setProperty(Backends.PROPERTY, before);
            }
        }
    }

    @Test
    void aBadConfiguredNameSaysWhereItCameFrom() {
        String fromProperty = assertThrows(BackendNotFoundException.class,
                registry(Map.of(Backends.PROPERTY, "cuda"), Map.of())::select).getMessage();
        String fromEnvironment = assertThrows(BackendNotFoundException.class,
                registry(Map.of(), Map.of(Backends.ENVIRONMENT_VARIABLE, "cuda"))::select).getMessage();
        String explicit = assertThrows(BackendNotFoundException.class,
                () -> registry(Map.of(), Map.of()).select("cuda")).getMessage();

        assertTrue(fromProperty.startsWith("backend: unknown name 'cuda' (from -Dneurite.backend=cuda). Found:"),
                fromProperty);
        assertTrue(fromEnvironment.startsWith("backend: unknown name 'cuda' (from NEURITE_BACKEND=cuda). Found:"),
                fromEnvironment);
        assertTrue(explicit.startsWith("backend: unknown name 'cuda'. Found:"), explicit);
    }

    @Test
    void anUnavailableConfiguredBackendSaysWhereItsNameCameFrom() {
        Backends registry = new Backends(List.of(StubProvider.failing("failing", 200),
                StubProvider.working("working", 10)), List.of(), key -> null,
                lookup(Map.of(Backends.ENVIRONMENT_VARIABLE, "failing")));

        String m = assertThrows(BackendNotFoundException.class, registry::select).getMessage();

        assertTrue(m.startsWith("backend: 'failing' is not available (from NEURITE_BACKEND=failing): "
                + "UnsatisfiedLinkError"), m);
    }

    @Test
    void aBlankPropertyOrVariableIsUnsetEverywhere() {
        Backends.Selection neither = registry(Map.of(Backends.PROPERTY, ""),
                Map.of(Backends.ENVIRONMENT_VARIABLE, " ")).selection();
        Backends.Selection environment = registry(Map.of(Backends.PROPERTY, " "),
                Map.of(Backends.ENVIRONMENT_VARIABLE, "low")).selection();

        assertEquals("high", neither.backend().name());
        assertEquals(Backends.Source.PRIORITY, neither.source());
        assertEquals("low", environment.backend().name(), "a blank property does not hide the variable");
        assertEquals(Backends.Source.ENVIRONMENT, environment.source());
    }

    @Test
    void aBlankExplicitNameIsRejected() {
        Backends registry = registry(Map.of(), Map.of());

        for (String blank : List.of("", "  ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.select(blank));
            assertTrue(e.getMessage().contains("backend: the name is blank"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> registry.selection(blank));
            assertThrows(IllegalArgumentException.class, () -> Backends.get(blank));
        }
        assertEquals("high", registry.select(null).name(), "null is the default selection");
    }

    @Test
    void theSelectionSaysWhyEachBackendWasChosen() {
        Backends.Selection explicit = registry(Map.of(Backends.PROPERTY, "low"), Map.of()).selection("high");
        Backends.Selection property = registry(Map.of(Backends.PROPERTY, "low"),
                Map.of(Backends.ENVIRONMENT_VARIABLE, "high")).selection();
        Backends.Selection environment = registry(Map.of(), Map.of(Backends.ENVIRONMENT_VARIABLE, "low")).selection();
        Backends.Selection priority = registry(Map.of(), Map.of()).selection();

        assertEquals(List.of("high", "low", "low", "high"), List.of(explicit.backend().name(),
                property.backend().name(), environment.backend().name(), priority.backend().name()));
        assertEquals(List.of("explicit", "-Dneurite.backend", "NEURITE_BACKEND", "highest priority"),
                List.of(explicit.source().label(), property.source().label(), environment.source().label(),
                        priority.source().label()));
        assertEquals("low", property.requestedName());
        assertEquals(null, priority.requestedName());
    }

    @Test
    void aFailingBackendNamedByTheEnvironmentFailsInsteadOfFallingBack() {
        Backends registry = new Backends(List.of(StubProvider.failing("failing", 200),
                StubProvider.working("working", 10)), List.of(), key -> null,
                lookup(Map.of(Backends.ENVIRONMENT_VARIABLE, "failing")));

        BackendNotFoundException e = assertThrows(BackendNotFoundException.class, registry::select);

        assertTrue(e.getMessage().contains(LINK_ERROR), e.getMessage());
    }

    @Test
    void anUnknownNameListsTheKnownBackends() {
        Backends registry = registry(Map.of(Backends.PROPERTY, "cuda"), Map.of());

        BackendNotFoundException e = assertThrows(BackendNotFoundException.class, registry::select);

        String m = e.getMessage();
        assertTrue(m.contains("unknown name 'cuda'") && m.contains("high (priority 100")
                && m.contains("low (priority 1"), m);
    }

    @Test
    void noAvailableBackendIsAnErrorNamingEachFailure() {
        Backends registry = Backends.of(List.of(StubProvider.failing("failing", 200)));

        BackendNotFoundException e = assertThrows(BackendNotFoundException.class, registry::select);

        String m = e.getMessage();
        assertTrue(m.contains("none is available") && m.contains(LINK_ERROR) && m.contains("nn-backend-ejml"), m);
    }

    @Test
    void aProviderWhoseVersionLookupFailsIsStillListed() {
        assertEquals("unknown (NoClassDefFoundError)", listedVersion(new NoClassDefFoundError("org/example/Version")));
        assertEquals("unknown (AssertionError)", listedVersion(new AssertionError("version")));
    }

    /** The version describe() lists for a provider whose libraryVersion() throws {@code error}. */
    private static String listedVersion(Error error) {
        StubProvider broken = new StubProvider("broken", 5, null) {
            @Override
            public String libraryVersion() {
                throw error;
            }
        };
        return Backends.of(List.of(broken)).describe().get(0).libraryVersion();
    }

    @Test
    void discoveryReportsProvidersWithoutAUsableNameOrClassAndLoadsTheOthers(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/" + BackendProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, String.join("\n", StandInProviders.NameThrows.class.getName(),
                StandInProviders.NameNull.class.getName(), "com.example.Garbled",
                StandInProviders.Good.class.getName()) + "\n", StandardCharsets.UTF_8);
        Path garbled = dir.resolve("com/example/Garbled.class");
        Files.createDirectories(garbled.getParent());
        Files.writeString(garbled, "not a class file");   // ClassFormatError: not a ServiceConfigurationError

        Backends registry;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                BackendsTest.class.getClassLoader())) {
            registry = Backends.fromServiceLoader(loader);
        }

        assertEquals(List.of("good"), registry.names());
        assertEquals("good", registry.select().name());
        List<String> broken = registry.brokenProviders();
        assertEquals(3, broken.size(), broken.toString());
        assertTrue(broken.contains("ClassFormatError: Incompatible magic value 1852797984 in class file "
                + "com/example/Garbled"), broken.toString());
        assertTrue(broken.contains(StandInProviders.NameThrows.class.getName()
                + ": name() threw IllegalStateException: no name today"), broken.toString());
        assertTrue(broken.contains(StandInProviders.NameNull.class.getName() + ": name() returned null"),
                broken.toString());
        assertEquals(3, warnings.size(), "one warning per broken provider");
        BackendNotFoundException e = assertThrows(BackendNotFoundException.class, () -> registry.select("other"));
        assertTrue(e.getMessage().contains("no name today") && e.getMessage().contains("good (priority 10"),
                e.getMessage());
    }

    @Test
    void aProviderWhoseNameOrPriorityFailsIsReportedAndTheOthersStillLoad() {
        BackendProvider nameThrows = new StandInProviders.NameThrows();
        BackendProvider blankName = new StubProvider(" ", 7, null);
        BackendProvider priorityThrows = new StubProvider("late", 0, null) {
            @Override
            public int priority() {
                throw new AssertionError("priority unknown");
            }
        };

        Backends registry = Backends.of(List.of(nameThrows, blankName, priorityThrows,
                StubProvider.working("working", 10)));

        assertEquals(List.of("working"), registry.names());
        assertEquals("working", registry.select().name());
        assertEquals(3, registry.brokenProviders().size(), registry.brokenProviders().toString());
        assertEquals(3, warnings.size());
        BackendNotFoundException e = assertThrows(BackendNotFoundException.class, () -> registry.select("late"));
        String m = e.getMessage();
        assertTrue(m.contains("'late' is not available") && m.contains("priority() threw AssertionError: "
                + "priority unknown"), m);
        assertInstanceOf(AssertionError.class, e.getCause());
    }

    @Test
    void anErrorFromCreateFallsBackAutomaticallyAndFailsARequestByNameWithTheCause() {
        StubProvider asserting = StubProvider.throwing("asserting", 200, new AssertionError("native assert"));
        Backends registry = Backends.of(List.of(asserting, StubProvider.working("working", 10)));

        assertEquals("working", registry.select().name());
        assertEquals(1, warnings.size());
        BackendNotFoundException e = assertThrows(BackendNotFoundException.class,
                () -> registry.select("asserting"));
        assertTrue(e.getMessage().contains("'asserting' is not available: AssertionError: native assert"),
                e.getMessage());
        assertInstanceOf(AssertionError.class, e.getCause());
        assertFalse(registry.describe().get(0).available());
    }

    @Test
    void aVirtualMachineErrorFromCreatePropagates() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        Backends registry = Backends.of(List.of(StubProvider.throwing("hungry", 200, oom),
                StubProvider.working("working", 10)));

        assertSame(oom, assertThrows(OutOfMemoryError.class, registry::select));
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> registry.select("hungry")));
    }

    @Test
    void twoProvidersWithOneNameAreRejected() {
        NeuriteException e = assertThrows(NeuriteException.class, () -> Backends.of(List.of(
                StubProvider.working("same", 1), StubProvider.working("SAME", 2))));

        assertTrue(e.getMessage().contains("several providers are named 'same'"), e.getMessage());
    }

    private static Backends registry(Map<String, String> properties, Map<String, String> environment) {
        return new Backends(List.of(StubProvider.working("low", 1), StubProvider.working("high", 100)),
                List.of(), lookup(properties), lookup(environment));
    }

    private static UnaryOperator<String> lookup(Map<String, String> values) {
        return values::get;
    }

    /** A provider that counts its creations and either fails like a missing native library or works. */
    private static class StubProvider implements BackendProvider {
        final String name;
        final int priority;
        final Throwable failure;
        final AtomicInteger creations = new AtomicInteger();

        StubProvider(String name, int priority, Throwable failure) {
            this.name = name;
            this.priority = priority;
            this.failure = failure;
        }

        static StubProvider failing(String name, int priority) {
            return throwing(name, priority, new UnsatisfiedLinkError(LINK_ERROR));
        }

        /** A provider whose {@code create()} throws {@code failure}, an unchecked exception or an error. */
        static StubProvider throwing(String name, int priority, Throwable failure) {
            return new StubProvider(name, priority, failure);
        }

        static StubProvider working(String name, int priority) {
            return new StubProvider(name, priority, null);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public String libraryVersion() {
            return "Stub 1.0";
        }

        @Override
        public Backend create() {
            creations.incrementAndGet();
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
            return StandInProviders.named(name);
        }
    }
}
