package org.neurite.api;

/**
 * No backend with the requested name could be used: it is unknown, failed to load, or none is on the class
 * path. The message lists every backend found and why each unavailable one failed.
 */
@Stability(Stability.Status.STABLE)
public class BackendNotFoundException extends NeuriteException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message listing what was found. */
    public BackendNotFoundException(String message) {
        super(message);
    }

    /** An exception with a message and the load failure that caused it. */
    public BackendNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
