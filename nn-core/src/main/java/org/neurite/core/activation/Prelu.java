package org.neurite.core.activation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurite.api.ParametricActivation;
import org.neurite.api.Tensor;
import org.neurite.api.support.ElementwiseActivation;
import org.neurite.core.spec.SpecValues;

/**
 * Parametric ReLU: {@code z} for {@code z > 0}, else {@code alpha·z}, with {@code alpha} learnt (PyTorch's
 * {@code PReLU()}, one slope shared by every element, initialised to 0.25). The derivative at {@code z = 0}
 * is {@code alpha}; the gradient of {@code alpha} is {@code Σ gradA·z} over the elements with
 * {@code z <= 0}, the tutorial's {@code PReLU.backward} and PyTorch's.
 */
final class Prelu extends ElementwiseActivation implements ParametricActivation {

    static final String NAME = "prelu";
    private static final List<String> LEARNABLE = List.of("alpha");

    private final double alpha;

    Prelu(Map<String, Double> parameters) {
        super(NAME, parameters);
        this.alpha = SpecValues.finite("activation", NAME, parameters, "alpha");
    }

    @Override
    public double apply(double z) {
        return z > 0 ? z : alpha * z;
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : z <= 0 ? alpha : z; // NaN in, NaN out
    }

    @Override
    public List<String> learnableParameters() {
        return LEARNABLE;
    }

    /**
     * {@code dL/dalpha}: the products {@code gradA·z} where {@code z <= 0} are formed on the backend, summed
     * over the batch with {@code sumRows} and the resulting row summed in double.
     */
    @Override
    public double[] parameterGradient(Tensor z, Tensor a, Tensor gradA) {
        Tensor products = z.backend().zeros(z.dtype(), z.shape());
        z.backend().zip(z, gradA, (x, g) -> x > 0 ? 0.0 : g * x, products);
        Tensor columns = z.backend().zeros(z.dtype(), 1, z.cols());
        z.backend().sumRows(products, columns);
        double[] sums = new double[z.cols()];
        columns.copyTo(sums);
        double total = 0;
        for (double s : sums) {
            total += s;
        }
        return new double[] {total};
    }

    /**
     * The forward pass with {@code alpha} read from the layer's parameter tensor. The function object
     * captures that value, so this allocates one small object per call (the price of keeping
     * {@link org.neurite.api.Backend#map} the only element-wise seam).
     */
    @Override
    public void forward(Tensor z, List<Tensor> values, Tensor out) {
        double slope = alpha(values);
        z.backend().map(z, x -> x > 0 ? x : slope * x, out);
    }

    @Override
    public void backward(Tensor z, Tensor a, List<Tensor> values, Tensor gradA, Tensor gradZ) {
        double slope = alpha(values);
        z.backend().zip(z, gradA, (x, g) -> x > 0 ? g : x <= 0 ? g * slope : x, gradZ);
    }

    @Override
    public void accumulateParameterGradients(Tensor z, Tensor a, List<Tensor> values, Tensor gradA,
                                             List<Tensor> gradients) {
        if (gradients.size() != 1) {
            throw new IllegalArgumentException(NAME + ": gradients: expected 1 tensor (alpha), got "
                    + gradients.size());
        }
        Tensor gradient = gradients.get(0);
        gradient.set(0, 0, gradient.get(0, 0) + parameterGradient(z, a, gradA)[0]);
    }

    private static double alpha(List<Tensor> values) {
        if (values.size() != 1) {
            throw new IllegalArgumentException(NAME + ": values: expected 1 tensor (alpha), got " + values.size());
        }
        return values.get(0).get(0, 0);
    }

    @Override
    public Prelu withParameters(Map<String, Double> values) {
        Map<String, Double> merged = new LinkedHashMap<>(parameters());
        values.forEach((k, v) -> {
            if (!merged.containsKey(k)) {
                throw new IllegalArgumentException("activation '" + NAME + "': unknown parameter '" + k
                        + "'; known: " + String.join(", ", merged.keySet()));
            }
            merged.put(k, v);
        });
        return new Prelu(merged);
    }
}
