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
        return "EJML " + org.ejml.EjmlVersion.VERSION;
    }

    @Override
    public Backend create() {
        return new EjmlBackend();
    }
}
