package org.neurite.api;

/** An activation name or parameter that no registered provider knows; the message lists the known ones. */
@Stability(Stability.Status.STABLE)
public class UnknownActivationException extends NeuriteException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the unknown name and listing the known ones. */
    public UnknownActivationException(String message) {
        super(message);
    }
}
