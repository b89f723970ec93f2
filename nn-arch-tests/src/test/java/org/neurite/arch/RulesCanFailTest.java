package org.neurite.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule fails on a fixture that breaks it, so none can pass vacuously. The fixtures live in this
 * module's test sources, under the packages they pretend to be in; the real check imports main classes only.
 */
class RulesCanFailTest {

    private static final Map<String, Class<?>[]> VIOLATIONS = Map.ofEntries(
            Map.entry("API_DEPENDS_ON_THE_JDK_ALONE", classes(org.neurite.api.fixture.ApiUsingEjml.class)),
            Map.entry("LAYERS", classes(org.neurite.core.fixture.CoreUsingExamples.class,
                    org.neurite.examples.fixture.ExampleUsingCore.class)),
            Map.entry("BACKENDS_ARE_INDEPENDENT", classes(org.neurite.backend.alpha.PublicHelper.class,
                    org.neurite.backend.beta.BetaThing.class)),
            Map.entry("BACKENDS_DO_NOT_USE_CORE", classes(org.neurite.backend.alpha.PublicHelper.class)),
            Map.entry("GUICE_ONLY_IN_INJECT", classes(org.neurite.core.fixture.CoreUsingGuiceAndEjml.class)),
            Map.entry("EJML_ONLY_IN_ITS_BACKEND", classes(org.neurite.core.fixture.CoreUsingGuiceAndEjml.class)),
            Map.entry("ND4J_ONLY_IN_ITS_BACKEND", classes(org.neurite.core.fixture.CoreUsingNd4j.class)),
            Map.entry("COMMONS_CSV_ONLY_IN_IO", classes(org.neurite.core.fixture.CoreUsingCommonsCsv.class)),
            Map.entry("JACKSON_ONLY_IN_IO", classes(org.neurite.core.fixture.CoreUsingJackson.class)),
            Map.entry("EXAMPLES_REACH_BACKENDS_THROUGH_THE_API",
                    classes(org.neurite.examples.fixture.ExampleUsingBackend.class)),
            Map.entry("NO_CYCLES_BETWEEN_MODULES", classes(org.neurite.core.fixture.CoreUsingExamples.class,
                    org.neurite.examples.fixture.ExampleUsingCore.class)),
            Map.entry("NO_CYCLES_IN_CORE", classes(org.neurite.core.fixa.A.class, org.neurite.core.fixb.B.class)),
            Map.entry("ONLY_PROVIDERS_ARE_PUBLIC_IN_BACKENDS", classes(org.neurite.backend.alpha.PublicHelper.class)),
            Map.entry("PUBLIC_TYPES_DECLARE_THEIR_STABILITY", classes(org.neurite.core.fixture.Unannotated.class)),
            Map.entry("PROVIDERS_ARE_LOADABLE", classes(hidden("org.neurite.core.fixture.HiddenActivations"))),
            Map.entry("NO_STANDARD_STREAMS_OUTSIDE_EXAMPLES", classes(org.neurite.core.fixture.BadHabits.class)),
            Map.entry("NO_GENERIC_EXCEPTIONS", classes(org.neurite.core.fixture.BadHabits.class)),
            Map.entry("EXCEPTIONS_EXTEND_NEURITE_EXCEPTION",
                    classes(org.neurite.core.fixture.RootlessException.class)),
            Map.entry("NO_JAVA_UTIL_LOGGING", classes(org.neurite.core.fixture.BadHabits.class)));

    private static Class<?>[] classes(Class<?>... c) {
        return c;
    }

    private static Class<?> hidden(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyRuleHasAFixture() throws IllegalAccessException {
        assertEquals(new TreeSet<>(rules().keySet()), new TreeSet<>(VIOLATIONS.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFailsOnItsFixture() throws IllegalAccessException {
        Map<String, ArchRule> rules = rules();
        return VIOLATIONS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            JavaClasses fixture = new ClassFileImporter().importClasses(e.getValue());
            assertThrows(AssertionError.class, () -> rules.get(e.getKey()).check(fixture),
                    e.getKey() + " did not fail on its fixture");
        }));
    }

    /** nn-core must not depend on nn-io: the layer rule fails on that edge alone. */
    @Test
    void coreUsingIoBreaksTheLayers() throws IllegalAccessException {
        JavaClasses fixture = new ClassFileImporter().importClasses(org.neurite.core.fixture.CoreUsingIo.class,
                org.neurite.io.CsvDatasets.class);
        assertThrows(AssertionError.class, () -> rules().get("LAYERS").check(fixture));
        JavaClasses io = new ClassFileImporter().importClasses(org.neurite.io.CsvDatasets.class,
                org.neurite.core.data.Dataset.class);
        rules().get("LAYERS").check(io);
    }

    private static Map<String, ArchRule> rules() throws IllegalAccessException {
        Map<String, ArchRule> rules = new java.util.TreeMap<>();
        for (Field f : NeuriteArchitectureRules.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && ArchRule.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                rules.put(f.getName(), (ArchRule) f.get(null));
            }
        }
        return rules;
    }
}
