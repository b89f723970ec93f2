package org.neurite.api;

import java.util.Locale;

/**
 * How a {@link Loss} turns the losses of a batch's elements (or rows) into one number, as PyTorch's
 * {@code reduction} argument does ({@code 'none'} is not offered: a loss here is always one number).
 * Written {@code mean} or {@code sum} in a loss's spec, for example {@code huber(delta=2.0, reduction=sum)}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public enum Reduction {
    /** The sum divided by the count the loss documents (elements, or rows for class losses); the default. */
    MEAN,
    /** The plain sum. */
    SUM;

    /** The text of this reduction in a spec: {@code mean} or {@code sum}. */
    public String spec() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The reduction that {@code text} names, ignoring case.
     *
     * @throws IllegalArgumentException if it is neither {@code mean} nor {@code sum}
     */
    public static Reduction parse(String text) {
        for (Reduction r : values()) {
            if (r.spec().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("reduction: expected mean or sum, got '" + text + "'");
    }
}
