/**
 * Neurite's models: the multi-layer perceptron, dense layers, initializers and the built-in activations,
 * plus the optional Guice integration in {@code org.neurite.core.inject}.
 *
 * <p>Guice is {@code requires static}: needed to compile, and at run time only by an application that uses
 * {@code org.neurite.core.inject} (and so requires {@code com.google.guice} itself). The built-in
 * activations' package is not exported: they are reached by name, through the provider below.
 */
// Guice 7 has no module descriptor, only an Automatic-Module-Name; that is the best it offers.
@SuppressWarnings("requires-automatic")
module org.neurite.core {
    requires transitive org.neurite.api;
    requires org.slf4j;
    requires static com.google.guice;

    exports org.neurite.core;
    exports org.neurite.core.data;
    exports org.neurite.core.init;
    exports org.neurite.core.inject;
    exports org.neurite.core.optim;
    exports org.neurite.core.train;

    // Guice calls the package-private @Inject constructors and @Provides methods reflectively.
    opens org.neurite.core.inject to com.google.guice;

    provides org.neurite.api.spi.ActivationProvider with org.neurite.core.activation.BuiltinActivationProvider;
    provides org.neurite.api.spi.LossProvider with org.neurite.core.loss.BuiltinLossProvider;
}
