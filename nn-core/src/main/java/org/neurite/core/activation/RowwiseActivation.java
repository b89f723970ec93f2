package org.neurite.core.activation;

import java.util.Objects;
import org.neurite.api.Activation;
import org.neurite.api.Backend;
import org.neurite.api.Tensor;

/**
 * An activation of a whole row (softmax and its log), run through {@link Backend#mapRows} forward and
 * {@link Backend#zipRows} backward, so that each row is computed in double in one pass on any backend.
 * Subclasses give the two row functions; instances of one class are all equal (no parameters).
 */
abstract class RowwiseActivation implements Activation {

    private final String name;
    // Kept as fields so that each pass allocates no lambda.
    private final Backend.RowOperator forwardRow = this::forwardRow;
    private final Backend.RowBinaryOperator backwardRow = this::backwardRow;

    RowwiseActivation(String name) {
        this.name = name;
    }

    /** Fills {@code out} with the function of the row {@code z}; {@code out} may be {@code z}. */
    abstract void forwardRow(double[] z, double[] out);

    /**
     * Fills {@code gradZ} with the row's vector-Jacobian product, from the row's input {@code z} and output
     * {@code a} (whichever {@link #backwardReadsOutput()} says) and {@code gradA}; {@code gradZ} may alias
     * either input.
     */
    abstract void backwardRow(double[] zOrA, double[] gradA, double[] gradZ);

    /** True if {@link #backwardRow} reads the forward output {@code a}, false if it reads the input {@code z}. */
    abstract boolean backwardReadsOutput();

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void forward(Tensor z, Tensor out) {
        z.backend().mapRows(z, forwardRow, out);
    }

    @Override
    public final void backward(Tensor z, Tensor a, Tensor gradA, Tensor gradZ) {
        z.backend().zipRows(backwardReadsOutput() ? a : z, gradA, backwardRow, gradZ);
    }

    /** The row's largest element, the shift that keeps every exponent at or below 0. */
    static double max(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), name);
    }

    @Override
    public String toString() {
        return spec();
    }
}
