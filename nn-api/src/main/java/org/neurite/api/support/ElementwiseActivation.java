package org.neurite.api.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.neurite.api.Activation;
import org.neurite.api.Stability;
import org.neurite.api.Tensor;

/**
 * The skeleton of an element-wise activation: give the scalar function and its derivative, and this class
 * runs them over tensors on any backend.
 *
 * <p>Both scalar methods must return a finite, correct value for every finite input; compute in a form
 * that cannot overflow (for example {@code exp(-|z|)} rather than {@code exp(-z)}), and NaN for NaN (a
 * comparison such as {@code z > 0 ? z : 0} turns NaN into 0; the backend kit checks). Float32 tensors are
 * computed in double and rounded once. Two instances are equal when they have the same class, name and
 * parameters.
 *
 * <pre>{@code
 * final class BentIdentity extends ElementwiseActivation {
 *     BentIdentity() { super("bent_identity"); }
 *     public double apply(double z) { return (Math.sqrt(z * z + 1) - 1) / 2 + z; }
 *     public double derivative(double z) { return z / (2 * Math.sqrt(z * z + 1)) + 1; }
 * }
 * }</pre>
 */
@Stability(Stability.Status.STABLE)
public abstract class ElementwiseActivation implements Activation {

    private final String name;
    private final Map<String, Double> parameters;
    // Kept as fields so that each forward and backward pass allocates no lambda.
    private final DoubleUnaryOperator function = this::apply;
    private final DoubleBinaryOperator chainRule = (z, gradA) -> gradA * derivative(z);

    /** An activation without parameters. */
    protected ElementwiseActivation(String name) {
        this(name, Map.of());
    }

    /**
     * An activation with parameters.
     *
     * @param parameters the values this instance uses, in print order; copied
     */
    protected ElementwiseActivation(String name, Map<String, Double> parameters) {
        this.name = Objects.requireNonNull(name, "name");
        this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The function at one point. */
    public abstract double apply(double z);

    /** The derivative at one point; at a kink, the documented one-sided value. */
    public abstract double derivative(double z);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, Double> parameters() {
        return parameters;
    }

    @Override
    public void forward(Tensor z, Tensor out) {
        z.backend().map(z, function, out);
    }

    @Override
    public void backward(Tensor z, Tensor a, Tensor gradA, Tensor gradZ) {
        z.backend().zip(z, gradA, chainRule, gradZ);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && ((ElementwiseActivation) o).name.equals(name)
                && ((ElementwiseActivation) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), name, parameters);
    }

    @Override
    public String toString() {
        return spec();
    }
}
