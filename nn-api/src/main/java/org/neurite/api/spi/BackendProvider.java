package org.neurite.api.spi;

import org.neurite.api.Backend;
import org.neurite.api.Stability;

/**
 * What a backend jar registers in {@code META-INF/services/org.neurite.api.spi.BackendProvider}.
 *
 * <p>{@link org.neurite.api.Backends} instantiates every provider on the class path through
 * {@link java.util.ServiceLoader}, so an implementation is public with a public no-argument constructor,
 * and that constructor must be cheap: it must not load native code or the math library. The heavy work
 * happens in {@link #create()}, which the registry calls at most once, only when the backend is selected
 * or listed.
 */
@Stability(Stability.Status.STABLE)
public interface BackendProvider {

    /**
     * The name users select the backend by; lower case, unique among providers, for example {@code ejml}.
     * A provider whose name is {@code null} or blank, or whose {@code name()} or {@link #priority()} throws,
     * is reported as broken and left out.
     */
    String name();

    /**
     * The rank in automatic selection: the available backend with the highest priority wins. The pure-Java
     * EJML backend uses 100, so that it is the embedded default.
     */
    int priority();

    /** The version of the math library behind this backend, without loading it where possible. */
    String libraryVersion();

    /**
     * Loads the library and returns the backend. Called by the registry at most once per provider; any
     * exception or error thrown here ({@link UnsatisfiedLinkError}, {@link AssertionError}, ...) marks the
     * backend unavailable with that cause, and discovery goes on with the others. Only a
     * {@link VirtualMachineError} such as {@link OutOfMemoryError} propagates.
     *
     * @throws Exception anything that prevents loading, for example a missing native library
     */
    Backend create() throws Exception;
}
