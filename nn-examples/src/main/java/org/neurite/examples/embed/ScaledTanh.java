package org.neurite.examples.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neurite.api.support.ElementwiseActivation;

/**
 * LeCun's scaled hyperbolic tangent, {@code f(z) = a · tanh(b · z)}, with
 * {@code f'(z) = a · b · (1 - tanh²(b · z))}. With the defaults {@code a = 1.7159}, {@code b = 2/3},
 * {@code f(±1) ≈ ±1} ("Efficient BackProp", 1998). Finite everywhere: {@link Math#tanh} saturates.
 */
final class ScaledTanh extends ElementwiseActivation {

    private final double a;
    private final double b;

    ScaledTanh(double a, double b) {
        super(ScaledTanhFactory.NAME, parameters(a, b));
        this.a = a;
        this.b = b;
    }

    private static Map<String, Double> parameters(double a, double b) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("a", a);
        p.put("b", b);
        return p;
    }

    @Override
    public double apply(double z) {
        return a * Math.tanh(b * z);
    }

    @Override
    public double derivative(double z) {
        double t = Math.tanh(b * z);
        return a * b * (1.0 - t * t);
    }
}
