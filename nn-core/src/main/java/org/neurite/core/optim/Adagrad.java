package org.neurite.core.optim;

import java.util.List;

/**
 * {@code torch.optim.Adagrad} (1.13, {@code _single_tensor_adagrad}, dense gradients), without
 * {@code maximize}. With {@code t} the step number from 1:
 *
 * <pre>
 * g = g + weight_decay * p                  (if weight_decay != 0)
 * clr = lr / (1 + (t - 1) * lr_decay)
 * sum = sum + g * g                         (sum starts at initial_accumulator_value)
 * p = p + (-clr) * g / (sqrt(sum) + eps)
 * </pre>
 */
final class Adagrad extends AbstractOptimizer {

    static final List<String> PARAMS = List.of("lr", "lr_decay", "weight_decay", "initial_accumulator_value",
            "eps");

    /** The hyper-parameters. */
    record Factory(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps)
            implements OptimizerFactory {

        Factory {
            Spec.nonNegative("adagrad", "lr", lr);
            Spec.nonNegative("adagrad", "lr_decay", lrDecay);
            Spec.nonNegative("adagrad", "weight_decay", weightDecay);
            Spec.nonNegative("adagrad", "initial_accumulator_value", initialAccumulatorValue);
            Spec.nonNegative("adagrad", "eps", eps);
        }

        static Factory parse(Spec s) {
            s.requireKnown(PARAMS);
            return new Factory(s.number("lr", 1e-2), s.number("lr_decay", 0), s.number("weight_decay", 0),
                    s.number("initial_accumulator_value", 0), s.number("eps", 1e-10));
        }

        @Override
        public String spec() {
            return "adagrad(lr=" + lr + ", lr_decay=" + lrDecay + ", weight_decay=" + weightDecay
                    + ", initial_accumulator_value=" + initialAccumulatorValue + ", eps=" + eps + ")";
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public Optimizer create() {
            return new Adagrad(this);
        }
    }

    private final Factory f;

    private Adagrad(Factory f) {
        super("adagrad", f.spec(), f.lr(), kinds("sum"));
        this.f = f;
    }

    @Override
    double initialValue(String kind) {
        return f.initialAccumulatorValue();
    }

    @Override
    void update(double[] p, double[] g, double[][] buffers, double lr, long step) {
        double wd = f.weightDecay();
        double eps = f.eps();
        double clr = lr / (1 + (step - 1) * f.lrDecay());
        double[] sum = buffers[0];
        for (int j = 0; j < p.length; j++) {
            double gj = g[j];
            if (wd != 0) {
                gj = Math.fma(wd, p[j], gj);
            }
            sum[j] = Math.fma(gj, gj, sum[j]);
            double std = Math.sqrt(sum[j]) + eps;
            p[j] = p[j] + -clr * gj / std;
        }
    }
}
