package org.neurite.core.optim;

import java.util.List;
import org.neurite.api.Stability;

/**
 * The optimizers, by name or by factory method, with PyTorch 1.13's defaults and update formulas.
 *
 * <table>
 * <caption>Optimizers and their parameters (spec names, defaults)</caption>
 * <tr><th>name</th><th>torch</th><th>parameters</th></tr>
 * <tr><td>{@code sgd}</td><td>{@code SGD}</td><td>{@code lr=0.01, momentum=0, dampening=0,
 *     nesterov=false, weight_decay=0}; torch has no default lr, Neurite's is 0.01; nesterov needs
 *     momentum &gt; 0 and dampening = 0</td></tr>
 * <tr><td>{@code adam}</td><td>{@code Adam}</td><td>{@code lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8,
 *     weight_decay=0, amsgrad=false}</td></tr>
 * <tr><td>{@code adamw}</td><td>{@code AdamW}</td><td>as adam but {@code weight_decay=0.01},
 *     decoupled</td></tr>
 * <tr><td>{@code rmsprop}</td><td>{@code RMSprop}</td><td>{@code lr=0.01, alpha=0.99, eps=1e-8,
 *     weight_decay=0, momentum=0, centered=false}</td></tr>
 * <tr><td>{@code adagrad}</td><td>{@code Adagrad}</td><td>{@code lr=0.01, lr_decay=0, weight_decay=0,
 *     initial_accumulator_value=0, eps=1e-10}</td></tr>
 * </table>
 *
 * <p>Numbers are read by {@link Double#parseDouble}, booleans are {@code true}/{@code false} or
 * {@code 1}/{@code 0}. {@code lr}, {@code eps}, {@code momentum}, {@code weight_decay}, {@code alpha},
 * {@code lr_decay} and {@code initial_accumulator_value} must be finite and {@code >= 0} (as torch checks,
 * plus finiteness), betas in {@code [0, 1)}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Optimizers {

    private static final List<String> NAMES = List.of("adagrad", "adam", "adamw", "rmsprop", "sgd");

    private Optimizers() {
    }

    /**
     * An optimizer from its text: a name (any case) and optional parameters, e.g. {@code adam},
     * {@code adam(lr=0.001)}, {@code sgd(lr=0.1, momentum=0.9, nesterov=true)}; omitted parameters take
     * their defaults. {@code parse(f.spec())} equals {@code f}.
     *
     * @throws IllegalArgumentException for an unknown name or parameter (listing the known ones), a
     *         malformed text or value, or a value out of range
     */
    public static OptimizerFactory parse(String spec) {
        Spec s = Spec.parse("optimizer", spec, "adam(lr=0.001)");
        return switch (s.name()) {
            case "sgd" -> Sgd.Factory.parse(s);
            case "adam" -> Adam.Factory.parse(s, false);
            case "adamw" -> Adam.Factory.parse(s, true);
            case "rmsprop" -> RmsProp.Factory.parse(s);
            case "adagrad" -> Adagrad.Factory.parse(s);
            default -> throw new IllegalArgumentException("optimizer: name: expected one of " + NAMES + ", got '"
                    + s.name() + "'");
        };
    }

    /** The names {@link #parse} knows, sorted. */
    public static List<String> names() {
        return NAMES;
    }

    /** Plain SGD with learning rate {@code lr}. */
    public static OptimizerFactory sgd(double lr) {
        return sgd(lr, 0, 0, false, 0);
    }

    /**
     * SGD with momentum, dampening, Nesterov momentum and L2 weight decay.
     *
     * @throws IllegalArgumentException as {@link #parse}
     */
    public static OptimizerFactory sgd(double lr, double momentum, double dampening, boolean nesterov,
            double weightDecay) {
        return new Sgd.Factory(lr, momentum, dampening, nesterov, weightDecay);
    }

    /** Adam with learning rate {@code lr} and torch's other defaults. */
    public static OptimizerFactory adam(double lr) {
        return adam(lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /**
     * Adam with every hyper-parameter; {@code weightDecay} is the L2 term added to the gradient.
     *
     * @throws IllegalArgumentException as {@link #parse}
     */
    public static OptimizerFactory adam(double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad) {
        return new Adam.Factory(false, lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /** AdamW with learning rate {@code lr} and torch's other defaults (weight decay 0.01). */
    public static OptimizerFactory adamw(double lr) {
        return adamw(lr, 0.9, 0.999, 1e-8, 1e-2, false);
    }

    /**
     * AdamW with every hyper-parameter; {@code weightDecay} is decoupled: {@code p *= 1 - lr * weightDecay}.
     *
     * @throws IllegalArgumentException as {@link #parse}
     */
    public static OptimizerFactory adamw(double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad) {
        return new Adam.Factory(true, lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /** RMSprop with learning rate {@code lr} and torch's other defaults. */
    public static OptimizerFactory rmsprop(double lr) {
        return rmsprop(lr, 0.99, 1e-8, 0, 0, false);
    }

    /**
     * RMSprop with every hyper-parameter.
     *
     * @throws IllegalArgumentException as {@link #parse}
     */
    public static OptimizerFactory rmsprop(double lr, double alpha, double eps, double weightDecay,
            double momentum, boolean centered) {
        return new RmsProp.Factory(lr, alpha, eps, weightDecay, momentum, centered);
    }

    /** Adagrad with learning rate {@code lr} and torch's other defaults. */
    public static OptimizerFactory adagrad(double lr) {
        return adagrad(lr, 0, 0, 0, 1e-10);
    }

    /**
     * Adagrad with every hyper-parameter.
     *
     * @throws IllegalArgumentException as {@link #parse}
     */
    public static OptimizerFactory adagrad(double lr, double lrDecay, double weightDecay,
            double initialAccumulatorValue, double eps) {
        return new Adagrad.Factory(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
    }
}
