package org.neurite.api;

/** The root of every exception Neurite throws on purpose; unchecked, like the JDK's own argument errors. */
@Stability(Stability.Status.STABLE)
public class NeuriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message, which names the argument, the expectation and the value. */
    public NeuriteException(String message) {
        super(message);
    }

    /** An exception with the given message and cause. */
    public NeuriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
