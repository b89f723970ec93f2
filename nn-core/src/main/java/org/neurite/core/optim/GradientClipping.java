package org.neurite.core.optim;

import java.util.List;
import java.util.Objects;
import org.neurite.api.Stability;

/**
 * Gradient clipping as {@code torch.nn.utils.clip_grad_norm_} (norm type 2) and
 * {@code torch.nn.utils.clip_grad_value_} (PyTorch 1.13), in place, applied before the optimizer step.
 *
 * <p>Static methods do the clipping; an instance is a chosen policy, immutable, written and parsed as
 * {@code none}, {@code norm(max_norm=1.0)} or {@code value(clip_value=0.5)} (for a trainer option).
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class GradientClipping {

    private static final List<String> NAMES = List.of("none", "norm", "value");
    private static final GradientClipping NONE = new GradientClipping("none", Double.NaN);

    private final String mode;
    private final double limit;

    private GradientClipping(String mode, double limit) {
        this.mode = mode;
        this.limit = limit;
    }

    /**
     * Scales all gradients together so that their total 2-norm, over all arrays as if concatenated, is at
     * most about {@code maxNorm}, as torch: {@code total = norm([norm(g_0), norm(g_1), ...])},
     * {@code coef = min(maxNorm / (total + 1e-6), 1.0)}, every element multiplied by {@code coef} (also when
     * it is 1.0). A non-finite total is not an error (torch's {@code error_if_nonfinite=False}).
     *
     * @param grads the gradients, changed in place
     * @return the total norm before clipping; 0 for an empty list
     * @throws IllegalArgumentException unless {@code maxNorm} is finite and {@code > 0}, or for a null array
     */
    public static double clipByNorm(List<double[]> grads, double maxNorm) {
        Spec.positive("clip_by_norm", "max_norm", maxNorm);
        checkArrays("clip_by_norm", grads);
        if (grads.isEmpty()) {
            return 0.0;
        }
        double[] norms = new double[grads.size()];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = norm2(grads.get(i));
        }
        double total = norm2(norms);
        double coef = Math.min(maxNorm / (total + 1e-6), 1.0);
        for (double[] g : grads) {
            for (int j = 0; j < g.length; j++) {
                g[j] = g[j] * coef;
            }
        }
        return total;
    }

    /**
     * Clamps every gradient element into {@code [-clipValue, clipValue]}; NaN stays NaN, as torch's clamp.
     *
     * @throws IllegalArgumentException unless {@code clipValue} is finite and {@code > 0}, or for a null array
     */
    public static void clipByValue(List<double[]> grads, double clipValue) {
        Spec.positive("clip_by_value", "clip_value", clipValue);
        checkArrays("clip_by_value", grads);
        for (double[] g : grads) {
            for (int j = 0; j < g.length; j++) {
                g[j] = Math.min(Math.max(g[j], -clipValue), clipValue);
            }
        }
    }

    /**
     * The 2-norm as torch 1.13's CPU kernel computes it in float64: squares accumulated in order by fused
     * multiply-adds, then the square root (checked bit for bit against {@code torch.norm} for lengths 2 to
     * 3000).
     */
    static double norm2(double[] x) {
        double acc = 0.0;
        for (double v : x) {
            acc = Math.fma(v, v, acc);
        }
        return Math.sqrt(acc);
    }

    private static void checkArrays(String owner, List<double[]> grads) {
        if (grads == null) {
            throw new IllegalArgumentException(owner + ": grads: expected a list, got null");
        }
        for (int i = 0; i < grads.size(); i++) {
            if (grads.get(i) == null) {
                throw new IllegalArgumentException(owner + ": grads[" + i + "]: expected an array, got null");
            }
        }
    }

    /** No clipping. */
    public static GradientClipping none() {
        return NONE;
    }

    /**
     * Clipping by total norm, {@link #clipByNorm}.
     *
     * @throws IllegalArgumentException unless {@code maxNorm} is finite and {@code > 0}
     */
    public static GradientClipping byNorm(double maxNorm) {
        return new GradientClipping("norm", Spec.positive("norm", "max_norm", maxNorm));
    }

    /**
     * Clipping by value, {@link #clipByValue}.
     *
     * @throws IllegalArgumentException unless {@code clipValue} is finite and {@code > 0}
     */
    public static GradientClipping byValue(double clipValue) {
        return new GradientClipping("value", Spec.positive("value", "clip_value", clipValue));
    }

    /**
     * A policy from its text: {@code none}, {@code norm(max_norm=1.0)} or {@code value(clip_value=0.5)}
     * (name in any case); {@code parse(c.spec())} equals {@code c}.
     *
     * @throws IllegalArgumentException for an unknown name or parameter (listing the known ones), a missing
     *         or bad value
     */
    public static GradientClipping parse(String spec) {
        Spec s = Spec.parse("clipping", spec, "norm(max_norm=1.0)");
        switch (s.name()) {
            case "none" -> {
                s.requireKnown(List.of());
                return NONE;
            }
            case "norm" -> {
                s.requireKnown(List.of("max_norm"));
                return byNorm(s.number("max_norm"));
            }
            case "value" -> {
                s.requireKnown(List.of("clip_value"));
                return byValue(s.number("clip_value"));
            }
            default -> throw new IllegalArgumentException("clipping: name: expected one of " + NAMES + ", got '"
                    + s.name() + "'");
        }
    }

    /** The names {@link #parse} knows. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Clips {@code grads} in place by this policy.
     *
     * @return the total norm before clipping for {@code norm}, NaN otherwise
     */
    public double apply(List<double[]> grads) {
        switch (mode) {
            case "norm" -> {
                return clipByNorm(grads, limit);
            }
            case "value" -> clipByValue(grads, limit);
            default -> checkArrays("clipping", grads);
        }
        return Double.NaN;
    }

    /** The canonical text: {@code none}, {@code norm(max_norm=..)} or {@code value(clip_value=..)}. */
    public String spec() {
        return switch (mode) {
            case "norm" -> "norm(max_norm=" + limit + ")";
            case "value" -> "value(clip_value=" + limit + ")";
            default -> "none";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradientClipping c && c.mode.equals(mode) && Double.compare(c.limit, limit) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, limit);
    }

    @Override
    public String toString() {
        return spec();
    }
}
