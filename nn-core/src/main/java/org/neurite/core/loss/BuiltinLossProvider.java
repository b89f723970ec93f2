package org.neurite.core.loss;

import java.util.Collection;
import java.util.List;
import org.neurite.api.Stability;
import org.neurite.api.spi.LossFactory;
import org.neurite.api.spi.LossProvider;

/**
 * Neurite's own losses, registered through the same {@link LossProvider} SPI as a user's (listed in
 * nn-core's {@code META-INF/services} and module descriptor). Names, parameters, defaults and every value
 * and gradient follow PyTorch 1.13's {@code torch.nn.functional}; each loss's {@code torch.nn.functional}
 * name is an alias where it differs ({@code mse_loss}, {@code binary_cross_entropy}, ...).
 */
@Stability(Stability.Status.INTERNAL)
public final class BuiltinLossProvider implements LossProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public BuiltinLossProvider() {
    }

    @Override
    public Collection<LossFactory> losses() {
        return List.of(
                SimpleLossFactory.of(Mse.NAME, Mse::new, "mse_loss"),
                SimpleLossFactory.of(L1.NAME, L1::new, "l1_loss"),
                SimpleLossFactory.withParameter(Huber.NAME, Huber::new, Huber.DELTA, 1.0, "huber_loss"),
                SimpleLossFactory.withParameter(SmoothL1.NAME, SmoothL1::new, SmoothL1.BETA, 1.0, "smooth_l1_loss"),
                SimpleLossFactory.of(Bce.NAME, Bce::new, "binary_cross_entropy"),
                SimpleLossFactory.of(BceWithLogits.NAME, BceWithLogits::new, "binary_cross_entropy_with_logits"),
                SimpleLossFactory.withParameter(CrossEntropy.NAME, CrossEntropy::new, CrossEntropy.LABEL_SMOOTHING,
                        0.0),
                SimpleLossFactory.of(Nll.NAME, Nll::new, "nll_loss"),
                SimpleLossFactory.of(KlDiv.NAME, KlDiv::new));
    }

    @Override
    public String source() {
        return "Neurite built-ins (" + getClass().getName() + ")";
    }
}
