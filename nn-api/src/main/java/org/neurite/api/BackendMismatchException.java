package org.neurite.api;

/**
 * A tensor was handed to a backend that does not own it (or with another dtype than the operation's).
 * Neurite never converts silently between backends: copy explicitly with {@link Backend#copyOf(Tensor)}.
 */
@Stability(Stability.Status.STABLE)
public class BackendMismatchException extends NeuriteException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the argument, its backend and the expected one. */
    public BackendMismatchException(String message) {
        super(message);
    }
}
