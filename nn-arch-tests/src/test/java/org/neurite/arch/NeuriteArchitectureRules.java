package org.neurite.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.neurite.api.NeuriteException;
import org.neurite.api.Stability;
import org.neurite.api.spi.ActivationProvider;
import org.neurite.api.spi.BackendProvider;
import org.neurite.api.spi.LossProvider;

/**
 * ARCHITECTURE.md's module rules as ArchUnit rules, kept as constants after ArchUnit's own
 * {@code ArchUnitArchitectureRules}. Each says why; each deliberate exception is written beside it.
 */
final class NeuriteArchitectureRules {

    private NeuriteArchitectureRules() {
    }

    /** Rule 1. */
    static final ArchRule API_DEPENDS_ON_THE_JDK_ALONE = classes().that().resideInAPackage("org.neurite.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.neurite.api..")
            .as("nn-api depends on the JDK alone")
            .because("users and backend authors get the API without EJML, ND4J, Guice or SLF4J");

    /**
     * Rule 2: api <- core <- core.inject <- examples, and api <- core <- io <- examples; backends and the kit
     * see only the api.
     */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.neurite..")
            .withOptionalLayers(true)
            .layer("API").definedBy("org.neurite.api..")
            .layer("Core").definedBy(resideInAPackage("org.neurite.core..")
                    .and(not(resideInAPackage("org.neurite.core.inject.."))))
            .layer("Inject").definedBy("org.neurite.core.inject..")
            .layer("IO").definedBy("org.neurite.io..")
            .layer("Spark").definedBy("org.neurite.spark..")
            .layer("Backends").definedBy("org.neurite.backend..")
            .layer("TestKit").definedBy("org.neurite.tck..")
            .layer("Examples").definedBy("org.neurite.examples..")
            .whereLayer("Examples").mayNotBeAccessedByAnyLayer()
            .whereLayer("Inject").mayOnlyBeAccessedByLayers("Examples")
            .whereLayer("Spark").mayNotBeAccessedByAnyLayer()
            .whereLayer("IO").mayOnlyBeAccessedByLayers("Spark", "Examples")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Inject", "IO", "Spark", "Examples")
            .whereLayer("Backends").mayNotBeAccessedByAnyLayer()
            .whereLayer("TestKit").mayNotBeAccessedByAnyLayer()
            .as("modules see only the layers below them")
            .because("backends are found at run time through ServiceLoader, and nn-core must not need them");

    /** Rule 3. */
    static final ArchRule BACKENDS_ARE_INDEPENDENT = slices().matching("org.neurite.backend.(*)..")
            .should().notDependOnEachOther()
            .as("backends do not depend on each other");

    /** Rule 3b: a backend never touches nn-core. */
    static final ArchRule BACKENDS_DO_NOT_USE_CORE = noClasses().that().resideInAnyPackage("org.neurite.backend..",
                    "org.neurite.tck..")
            .should().dependOnClassesThat().resideInAPackage("org.neurite.core..")
            .as("backends and the backend test kit never use nn-core");

