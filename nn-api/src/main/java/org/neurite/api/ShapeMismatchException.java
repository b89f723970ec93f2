package org.neurite.api;

/** An argument had a shape that the operation cannot accept; the message names it, the expected and the actual shape. */
@Stability(Stability.Status.STABLE)
public class ShapeMismatchException extends NeuriteException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the argument, what was expected and what came. */
    public ShapeMismatchException(String message) {
        super(message);
    }

    /**
     * Checks that {@code actual} equals {@code expected}.
     *
     * @param what the argument's name as the caller knows it, for example {@code "out"}
     * @throws ShapeMismatchException if they differ
     */
    public static void require(String what, Shape expected, Shape actual) {
        if (!expected.equals(actual)) {
            throw new ShapeMismatchException(what + ": expected shape " + expected + ", got " + actual);
        }
    }
}
