package org.neurite.core.init;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import org.neurite.api.Stability;

/**
 * The standard initializers, PyTorch's formulas, and the default chosen by activation.
 *
 * <p>Note the tutorial's {@code DenseLayer} says "Xavier initialization" but uses {@code sqrt(2 / n_in)}:
 * that is He (Kaiming) normal, which is what {@link #heNormal()} does.
 */
@Stability(Stability.Status.STABLE)
public final class Initializers {

    // Before BY_NAME below, which refers to it: static fields initialize in order.
    private static final Initializer ZEROS = (w, in, out, r) -> java.util.Arrays.fill(w, 0.0);

    /** Activations whose default is He: ReLU and the functions shaped like it. */
    private static final Set<String> RELU_FAMILY = Set.of("relu", "leaky_relu", "prelu", "relu6", "elu",
            "celu", "gelu", "gelu_tanh", "silu", "swish", "mish", "hard_swish");

    private static final Map<String, Initializer> BY_NAME = new TreeMap<>(Map.of(
            "he_normal", heNormal(), "he_uniform", heUniform(),
            "xavier_normal", xavierNormal(), "xavier_uniform", xavierUniform(),
            "lecun_normal", lecunNormal(), "zeros", zeros()));

    private Initializers() {
    }

    /** He/Kaiming normal: {@code N(0, 2 / fanIn)}, for ReLU layers. */
    public static Initializer heNormal() {
        return (w, in, out, r) -> normal(w, Math.sqrt(2.0 / in), r::nextGaussian);
    }

    /** He/Kaiming uniform: {@code U(-b, b)}, {@code b = sqrt(6 / fanIn)}. */
    public static Initializer heUniform() {
        return (w, in, out, r) -> uniform(w, Math.sqrt(6.0 / in), r::nextDouble);
    }

    /** Xavier/Glorot normal: {@code N(0, 2 / (fanIn + fanOut))}. */
    public static Initializer xavierNormal() {
        return (w, in, out, r) -> normal(w, Math.sqrt(2.0 / (in + out)), r::nextGaussian);
    }

    /** Xavier/Glorot uniform: {@code U(-b, b)}, {@code b = sqrt(6 / (fanIn + fanOut))}. */
    public static Initializer xavierUniform() {
        return (w, in, out, r) -> uniform(w, Math.sqrt(6.0 / (in + out)), r::nextDouble);
    }

    /** LeCun normal: {@code N(0, 1 / fanIn)}, what SELU's self-normalisation assumes. */
    public static Initializer lecunNormal() {
        return (w, in, out, r) -> normal(w, Math.sqrt(1.0 / in), r::nextGaussian);
    }

    /** A scaled standard normal {@code N(0, std²)}, as the tutorial's {@code np.random.randn(...) * 0.5}. */
    public static Initializer normal(double std) {
        return (w, in, out, r) -> normal(w, std, r::nextGaussian);
    }

    /** All zeros; always the same instance, which the model builder fills by allocating zeroed tensors alone. */
    public static Initializer zeros() {
        return ZEROS;
    }

    /** Every weight equal to {@code value}. */
    public static Initializer constant(double value) {
        return (w, in, out, r) -> java.util.Arrays.fill(w, value);
    }

    /**
     * The default for an activation: He for the ReLU family, LeCun for SELU, Xavier normal otherwise.
     *
     * @param activationName a canonical activation name
     */
    public static Initializer defaultFor(String activationName) {
        String name = activationName.toLowerCase(Locale.ROOT);
        if (RELU_FAMILY.contains(name)) {
            return heNormal();
        }
        if (name.equals("selu")) {
            return lecunNormal();
        }
        return xavierNormal();
    }

    /**
     * An initializer by name: {@code he_normal}, {@code he_uniform}, {@code xavier_normal},
     * {@code xavier_uniform}, {@code lecun_normal}, {@code zeros}.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Initializer byName(String name) {
        Initializer init = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (init == null) {
            throw new IllegalArgumentException("initializer: unknown name '" + name + "'; known: "
                    + String.join(", ", names()));
        }
        return init;
    }

    /** The names {@link #byName} knows, sorted. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    private static void normal(double[] w, double std, DoubleSupplier gaussian) {
        for (int i = 0; i < w.length; i++) {
            w[i] = std * gaussian.getAsDouble();
        }
    }

    private static void uniform(double[] w, double bound, DoubleSupplier unit) {
        for (int i = 0; i < w.length; i++) {
            w[i] = bound * (2.0 * unit.getAsDouble() - 1.0);
        }
    }
}
