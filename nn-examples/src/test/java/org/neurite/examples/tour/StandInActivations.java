package org.neurite.examples.tour;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Tensor;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;
import org.neurite.api.support.ElementwiseActivation;

/**
 * Test stand-ins for the tutorial's activations that this build does not register yet (the catalogue is its
 * own issue), so that the activation section's every path (parameters, families, row-wise softmax) runs in a
 * test today. Only names the discovered registry lacks are added: once the catalogue registers a name, the
 * real one is used and its stand-in drops out by itself.
 */
final class StandInActivations implements ActivationProvider {

    private static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    private final Set<String> missing;

    private StandInActivations(Set<String> missing) {
        this.missing = missing;
    }

    /** The discovered registry plus stand-ins for the tutorial's names it lacks. */
    static Activations registry() {
        List<ActivationProvider> providers = new ArrayList<>(Activations.loadProviders());
        Activations discovered = Activations.of(providers);
        Set<String> missing = new java.util.HashSet<>();
        for (ActivationFactory f : new StandInActivations(Set.of()).all()) {
            if (!discovered.contains(f.name())) {
                missing.add(f.name());
            }
        }
        providers.add(new StandInActivations(missing));
        return Activations.of(providers);
    }

    @Override
    public Collection<ActivationFactory> activations() {
        List<ActivationFactory> result = new ArrayList<>();
        for (ActivationFactory f : all()) {
            if (missing.contains(f.name())) {
                result.add(f);
            }
        }
        return result;
    }

    private List<ActivationFactory> all() {
        return List.of(
                factory("leaky_relu", Map.of("alpha", 0.01), p -> scalar("leaky_relu", p,
                        z -> z > 0 ? z : p.get("alpha") * z, z -> z > 0 ? 1 : p.get("alpha"))),
                factory("prelu", Map.of("alpha", 0.25), p -> scalar("prelu", p,
                        z -> z > 0 ? z : p.get("alpha") * z, z -> z > 0 ? 1 : p.get("alpha"))),
                factory("elu", Map.of("alpha", 1.0), p -> scalar("elu", p,
                        z -> z > 0 ? z : p.get("alpha") * Math.expm1(z), z -> z > 0 ? 1 : p.get("alpha") * Math.exp(z))),
                factory("selu", Map.of(), p -> scalar("selu", p,
                        z -> SELU_LAMBDA * (z > 0 ? z : SELU_ALPHA * Math.expm1(z)),
                        z -> SELU_LAMBDA * (z > 0 ? 1 : SELU_ALPHA * Math.exp(z)))),
                factory("gelu", Map.of(), p -> scalar("gelu", p, z -> z * phi(z),
                        z -> phi(z) + z * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI))),
                factory("gelu_tanh", Map.of(), p -> scalar("gelu_tanh", p, StandInActivations::geluTanh,
                        z -> (geluTanh(z + 1e-6) - geluTanh(z - 1e-6)) / 2e-6)),
                factory("silu", Map.of(), p -> scalar("silu", p, z -> z * sigmoid(z),
                        z -> sigmoid(z) * (1 + z * (1 - sigmoid(z))))),
                factory("mish", Map.of(), p -> scalar("mish", p, z -> z * Math.tanh(softplus(z)),
                        z -> ((z + 1e-6) * Math.tanh(softplus(z + 1e-6)) - (z - 1e-6) * Math.tanh(softplus(z - 1e-6)))
                                / 2e-6)),
                factory("softplus", Map.of(), p -> scalar("softplus", p, StandInActivations::softplus,
                        StandInActivations::sigmoid)),
                new Factory("softmax", Map.of(), false, p -> new Softmax()));
    }

    private static ActivationFactory factory(String name, Map<String, Double> defaults,
                                             Function<Map<String, Double>, Activation> make) {
        return new Factory(name, defaults, true, make);
    }

    private static Activation scalar(String name, Map<String, Double> params,
                                     java.util.function.DoubleUnaryOperator f,
                                     java.util.function.DoubleUnaryOperator df) {
        return new ElementwiseActivation(name, new LinkedHashMap<>(params)) {
            @Override
            public double apply(double z) {
                return f.applyAsDouble(z);
            }

            @Override
            public double derivative(double z) {
                return df.applyAsDouble(z);
            }
        };
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    private static double geluTanh(double z) {
        return 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
    }

    /** The standard normal CDF through erf (Abramowitz and Stegun 7.1.26, good to 1.5e-7: a stand-in). */
    private static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-x * x);
        return 0.5 * (1 + (z >= 0 ? erf : -erf));
    }

    private record Factory(String name, Map<String, Double> defaults, boolean elementwise,
                           Function<Map<String, Double>, Activation> make) implements ActivationFactory {
        @Override
        public Activation create(Map<String, Double> parameters) {
            return make.apply(parameters);
        }
    }

    /** Row-wise softmax with its Jacobian-vector product. */
    private static final class Softmax implements Activation {
        @Override
        public String name() {
            return "softmax";
        }

        @Override
        public void forward(Tensor z, Tensor out) {
            z.backend().mapRows(z, (in, o) -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : in) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int i = 0; i < in.length; i++) {
                    o[i] = Math.exp(in[i] - max);
                    sum += o[i];
                }
                for (int i = 0; i < in.length; i++) {
                    o[i] /= sum;
                }
            }, out);
        }

        @Override
        public void backward(Tensor z, Tensor a, Tensor gradA, Tensor gradZ) {
            double[][] s = a.toDoubleArray();
            double[][] g = gradA.toDoubleArray();
            double[] flat = new double[s.length * (s.length == 0 ? 0 : s[0].length)];
            for (int r = 0; r < s.length; r++) {
                double dot = 0;
                for (int i = 0; i < s[r].length; i++) {
                    dot += s[r][i] * g[r][i];
                }
                for (int i = 0; i < s[r].length; i++) {
                    flat[r * s[r].length + i] = s[r][i] * (g[r][i] - dot);
                }
            }
            gradZ.assign(flat);
        }
    }
}
