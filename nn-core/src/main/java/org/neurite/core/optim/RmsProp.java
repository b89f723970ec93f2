package org.neurite.core.optim;

import java.util.List;

/**
 * {@code torch.optim.RMSprop} (1.13, {@code _single_tensor_rmsprop}), without {@code maximize}.
 *
 * <pre>
 * g = g + weight_decay * p                          (if weight_decay != 0)
 * square_avg = square_avg * alpha + (1 - alpha) * g * g
 * grad_avg = grad_avg * alpha + (1 - alpha) * g     (centered)
 * avg = sqrt(centered ? square_avg + (-1) * grad_avg * grad_avg : square_avg) + eps
 * buf = buf * momentum + g / avg; p = p + (-lr) * buf     (if momentum > 0)
 * p = p + (-lr) * g / avg                                 (otherwise)
 * </pre>
 */
final class RmsProp extends AbstractOptimizer {

    static final List<String> PARAMS = List.of("lr", "alpha", "eps", "weight_decay", "momentum", "centered");

    /** The hyper-parameters. */
    record Factory(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered)
            implements OptimizerFactory {

        Factory {
            Spec.nonNegative("rmsprop", "lr", lr);
            Spec.nonNegative("rmsprop", "alpha", alpha);
            Spec.nonNegative("rmsprop", "eps", eps);
            Spec.nonNegative("rmsprop", "weight_decay", weightDecay);
            Spec.nonNegative("rmsprop", "momentum", momentum);
        }

        static Factory parse(Spec s) {
            s.requireKnown(PARAMS);
            return new Factory(s.number("lr", 1e-2), s.number("alpha", 0.99), s.number("eps", 1e-8),
                    s.number("weight_decay", 0), s.number("momentum", 0), s.bool("centered", false));
        }

        @Override
        public String spec() {
            return "rmsprop(lr=" + lr + ", alpha=" + alpha + ", eps=" + eps + ", weight_decay=" + weightDecay
                    + ", momentum=" + momentum + ", centered=" + centered + ")";
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public Optimizer create() {
            return new RmsProp(this);
        }
    }

    private final Factory f;

    private RmsProp(Factory f) {
        super("rmsprop", f.spec(), f.lr(), kinds(f));
        this.f = f;
    }

    private static List<String> kinds(Factory f) {
        List<String> kinds = kinds("square_avg");
        if (f.momentum() > 0) {
            kinds.add("momentum_buffer");
        }
        if (f.centered()) {
            kinds.add("grad_avg");
        }
        return kinds;
    }

    @Override
    void update(double[] p, double[] g, double[][] buffers, double lr, long step) {
        double alpha = f.alpha();
        double wd = f.weightDecay();
        double eps = f.eps();
        double momentum = f.momentum();
        double[] squareAvg = buffers[0];
        double[] buf = momentum > 0 ? buffers[1] : null;
        double[] gradAvg = f.centered() ? buffers[momentum > 0 ? 2 : 1] : null;
        for (int j = 0; j < p.length; j++) {
            double gj = g[j];
            if (wd != 0) {
                gj = Math.fma(wd, p[j], gj);
            }
            squareAvg[j] = Math.fma((1 - alpha) * gj, gj, squareAvg[j] * alpha);
            double avg;
            if (gradAvg != null) {
                gradAvg[j] = Math.fma(1 - alpha, gj, gradAvg[j] * alpha);
                avg = Math.sqrt(Math.fma(-1.0 * gradAvg[j], gradAvg[j], squareAvg[j]));
            } else {
                avg = Math.sqrt(squareAvg[j]);
            }
            avg = avg + eps;
            if (buf != null) {
                buf[j] = buf[j] * momentum + gj / avg;
                p[j] = Math.fma(-lr, buf[j], p[j]);
            } else {
                p[j] = p[j] + -lr * gj / avg;
            }
        }
    }
}
