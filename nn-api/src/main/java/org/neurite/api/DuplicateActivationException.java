package org.neurite.api;

/** Two providers registered the same activation name (or alias); the message names both. */
@Stability(Stability.Status.STABLE)
public class DuplicateActivationException extends NeuriteException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the name and both providers. */
    public DuplicateActivationException(String message) {
        super(message);
    }
}
