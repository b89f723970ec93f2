package org.neurite.examples.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurite.api.BackendNotFoundException;
import org.neurite.examples.cli.NeuriteCli;
import picocli.CommandLine;

/**
 * The scoring application without Guice, through the plain API. Runs in its own Surefire execution
 * ({@code no-guice} in nn-examples' pom) whose class path has Guice and its dependencies removed, and only
 * there: the first test fails if Guice is visible, so the rest cannot pass with Guice's help.
 */
class PlainScoringTest {

    @ParameterizedTest
    @ValueSource(strings = {"com.google.inject.Guice", "jakarta.inject.Inject", "com.google.common.collect.ImmutableList",
            "org.aopalliance.intercept.MethodInterceptor"})
    void guiceAndItsDependenciesAreNotOnTheClassPath(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className),
                className + " is on the class path; this test must run in the no-guice execution");
    }

    @Test
    void thePlainApiScoresTheSampleLikeTheGuiceWiring() {
        ScoringService service = PlainScoring.create("ejml", null);
        assertEquals("ejml", service.model().backend().name());
        ExpectedScores.assertSampleScores(service, service.score(CsvBatch.sample().rows()));
    }

    @Test
    void theDefaultBackendSelectionWorksToo() {
        ScoringService service = PlainScoring.create(null, null);
        ExpectedScores.assertSampleScores(service, service.score(CsvBatch.sample().rows()));
    }

    @Test
    void anUnknownBackendFailsListingTheFoundOnes() {
        BackendNotFoundException e = assertThrows(BackendNotFoundException.class, () -> PlainScoring.create("nope", null));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("ejml"), e.getMessage());
    }

    @Test
    void theCommandLineScoresWithoutGuiceWhenAskedTo() {
        CommandLine cl = NeuriteCli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("serve-example", "--plain"));
        assertTrue(out.toString().contains("wired by plain API"), out.toString());
        assertTrue(out.toString().contains("a-004,0.000291"), out.toString());
    }
}
