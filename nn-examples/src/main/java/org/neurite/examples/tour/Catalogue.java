package org.neurite.examples.tour;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neurite.api.Activation;
import org.neurite.api.UnknownActivationException;

/**
 * The tutorial's activations looked up by name in the registry at run time. A name this build does not
 * register is skipped with a one-time note in the output (the catalogue grows in its own issue), so the
 * activation section always runs and shows exactly what is there.
 */
final class Catalogue {

    /** The tutorial's display names, by Neurite's canonical name. */
    private static final Map<String, String> DISPLAY = Map.ofEntries(
            Map.entry("sigmoid", "Sigmoid"), Map.entry("tanh", "Tanh"), Map.entry("relu", "ReLU"),
            Map.entry("leaky_relu", "Leaky ReLU"), Map.entry("prelu", "PReLU"), Map.entry("elu", "ELU"),
            Map.entry("selu", "SELU"), Map.entry("gelu", "GELU (exact)"), Map.entry("gelu_tanh", "GELU (tanh)"),
            Map.entry("silu", "Swish / SiLU"), Map.entry("mish", "Mish"), Map.entry("softplus", "Softplus"),
            Map.entry("softmax", "Softmax"), Map.entry("linear", "Linear"));

    private final TourContext ctx;
    private final Set<String> noted = new HashSet<>();

    Catalogue(TourContext ctx) {
        this.ctx = ctx;
    }

    /** The activation {@code spec} names, or empty after printing (once per name) that it is not registered. */
    Optional<Activation> find(String spec) {
        String name = spec.replaceAll("\\(.*", "").trim().toLowerCase(Locale.ROOT);
        Optional<Activation> found;
        try {
            found = ctx.activation(spec);
        } catch (UnknownActivationException | IllegalArgumentException e) {
            // The name is registered, but not with the tutorial's parameter name or range.
            if (noted.add(spec)) {
                ctx.printf("(skipped: '%s': %s)%n", spec, e.getMessage());
            }
            return Optional.empty();
        }
        if (found.isEmpty() && noted.add(name)) {
            ctx.printf("(skipped: '%s' is not registered in this build; registered: %s)%n", name,
                    String.join(", ", ctx.activations().names()));
        }
        return found;
    }

    /** The tutorial's name for an activation, for example {@code Leaky ReLU}. */
    static String display(String name) {
        return DISPLAY.getOrDefault(name, name);
    }

    /** The display name with any parameters, for example {@code Leaky ReLU (alpha=0.01)}. */
    static String displayWithParameters(Activation a) {
        String params = a.spec().equals(a.name()) ? "" : " " + a.spec().substring(a.name().length());
        return display(a.name()) + params;
    }
}