    /**
     * Rule 4. The one deliberate exception is the example application's wiring package: it plays a user's
     * application that installs {@code NeuriteModule}, as a real one would. Its services
     * ({@code org.neurite.examples.embed}) stay Guice-free, and a test run without Guice proves it.
     */
    static final ArchRule GUICE_ONLY_IN_INJECT = noClasses().that()
            .resideOutsideOfPackages("org.neurite.core.inject..", "org.neurite.examples.embed.guice..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
            .as("Guice is used only in org.neurite.core.inject (and the example application's wiring)")
            .because("Guice is an optional dependency: users who do not use it never need it");

    /** Rule 5, which also keeps backend types out of every public signature elsewhere. */
    static final ArchRule EJML_ONLY_IN_ITS_BACKEND = noClasses().that()
            .resideOutsideOfPackage("org.neurite.backend.ejml..")
            .should().dependOnClassesThat().resideInAPackage("org.ejml..")
            .as("EJML is used only in org.neurite.backend.ejml");

    /** Rule 5 for ND4J. */
    static final ArchRule ND4J_ONLY_IN_ITS_BACKEND = noClasses().that()
            .resideOutsideOfPackage("org.neurite.backend.nd4j..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.bytedeco..")
            .as("ND4J is used only in org.neurite.backend.nd4j");

    /** Rule 5 for file formats: Commons CSV (and the Commons libraries it brings) only in nn-io. */
    static final ArchRule COMMONS_CSV_ONLY_IN_IO = noClasses().that()
            .resideOutsideOfPackage("org.neurite.io..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.csv..",
                    "org.apache.commons.io..", "org.apache.commons.codec..")
            .as("Commons CSV is used only in org.neurite.io")
            .because("nn-core reads no files: applications that only train on arrays never need the parser");

    /**
     * Rule 5 for file formats: Jackson (safetensors headers, model descriptions) only in nn-io, and in the
     * CLI, which prints {@code --json} with it.
     */
    static final ArchRule JACKSON_ONLY_IN_IO = noClasses().that()
            .resideOutsideOfPackages("org.neurite.io..", "org.neurite.examples..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .as("Jackson is used only in org.neurite.io (and the CLI)")
            .because("the API, nn-core and the backends read no files: applications that only train on arrays "
                    + "never need the parser");

    /** Rule 6. */
    static final ArchRule EXAMPLES_REACH_BACKENDS_THROUGH_THE_API = noClasses().that()
            .resideInAPackage("org.neurite.examples..")
            .should().dependOnClassesThat().resideInAPackage("org.neurite.backend..")
            .as("examples reach a backend only through the API (ServiceLoader)");

    /**
     * Rule 7, between modules and between nn-core's packages. {@code org.neurite.api} and its {@code spi}
     * refer to each other by design (as {@code org.slf4j} and {@code org.slf4j.spi} do: the registry finds
     * providers, providers make API objects), so the api is one slice.
     */
    static final ArchRule NO_CYCLES_BETWEEN_MODULES = slices().matching("org.neurite.(*)..")
            .should().beFreeOfCycles().as("no cycles between Neurite's modules");

    /** Rule 7 inside nn-core. */
    static final ArchRule NO_CYCLES_IN_CORE = slices().matching("org.neurite.core.(*)..")
            .should().beFreeOfCycles().as("no cycles between nn-core's packages");

    /** Rule 8a. */
    static final ArchRule ONLY_PROVIDERS_ARE_PUBLIC_IN_BACKENDS = classes().that()
            .resideInAPackage("org.neurite.backend..").and().arePublic().and().areTopLevelClasses()
            .should().haveSimpleNameEndingWith("Provider")
            .as("in backends only the *Provider is public")
            .because("a backend's types must not leak; users reach it through the API");

    /** Rule 8b. */
    static final ArchRule PUBLIC_TYPES_DECLARE_THEIR_STABILITY = classes().that()
            .resideOutsideOfPackage("org.neurite.backend..").and().arePublic().and().areTopLevelClasses()
            .should().beAnnotatedWith(Stability.class)
            .as("every public top-level type outside backends carries @Stability");

    /**
     * Rule 9, for the top-level classes that {@code META-INF/services} lists. Exempt: nested adapters that
     * no service file names, such as {@code core.inject}'s private record that presents one Guice binding
     * to the activation registry as a provider (so that duplicate-name errors can name that binding).
     */
    static final ArchRule PROVIDERS_ARE_LOADABLE = classes().that().implement(BackendProvider.class)
            .or().implement(ActivationProvider.class)
            .or().implement(LossProvider.class)
            .and().areNotInterfaces().and().areTopLevelClasses()
            .should().bePublic().andShould().haveSimpleNameEndingWith("Provider")
            .andShould(havePublicNoArgConstructor())
            .as("service providers are public, named *Provider, with a public no-argument constructor")
            .because("java.util.ServiceLoader instantiates them");

    /**
     * Rule 10: library code logs, only the CLI and examples print, and nn-spark's command-line entry point
     * {@code MllibToNeurite} (an application run by {@code spark-submit}, kept out of the CLI jars with Spark),
     * whose {@code main} alone hands {@code System.out} and {@code System.err} to its code.
     */
    static final ArchRule NO_STANDARD_STREAMS_OUTSIDE_EXAMPLES = noClasses().that()
            .resideOutsideOfPackage("org.neurite.examples..")
            .and().doNotHaveFullyQualifiedName("org.neurite.spark.MllibToNeurite")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .as("library code never prints; it logs through SLF4J");

    /**
     * Rule 10: one root for Neurite's own exception types, so that a caller can catch them all. Argument
     * and state errors stay the JDK's {@code IllegalArgumentException} and {@code IllegalStateException}, as
     * is standard; this rule is about the types Neurite declares.
     */
    static final ArchRule EXCEPTIONS_EXTEND_NEURITE_EXCEPTION = classes().that()
            .resideInAPackage("org.neurite..").and().areAssignableTo(Throwable.class).and().arePublic()
            .and().doNotHaveFullyQualifiedName(NeuriteException.class.getName())
            .should().beAssignableTo(NeuriteException.class)
            .as("every public exception type Neurite declares extends NeuriteException")
            .because("users catch one root type; a private signal inside a module (nn-io's CsvText.Problem, an "
                    + "IOException that must pass through Commons CSV's reader) is not part of the API");

    /** Rule 10. */
    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    /**
     * Rule 10. Stricter than {@code GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING}, which only
     * sees a JUL logger stored in a field, not one called directly.
     */
    static final ArchRule NO_JAVA_UTIL_LOGGING = noClasses().that().resideOutsideOfPackage("org.neurite.examples.cli..")
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .as("no library class uses java.util.logging")
            .because("library code logs through SLF4J; only the CLI, an application, configures the JDK logging "
                    + "that nn-api's System.Logger writes to (to keep its warnings off the user's screen)");

    private static ArchCondition<JavaClass> havePublicNoArgConstructor() {
        return new ArchCondition<>("have a public no-argument constructor") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean ok = item.getConstructors().stream().anyMatch(c -> c.getRawParameterTypes().isEmpty()
                        && c.getModifiers().contains(JavaModifier.PUBLIC));
                events.add(new SimpleConditionEvent(item, ok,
                        item.getName() + (ok ? " has" : " has no") + " public no-argument constructor"));
            }
        };
    }
}
