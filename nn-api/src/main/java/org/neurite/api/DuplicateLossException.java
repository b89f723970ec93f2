package org.neurite.api;

/** Two providers registered the same loss name (or alias); the message names both. */
@Stability(Stability.Status.EXPERIMENTAL)
public class DuplicateLossException extends NeuriteException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the name and both providers. */
    public DuplicateLossException(String message) {
        super(message);
    }
}
