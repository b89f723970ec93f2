package org.neurite.backend.ejml;

import org.neurite.api.Backend;
import org.neurite.api.spi.BackendProvider;

/**
 * Registers the EJML backend as {@code ejml}, priority 100: pure Java, always loadable, the embedded
 * default. The only public type of this module.
 */
public final class EjmlBackendProvider implements BackendProvider {

    /** The name users select this backend by. */
    public static final String NAME = "ejml";

    /**
     * The system property that sets from how many multiply-adds a matrix product runs on EJML's
     * multi-threaded kernels (default 4,000,000; 0 for always, a huge value for never).
     */
    public static final String PARALLEL_MIN_WORK_PROPERTY = "neurite.ejml.parallelMinWork";

    /** Called by {@link java.util.ServiceLoader}; does no work. */
    public EjmlBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String libraryVersion() {
        // A compile-time constant, inlined by javac: reading it loads no EJML class.
        return "EJML " + org.ejml.EjmlVersion.VERSION;
    }

    @Override
    public Backend create() {
        readEjml();
        String value = System.getProperty(PARALLEL_MIN_WORK_PROPERTY);
        long minWork = Kernels.DEFAULT_PARALLEL_MIN_WORK;
        if (value != null) {
            try {
                minWork = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PARALLEL_MIN_WORK_PROPERTY
                        + ": expected a whole number of multiply-adds, got '" + value + "'", e);
            }
        }
        return new EjmlBackend(minWork);
    }

    /**
     * On the module path, lets this module read the class path, where EJML must stay: its jars split
     * packages, so they cannot be modules (see module-info). Must run before any EJML class is touched;
     * does nothing when this class is itself on the class path.
     */
    private static void readEjml() {
        Module self = EjmlBackendProvider.class.getModule();
        self.addReads(EjmlBackendProvider.class.getClassLoader().getUnnamedModule());
    }
}
