/**
 * Neurite's API: tensors, backends, activations, losses and layers, with the SPIs that backend, activation
 * and loss jars implement. Depends on the JDK alone.
 *
 * <p>Backends, activations and losses are found with {@link java.util.ServiceLoader}: on the module path
 * through their modules' {@code provides}, on the class path through their {@code META-INF/services} files.
 */
module org.neurite.api {
    exports org.neurite.api;
    exports org.neurite.api.spi;
    exports org.neurite.api.support;

    uses org.neurite.api.spi.BackendProvider;
    uses org.neurite.api.spi.ActivationProvider;
    uses org.neurite.api.spi.LossProvider;
}
