package org.neurite.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Checks every rule of {@link NeuriteArchitectureRules} against the main classes of every module. */
class ArchitectureTest {

    /** Below this many classes the import missed a module, and a rule could pass on nothing. */
    private static final int MINIMUM_CLASSES = 40;

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.neurite");
    }

    @Test
    void importSeesEveryModule() {
        assertTrue(classes.size() >= MINIMUM_CLASSES, "imported only " + classes.size() + " classes");
        for (String pkg : List.of("org.neurite.api", "org.neurite.api.spi", "org.neurite.core",
                "org.neurite.core.inject", "org.neurite.core.data", "org.neurite.io", "org.neurite.spark", "org.neurite.backend.ejml", "org.neurite.backend.nd4j", "org.neurite.tck", "org.neurite.examples.cli",
                "org.neurite.examples.embed", "org.neurite.examples.embed.guice")) {
            assertTrue(classes.containPackage(pkg), "no classes imported from " + pkg);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHolds() throws IllegalAccessException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Field f : NeuriteArchitectureRules.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && ArchRule.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                ArchRule rule = (ArchRule) f.get(null);
                tests.add(DynamicTest.dynamicTest(f.getName(), () -> rule.check(classes)));
            }
        }
        assertTrue(tests.size() >= 15, "expected every rule, found " + tests.size());
        return tests.stream();
    }
}
