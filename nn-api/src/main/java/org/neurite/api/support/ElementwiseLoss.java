package org.neurite.api.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.neurite.api.Loss;
import org.neurite.api.Reduction;
import org.neurite.api.Stability;

/**
 * The skeleton of an element-wise loss, whose target has the prediction's shape: give the loss of one
 * element and its derivative with respect to the prediction, and this class sums them over a batch.
 * {@link Reduction#MEAN} divides the sum, and every gradient element, by the number of elements
 * {@code rows·cols} (PyTorch's {@code 'mean'}); {@link Reduction#SUM} does not.
 *
 * <p>Both scalar methods must return a finite value for every finite input in the loss's domain; compute
 * in a form that cannot overflow. Two instances are equal when they have the same class, name, parameters
 * and reduction.
 *
 * <pre>{@code
 * final class LogCosh extends ElementwiseLoss {
 *     LogCosh(Reduction reduction) { super("log_cosh", Map.of(), reduction); }
 *     public double value(double p, double t) { double d = Math.abs(p - t); return d + Math.log1p(Math.exp(-2 * d)) - Math.log(2); }
 *     public double derivative(double p, double t) { return Math.tanh(p - t); }
 * }
 * }</pre>
 */
@Stability(Stability.Status.EXPERIMENTAL)
public abstract class ElementwiseLoss implements Loss {

    private final String name;
    private final Map<String, Double> parameters;
    private final Reduction reduction;

    /**
     * A loss with parameters.
     *
     * @param parameters the values this instance uses, in print order; copied
     * @param reduction how the batch is reduced
     */
    protected ElementwiseLoss(String name, Map<String, Double> parameters, Reduction reduction) {
        this.name = Objects.requireNonNull(name, "name");
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    /** The loss of one element, prediction {@code p} against target {@code t}. */
    public abstract double value(double p, double t);

    /** The derivative of {@link #value} with respect to {@code p}; at a kink, the documented one-sided value. */
    public abstract double derivative(double p, double t);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, Double> parameters() {
        return parameters;
    }

    @Override
    public final Reduction reduction() {
        return reduction;
    }

    /** The target must have the prediction's width. */
    @Override
    public void checkTarget(int cols, int targetCols) {
        if (cols < 1 || targetCols != cols) {
            throw new IllegalArgumentException("loss '" + name + "': target expected " + cols
                    + " columns (the prediction's), got " + targetCols);
        }
    }

    /**
     * Sums {@link #value} over every element in order and, with a gradient, writes {@link #derivative}
     * (divided by {@code rows·cols} for {@link Reduction#MEAN}) into it. Subclasses that restrict the
     * domain check it first and then call this.
     */
    @Override
    public double evaluate(double[] prediction, double[] target, int rows, int cols, int targetCols,
                           double[] gradient) {
        LossOperands.check(this, prediction, target, rows, cols, targetCols, gradient);
        int n = rows * cols;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += value(prediction[i], target[i]);
        }
        if (gradient != null) {
            if (reduction == Reduction.MEAN) {
                for (int i = 0; i < n; i++) {
                    gradient[i] = derivative(prediction[i], target[i]) / n;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    gradient[i] = derivative(prediction[i], target[i]);
                }
            }
        }
        return reduction == Reduction.MEAN ? sum / n : sum;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && ((ElementwiseLoss) o).name.equals(name)
                && ((ElementwiseLoss) o).parameters.equals(parameters)
                && ((ElementwiseLoss) o).reduction == reduction;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), name, parameters, reduction);
    }

    @Override
    public String toString() {
        return spec();
    }
}
