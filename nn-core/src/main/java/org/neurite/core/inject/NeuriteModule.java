package org.neurite.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import java.util.Map;
import java.util.Optional;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.Stability;
import org.neurite.api.spi.ActivationFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds what an application needs to use Neurite: the {@link Backend}, the {@link Activations} registry
 * and a {@link ModelFactory}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new NeuriteModule(), new AbstractModule() {
 *     protected void configure() {
 *         // the backend, by name; else -Dneurite.backend, NEURITE_BACKEND, or the best available one
 *         NeuriteModule.backendNameBinder(binder()).setBinding().toInstance("ejml");
 *         // an activation of the application's own, found by name like the built-in ones
 *         NeuriteModule.activationBinder(binder()).addBinding("scaled_tanh").toInstance(new ScaledTanhFactory());
 *     }
 * });
 * Mlp model = injector.getInstance(ModelFactory.class).builder()
 *         .input(3).dense(8, "scaled_tanh").dense(1, "sigmoid").seed(7).build();
 * }</pre>
 *
 * <p><b>Backend.</b> The name bound to {@code @Named("neurite.backend") String} ({@value #BACKEND_NAME}),
 * if any, is passed to {@link Backends#select(String)}; without one, {@code Backends}' own order applies
 * (system property, environment variable, highest priority). The key is an {@code OptionalBinder}, so the
 * name may come from {@link #backendNameBinder}, from a plain binding of that key, or from
 * {@code Names.bindProperties(binder(), properties)} with a {@code neurite.backend=...} entry. The
 * registry searched is {@link Backends#discover()} unless {@link #backendsBinder} sets another. An unknown
 * or unavailable name fails at first injection with a {@code ProvisionException} whose cause is the
 * {@link org.neurite.api.BackendNotFoundException} listing what was found.
 *
 * <p><b>Activations.</b> The registry holds every {@code ServiceLoader} {@code ActivationProvider} (the
 * built-ins among them) and every factory bound through {@link #activationBinder}. A name registered twice
 * fails with a {@link org.neurite.api.DuplicateActivationException} naming both sources, for example
 * {@code Neurite built-ins (...BuiltinActivationProvider)} and {@code Guice binding 'relu' (com.example.MyRelu)};
 * two Guice bindings of one name already fail when the injector is created, naming both modules.
 *
 * <p><b>Laziness.</b> {@code configure()} only declares bindings: no backend, native library or
 * {@code ServiceLoader} provider is loaded until something injects a {@code Backend}, {@code Activations}
 * or calls {@link ModelFactory#builder()}. Both are singletons per injector.
 *
 * <p>All instances are equal, so the module may be installed by several modules of one application.
 *
 * <p>On the module path, an application module that uses this class declares {@code requires com.google.guice}
 * and {@code requires jakarta.inject} (Guice 7 is an automatic module and cannot require the latter itself),
 * and, for its own modules' {@code @Provides} methods, {@code opens} their package {@code to com.google.guice}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
// Guice types in this API are not re-exported (nn-core's Guice is optional, "requires static"): an
// application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class NeuriteModule extends AbstractModule {

    /** The {@code @Named} key of the backend name, the same as the system property: {@value}. */
    public static final String BACKEND_NAME = Backends.PROPERTY;

    private static final Logger LOG = LoggerFactory.getLogger(NeuriteModule.class);

    /** The module; it has no settings of its own (bindings configure it). */
    public NeuriteModule() {
    }

    @Override
    protected void configure() {
        // Declarations only (Guice: "modules should be fast and side-effect free"); no value depends on a condition.
        backendNameBinder(binder());
        backendsBinder(binder()).setDefault().toProvider(DiscoveredBackends.class);
        activationBinder(binder());
        bind(ModelFactory.class);
    }

    /**
     * The optional backend name, {@code @Named("neurite.backend") String}. Set it with
     * {@code backendNameBinder(binder()).setBinding().toInstance("ejml")}; leave it unset for the default
     * selection.
     */
    public static OptionalBinder<String> backendNameBinder(Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, Key.get(String.class, Names.named(BACKEND_NAME)));
    }

    /**
     * The registry the backend is selected from, {@link Backends#discover()} by default. Override it with
     * {@code backendsBinder(binder()).setBinding().toInstance(Backends.of(providers))}, for example to use
     * backends registered by hand.
     */
    public static OptionalBinder<Backends> backendsBinder(Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, Backends.class);
    }

    /**
     * Where an application contributes its own activations: bind each factory under its name,
     * {@code activationBinder(binder()).addBinding("scaled_tanh").toInstance(new ScaledTanhFactory())}.
     * The key must equal the factory's {@link ActivationFactory#name()}, ignoring case.
     */
    public static MapBinder<String, ActivationFactory> activationBinder(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, ActivationFactory.class);
    }

    @Provides
    @Singleton
    Backend backend(Backends backends, @Named(BACKEND_NAME) Optional<String> bound) {
        // A blank entry (neurite.backend= in a properties file) means unset, as a blank -D or variable does.
        Optional<String> name = bound.filter(n -> !n.isBlank());
        Backend backend = backends.select(name.orElse(null));
        LOG.info("Neurite backend '{}' ({})", backend.name(),
                name.map(n -> "configured as '" + n + "'").orElse("default selection"));
        return backend;
    }

    @Provides
    @Singleton
    Activations activations(Map<String, ActivationFactory> contributed) {
        Activations registry = GuiceActivations.merge(Activations.loadProviders(), contributed);
        LOG.debug("Neurite activations: {} ({} from Guice bindings)", registry.names(), contributed.size());
        return registry;
    }

    /** Every instance is the same module; Guice then installs it once however often it is installed. */
    @Override
    public boolean equals(Object other) {
        return other instanceof NeuriteModule;
    }

    @Override
    public int hashCode() {
        return NeuriteModule.class.hashCode();
    }
}
