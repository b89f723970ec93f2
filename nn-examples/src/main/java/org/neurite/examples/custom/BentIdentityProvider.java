package org.neurite.examples.custom;

import java.util.Collection;
import java.util.List;
import org.neurite.api.Stability;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;
import org.neurite.api.support.ElementwiseActivation;

/**
 * A user's own activation, added without touching Neurite: {@code bent_identity(z) = (sqrt(z² + 1) - 1) / 2 + z},
 * registered by one line in this jar's {@code META-INF/services/org.neurite.api.spi.ActivationProvider}
 * and then found by name like a built-in one. README.md shows this class as the how-to.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class BentIdentityProvider implements ActivationProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public BentIdentityProvider() {
    }

    @Override
    public Collection<ActivationFactory> activations() {
        return List.of(new ActivationFactory() {
            @Override
            public String name() {
                return "bent_identity";
            }

            @Override
            public BentIdentity create(java.util.Map<String, Double> parameters) {
                return new BentIdentity();
            }
        });
    }

    /** The function and its derivative; {@code hypot} keeps {@code z²} from overflowing at large |z|. */
    static final class BentIdentity extends ElementwiseActivation {
        BentIdentity() {
            super("bent_identity");
        }

        @Override
        public double apply(double z) {
            return (Math.hypot(z, 1) - 1) / 2 + z;
        }

        @Override
        public double derivative(double z) {
            return z / (2 * Math.hypot(z, 1)) + 1;
        }
    }
}
