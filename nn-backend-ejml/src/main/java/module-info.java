/**
 * The EJML backend. Exports nothing: users reach it by name through {@code org.neurite.api.Backends}, which
 * finds it through the {@code provides} below (and through {@code META-INF/services} on the class path).
 *
 * <p>No {@code requires} for EJML, on purpose. EJML 0.46 ships no module descriptors, and its jars split
 * packages ({@code org.ejml.dense.row} and others are in both ejml-ddense and ejml-fdense), so they cannot
 * be modules side by side: on the module path the JVM refuses to start (EJML issue #39). EJML therefore
 * stays on the class path, even when this module is on the module path; the build compiles with
 * {@code --add-reads org.neurite.backend.ejml=ALL-UNNAMED}, and {@code EjmlBackendProvider#create()} adds
 * the same read edge at run time, so that users need no command-line flag.
 */
module org.neurite.backend.ejml {
    requires org.neurite.api;

    provides org.neurite.api.spi.BackendProvider with org.neurite.backend.ejml.EjmlBackendProvider;
}
