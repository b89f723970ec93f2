package org.neurite.api.support;

import org.neurite.api.Stability;

/**
 * Per-thread row buffers for a backend's {@link org.neurite.api.Backend#mapRows} and
 * {@link org.neurite.api.Backend#zipRows}, so that a row-wise activation (softmax, log_softmax) allocates
 * nothing in steady state: a {@link org.neurite.api.Backend.RowOperator} reads rows of exactly the tensor's
 * width, and a thread keeps, per slot, the last width it used.
 *
 * <p>A buffer stays valid until the same thread asks for the same slot again; a row operator must therefore
 * not call {@code mapRows} or {@code zipRows} itself (none of Neurite's does).
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class RowScratch {

    /** Slots a backend uses at once: two inputs and an output, for {@code zipRows}. */
    public static final int SLOTS = 3;

    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[SLOTS][0]);

    private RowScratch() {
    }

    /**
     * This thread's buffer for {@code slot}, of exactly {@code length} values (allocated only when the slot's
     * last length differs); its contents are whatever was there.
     *
     * @param slot 0 to {@link #SLOTS} - 1
     */
    public static double[] row(int slot, int length) {
        double[][] buffers = BUFFERS.get();
        double[] row = buffers[slot];
        if (row.length != length) {
            row = new double[length];
            buffers[slot] = row;
        }
        return row;
    }
}
