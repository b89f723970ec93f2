package org.neurite.api;

/** A loss name or parameter that no registered provider knows; the message lists the known ones. */
@Stability(Stability.Status.EXPERIMENTAL)
public class UnknownLossException extends NeuriteException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the unknown name and listing the known ones. */
    public UnknownLossException(String message) {
        super(message);
    }
}
