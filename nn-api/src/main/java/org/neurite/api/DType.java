package org.neurite.api;

/**
 * The element type of a {@link Tensor}. {@link #FLOAT64} is the default everywhere.
 */
@Stability(Stability.Status.STABLE)
public enum DType {
    /** 64-bit IEEE 754, Java {@code double}. */
    FLOAT64("float64"),
    /** 32-bit IEEE 754, Java {@code float}. */
    FLOAT32("float32");

    private final String label;

    DType(String label) {
        this.label = label;
    }

    /** The lower-case name used on command lines and in files, {@code float64} or {@code float32}. */
    public String label() {
        return label;
    }

    /**
     * Parses a label ({@code float64}, {@code float32}, also {@code f64}, {@code double}, ...),
     * ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted labels
     */
    public static DType parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "float64": case "f64": case "double": return FLOAT64;
            case "float32": case "f32": case "float": return FLOAT32;
            default:
                throw new IllegalArgumentException(
                        "dtype: expected float64 or float32, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
