package org.neurite.core.inject;

import java.util.Map;
import org.neurite.api.Activation;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.support.ElementwiseActivation;

/** A test activation, {@code f(z) = z²}, whose factory can pretend to any name. */
final class SquareFactory implements ActivationFactory {

    private final String name;

    SquareFactory(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Activation create(Map<String, Double> parameters) {
        return new ElementwiseActivation(name) {
            @Override
            public double apply(double z) {
                return z * z;
            }

            @Override
            public double derivative(double z) {
                return 2 * z;
            }
        };
    }
}
