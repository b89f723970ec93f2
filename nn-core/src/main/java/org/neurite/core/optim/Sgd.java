package org.neurite.core.optim;

import java.util.List;

/**
 * {@code torch.optim.SGD} (1.13, {@code _single_tensor_sgd}), without {@code maximize}.
 *
 * <pre>
 * d = g + weight_decay * p                      (if weight_decay != 0)
 * buf = d at the first step, else buf * momentum + (1 - dampening) * d   (if momentum != 0)
 * d = nesterov ? d + momentum * buf : buf       (if momentum != 0)
 * p = p + (-lr) * d
 * </pre>
 */
final class Sgd extends AbstractOptimizer {

    static final List<String> PARAMS = List.of("lr", "momentum", "dampening", "nesterov", "weight_decay");

    /** The hyper-parameters; torch has no default lr, Neurite's is 0.01. */
    record Factory(double lr, double momentum, double dampening, boolean nesterov, double weightDecay)
            implements OptimizerFactory {

        Factory {
            Spec.nonNegative("sgd", "lr", lr);
            Spec.nonNegative("sgd", "momentum", momentum);
            Spec.finite("sgd", "dampening", dampening);
            Spec.nonNegative("sgd", "weight_decay", weightDecay);
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("sgd: nesterov: expected momentum > 0 and dampening = 0 with"
                        + " nesterov=true, got momentum=" + momentum + ", dampening=" + dampening);
            }
        }

        static Factory parse(Spec s) {
            s.requireKnown(PARAMS);
            return new Factory(s.number("lr", 0.01), s.number("momentum", 0), s.number("dampening", 0),
                    s.bool("nesterov", false), s.number("weight_decay", 0));
        }

        @Override
        public String spec() {
            return "sgd(lr=" + lr + ", momentum=" + momentum + ", dampening=" + dampening + ", nesterov="
                    + nesterov + ", weight_decay=" + weightDecay + ")";
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public Optimizer create() {
            return new Sgd(this);
        }
    }

    private final Factory f;

    private Sgd(Factory f) {
        super("sgd", f.spec(), f.lr(), f.momentum() != 0 ? kinds("momentum_buffer") : kinds());
        this.f = f;
    }

    @Override
    void update(double[] p, double[] g, double[][] buffers, double lr, long step) {
        double wd = f.weightDecay();
        double momentum = f.momentum();
        double keep = 1 - f.dampening();
        double[] buf = momentum != 0 ? buffers[0] : null;
        for (int j = 0; j < p.length; j++) {
            double d = g[j];
            if (wd != 0) {
                d = Math.fma(wd, p[j], d);
            }
            if (momentum != 0) {
                buf[j] = step == 1 ? d : Math.fma(keep, d, buf[j] * momentum);
                d = f.nesterov() ? Math.fma(momentum, buf[j], d) : buf[j];
            }
            p[j] = Math.fma(-lr, d, p[j]);
        }
    }
}
