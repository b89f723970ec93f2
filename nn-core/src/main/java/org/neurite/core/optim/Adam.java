package org.neurite.core.optim;

import java.util.List;

/**
 * {@code torch.optim.Adam} and {@code torch.optim.AdamW} (1.13, {@code _single_tensor_adam(w)}), without
 * {@code maximize}, {@code capturable} or {@code fused}. With {@code t} the step number from 1:
 *
 * <pre>
 * g = g + weight_decay * p                (Adam, if weight_decay != 0)
 * p = p * (1 - lr * weight_decay)         (AdamW, always)
 * m = m * beta1 + (1 - beta1) * g
 * v = v * beta2 + (1 - beta2) * g * g
 * step_size = lr / (1 - beta1^t)
 * v_max = max(v_max, v)                   (amsgrad)
 * denom = sqrt(amsgrad ? v_max : v) / sqrt(1 - beta2^t) + eps
 * p = p + (-step_size) * m / denom
 * </pre>
 *
 * Powers use {@link Math#pow}, which on HotSpot agrees with the C library pow that Python uses (a 1-ulp
 * difference elsewhere stays far inside any tolerance). The additions with a factor, {@code add(x, alpha)}
 * and {@code addcmul}, are fused multiply-adds, as in torch's CPU kernels.
 */
final class Adam extends AbstractOptimizer {

    static final List<String> PARAMS = List.of("lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad");

    /**
     * The hyper-parameters of Adam, or of AdamW when {@code decoupled}.
     *
     * @param decoupled AdamW's decoupled weight decay instead of Adam's L2 term
     */
    record Factory(boolean decoupled, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad) implements OptimizerFactory {

        Factory {
            String n = decoupled ? "adamw" : "adam";
            Spec.nonNegative(n, "lr", lr);
            Spec.unitOpen(n, "beta1", beta1);
            Spec.unitOpen(n, "beta2", beta2);
            Spec.nonNegative(n, "eps", eps);
            Spec.nonNegative(n, "weight_decay", weightDecay);
        }

        static Factory parse(Spec s, boolean decoupled) {
            s.requireKnown(PARAMS);
            return new Factory(decoupled, s.number("lr", 1e-3), s.number("beta1", 0.9), s.number("beta2", 0.999),
                    s.number("eps", 1e-8), s.number("weight_decay", decoupled ? 1e-2 : 0), s.bool("amsgrad", false));
        }

        @Override
        public String spec() {
            return (decoupled ? "adamw" : "adam") + "(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2
                    + ", eps=" + eps + ", weight_decay=" + weightDecay + ", amsgrad=" + amsgrad + ")";
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public Optimizer create() {
            return new Adam(this);
        }
    }

    private final Factory f;

    private Adam(Factory f) {
        super(f.decoupled() ? "adamw" : "adam", f.spec(), f.lr(),
                f.amsgrad() ? kinds("exp_avg", "exp_avg_sq", "max_exp_avg_sq") : kinds("exp_avg", "exp_avg_sq"));
        this.f = f;
    }

    @Override
    void update(double[] p, double[] g, double[][] buffers, double lr, long step) {
        double beta1 = f.beta1();
        double beta2 = f.beta2();
        double wd = f.weightDecay();
        double eps = f.eps();
        double[] m = buffers[0];
        double[] v = buffers[1];
        double[] vMax = f.amsgrad() ? buffers[2] : null;
        double decay = 1 - lr * wd;
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        for (int j = 0; j < p.length; j++) {
            double gj = g[j];
            if (f.decoupled()) {
                p[j] = p[j] * decay;
            } else if (wd != 0) {
                gj = Math.fma(wd, p[j], gj);
            }
            m[j] = Math.fma(1 - beta1, gj, m[j] * beta1);
            v[j] = Math.fma((1 - beta2) * gj, gj, v[j] * beta2);
            double second = v[j];
            if (vMax != null) {
                vMax[j] = Math.max(vMax[j], v[j]);
                second = vMax[j];
            }
            double denom = Math.sqrt(second) / biasCorrection2Sqrt + eps;
            p[j] = p[j] + -stepSize * m[j] / denom;
        }
    }
}
