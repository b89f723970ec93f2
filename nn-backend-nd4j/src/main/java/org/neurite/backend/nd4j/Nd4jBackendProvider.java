package org.neurite.backend.nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.neurite.api.Backend;
import org.neurite.api.spi.BackendProvider;

/**
 * Registers the ND4J backend as {@code nd4j}: native CPU math (libnd4j with OpenBLAS) for large layers.
 * The only public type of this module.
 *
 * <p>Priority 50, below EJML's 100, so that EJML stays the embedded default when both are on the class
 * path: EJML is pure Java and always loads, while ND4J loads about 400 MB of native libraries on first use
 * (JavaCPP extracts them to {@code ~/.javacpp/cache} on a machine's first run; on this project's 2-core
 * machine that took 2.4 s cold and 0.6 s warm when idle, 4.3 s and 1.4 s when busy), and on the small layers
 * of the tutorial the fixed cost of a native call per product outweighs what BLAS saves. Choose ND4J by name
 * ({@code -Dneurite.backend=nd4j}, {@code NEURITE_BACKEND=nd4j}, or in code) for wide layers, or when EJML is
 * not on the class path.
 *
 * <p>Nothing here touches ND4J: constructing the provider, {@link #name()}, {@link #priority()} and
 * {@link #libraryVersion()} load no ND4J class and no native code (the version comes from the
 * {@code pom.properties} resource of the nd4j-native jar). Only {@link #create()} loads the library.
 */
public final class Nd4jBackendProvider implements BackendProvider {

    /** The name users select this backend by. */
    public static final String NAME = "nd4j";

    /** The rank in automatic selection; below EJML's 100 (see the class comment). */
    public static final int PRIORITY = 50;

    private static final String ND4J_POM_PROPERTIES = "META-INF/maven/org.nd4j/nd4j-native/pom.properties";
    private static final String BUILD_PROPERTIES = "org/neurite/backend/nd4j/build.properties";

    /** Called by {@link java.util.ServiceLoader}; does no work. */
    public Nd4jBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * The version of the nd4j-native jar on the class path, for example {@code ND4J 1.0.0-M2.1}, read without
     * loading ND4J; when that jar is missing, the version this module was built against, saying so.
     */
    @Override
    public String libraryVersion() {
        String found = property(ND4J_POM_PROPERTIES, "version");
        if (found != null) {
            return "ND4J " + found;
        }
        String builtAgainst = property(BUILD_PROPERTIES, "nd4j.version");
        return "ND4J " + (builtAgainst != null ? builtAgainst : "unknown")
                + " (built against; nd4j-native is not on the class path)";
    }

    /**
     * Loads ND4J's native library (once per class loader) and returns the backend.
     *
     * @throws org.neurite.api.NeuriteException if the library cannot be loaded, with the original error as
     *     its cause
     */
    @Override
    public Backend create() {
        return Nd4jRuntime.load();
    }

    private static String property(String resource, String key) {
        ClassLoader loader = Nd4jBackendProvider.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
