package org.neurite.api;

/**
 * A backend refused a tensor because its memory would exceed the backend's limit: thrown before anything is
 * allocated, naming the size and the limit in bytes and how to raise the limit.
 */
@Stability(Stability.Status.STABLE)
public class TensorAllocationException extends NeuriteException {
    private static final long serialVersionUID = 1L;

    private final long requestedBytes;
    private final long limitBytes;

    /**
     * An exception whose message names both sizes.
     *
     * @param message the message, which names the tensor, both sizes and the setting that bounds them
     * @param requestedBytes the bytes the tensor needs
     * @param limitBytes the bytes the limit allowed when it was refused
     */
    public TensorAllocationException(String message, long requestedBytes, long limitBytes) {
        super(message);
        this.requestedBytes = requestedBytes;
        this.limitBytes = limitBytes;
    }

    /** The bytes the tensor needs. */
    public long requestedBytes() {
        return requestedBytes;
    }

    /** The bytes the limit allowed when the tensor was refused. */
    public long limitBytes() {
        return limitBytes;
    }
}
