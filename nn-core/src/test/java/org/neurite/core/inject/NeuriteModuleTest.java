package org.neurite.core.inject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.name.Names;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.BackendNotFoundException;
import org.neurite.api.Backends;
import org.neurite.api.DuplicateActivationException;
import org.neurite.api.NeuriteException;
import org.neurite.core.Mlp;

class NeuriteModuleTest {

    private final NamedBackendProvider alpha = new NamedBackendProvider("alpha", 10);
    private final NamedBackendProvider beta = new NamedBackendProvider("beta", 5);

    /** NeuriteModule over a registry of alpha (preferred) and beta, plus the given modules. */
    private Injector injector(Module... more) {
        Module registry = new AbstractModule() {
            @Override
            protected void configure() {
                NeuriteModule.backendsBinder(binder()).setBinding().toInstance(Backends.of(List.of(alpha, beta)));
            }
        };
        Module[] all = new Module[more.length + 2];
        all[0] = new NeuriteModule();
        all[1] = registry;
        System.arraycopy(more, 0, all, 2, more.length);
        return Guice.createInjector(all);
    }

    private static Module backendName(String name) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                NeuriteModule.backendNameBinder(binder()).setBinding().toInstance(name);
            }
        };
    }

    private static Module activation(String key, String factoryName) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                NeuriteModule.activationBinder(binder()).addBinding(key).toInstance(new SquareFactory(factoryName));
            }
        };
    }

    @Test
    void withoutConfigurationTheDefaultSelectionApplies() {
        assertEquals("alpha", injector().getInstance(Backend.class).name());
    }

    @Test
    void theBackendNamedInConfigurationIsUsed() {
        Injector injector = injector(backendName("beta"));
        Backend backend = injector.getInstance(Backend.class);
        assertEquals("beta", backend.name());
        assertSame(backend, injector.getInstance(Backend.class), "one backend per injector");
        assertSame(backend, injector.getInstance(ModelFactory.class).backend());
    }

    @Test
    void theBackendNameMayComeFromAPropertiesFile() {
        Properties config = new Properties();
        config.setProperty("neurite.backend", "BETA");
        Injector injector = injector(new AbstractModule() {
            @Override
            protected void configure() {
                Names.bindProperties(binder(), config);
            }
        });
        assertEquals("beta", injector.getInstance(Backend.class).name());
    }

    @Test
    void configuringTheInjectorLoadsNoBackend() {
        Injector injector = injector(backendName("beta"));
        ModelFactory models = injector.getInstance(ModelFactory.class);
        assertEquals(0, alpha.creations.get() + beta.creations.get(), "loaded while configuring");
        models.backend();
        assertEquals(0, alpha.creations.get());
        assertEquals(1, beta.creations.get());
    }

    @Test
    void anUnknownConfiguredNameFailsAtFirstInjectionListingWhatWasFound() {
        Injector injector = injector(backendName("gamma"));
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(Backend.class));
        BackendNotFoundException cause = assertInstanceOf(BackendNotFoundException.class, e.getCause());
        assertTrue(cause.getMessage().contains("unknown name 'gamma'"), cause.getMessage());
        assertTrue(cause.getMessage().contains("alpha") && cause.getMessage().contains("beta"), cause.getMessage());
    }

    @Test
    void theRealBackendNamedInConfigurationBuildsWorkingModels() {
        Injector injector = Guice.createInjector(new NeuriteModule(), backendName("ejml"));
        Mlp xor = injector.getInstance(ModelFactory.class).builder().input(2)
                .dense("relu", new double[][] {{1, 1}, {1, 1}}, new double[] {0, -1})
                .dense("linear", new double[][] {{1, -2}}, new double[] {0})
                .build();
        assertEquals("ejml", xor.backend().name());
        assertArrayEquals(new double[][] {{0}, {1}, {1}, {0}}, xor.predict(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
    }

    @Test
    void aGuiceContributedActivationIsFoundByName() {
        Injector injector = injector(activation("test_square", "test_square"));
        Activations activations = injector.getInstance(Activations.class);
        assertTrue(activations.contains("TEST_SQUARE"));
        assertTrue(activations.contains("relu"), "the ServiceLoader providers are kept: " + activations.names());
        assertEquals("Guice binding 'test_square' (" + SquareFactory.class.getName() + ")",
                activations.sourceOf("test_square"));
        Mlp model = Guice.createInjector(new NeuriteModule(), activation("test_square", "test_square"))
                .getInstance(ModelFactory.class).builder().input(1)
                .dense("test_square", new double[][] {{2}}, new double[] {1})
                .build();
        assertEquals(49.0, model.predict(new double[] {3})[0], "(2·3 + 1)²");
    }

    @Test
    void aGuiceBindingThatClashesWithAProviderFailsNamingBothSources() {
        Injector injector = injector(activation("relu", "relu"));
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(Activations.class));
        DuplicateActivationException cause = assertInstanceOf(DuplicateActivationException.class, e.getCause());
        String message = cause.getMessage();
        assertTrue(message.contains("'relu' is registered twice"), message);
        assertTrue(message.contains("org.neurite.core.activation.BuiltinActivationProvider"), message);
        assertTrue(message.contains("Guice binding 'relu' (" + SquareFactory.class.getName() + ")"), message);
    }

    @Test
    void aGuiceBindingThatClashesWithAnAliasFailsToo() {
        Injector injector = injector(activation("identity", "identity"));
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(Activations.class));
        assertTrue(e.getCause().getMessage().contains("'identity' is registered twice"), e.getCause().getMessage());
    }

    @Test
    void twoGuiceBindingsOfOneNameFailWhenTheInjectorIsCreated() {
        CreationException e = assertThrows(CreationException.class,
                () -> injector(activation("test_square", "test_square"), activation("test_square", "test_square")));
        assertTrue(e.getMessage().contains("\"test_square\""), e.getMessage());
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("duplicate"), e.getMessage());
    }

    @Test
    void aBindingMustBeKeyedByItsFactorysName() {
        Injector injector = injector(activation("squared", "test_square"));
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(Activations.class));
        NeuriteException cause = assertInstanceOf(NeuriteException.class, e.getCause());
        assertTrue(cause.getMessage().contains("'squared' holds a factory named 'test_square'"), cause.getMessage());
    }

    @Test
    void theModuleMayBeInstalledMoreThanOnce() {
        Injector injector = Guice.createInjector(new NeuriteModule(), new NeuriteModule(), new AbstractModule() {
            @Override
            protected void configure() {
                install(new NeuriteModule());
            }
        });
        assertTrue(injector.getInstance(Activations.class).contains("relu"));
    }
}
