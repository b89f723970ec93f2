package org.neurite.examples.embed.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.BackendNotFoundException;
import org.neurite.api.DuplicateActivationException;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.core.Mlp;
import org.neurite.core.inject.NeuriteModule;
import org.neurite.examples.embed.CsvBatch;
import org.neurite.examples.embed.ScaledTanhFactory;
import org.neurite.examples.embed.ScoringService;
import org.neurite.examples.embed.ExpectedScores;

/** The scoring application wired by Guice. */
class ScoringApplicationTest {

    private static Properties backend(String name) {
        Properties p = new Properties();
        p.setProperty("neurite.backend", name);
        return p;
    }

    @Test
    void theInjectedServiceScoresTheSample() {
        ScoringService service = ScoringApplication.start(backend("ejml"));
        ExpectedScores.assertSampleScores(service, service.score(CsvBatch.sample().rows()));
    }

    @Test
    void theServiceReceivesTheInjectedModelOnTheConfiguredBackend() {
        Injector injector = ScoringApplication.injector(backend("ejml"));
        Mlp model = injector.getInstance(Mlp.class);
        assertSame(model, injector.getInstance(ScoringService.class).model());
        assertSame(injector.getInstance(Backend.class), model.backend());
        assertEquals("ejml", model.backend().name());
    }

    @Test
    void theBackendComesFromTheConfiguration() {
        BackendNotFoundException e = assertThrows(BackendNotFoundException.class,
                () -> ScoringApplication.start(backend("no_such_backend")));
        assertTrue(e.getMessage().contains("unknown name 'no_such_backend'") && e.getMessage().contains("ejml"),
                e.getMessage());
    }

    @Test
    void scaledTanhIsContributedThroughGuice() {
        Activations activations = ScoringApplication.injector(new Properties()).getInstance(Activations.class);
        assertEquals("Guice binding 'scaled_tanh' (" + ScaledTanhFactory.class.getName() + ")",
                activations.sourceOf("scaled_tanh"));
        assertEquals("scaled_tanh(a=1.7159, b=0.6666666666666666)", activations.get("Scaled_Tanh").spec());
    }

    @Test
    void contributingABuiltInNameAgainFailsNamingBothSources() {
        Injector injector = Guice.createInjector(new NeuriteModule(), new ScoringModule(), new AbstractModule() {
            @Override
            protected void configure() {
                NeuriteModule.activationBinder(binder()).addBinding("sigmoid").toInstance(new RenamedScaledTanh());
            }
        });
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(Activations.class));
        DuplicateActivationException cause = assertInstanceOf(DuplicateActivationException.class, e.getCause());
        assertTrue(cause.getMessage().contains("'sigmoid' is registered twice, by Neurite built-ins ("
                + "org.neurite.core.activation.BuiltinActivationProvider) and by Guice binding 'sigmoid' ("
                + RenamedScaledTanh.class.getName() + ")"), cause.getMessage());
    }

    /** scaled_tanh under a built-in's name, to clash on purpose. */
    private static final class RenamedScaledTanh implements ActivationFactory {
        @Override
        public String name() {
            return "sigmoid";
        }

        @Override
        public Activation create(Map<String, Double> parameters) {
            return new ScaledTanhFactory().create(new ScaledTanhFactory().defaults());
        }
    }
}
