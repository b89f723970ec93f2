package org.neurite.benchmarks;

import java.util.List;
import java.util.Random;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Stability;
import org.neurite.core.DenseLayer;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;

/**
 * The benchmarked cases: a network, its activations and a batch size. numpy_forward.py defines the same.
 *
 * <ul>
 *   <li>{@code tiny_single}: the tutorial's {@code [2, 8, 4, 1]} (relu, relu, sigmoid), one sample;</li>
 *   <li>{@code tiny_batch10000}: the same network on 10,000 rows;</li>
 *   <li>{@code mnist_b256}: {@code [784, 1024, 1024, 10]} (relu, relu, linear), 256 rows.</li>
 * </ul>
 */
@Stability(Stability.Status.EXPERIMENTAL)
public enum BenchCase {
    /** {@code [2, 8, 4, 1]}, one sample. */
    TINY_SINGLE("tiny_single", new int[] {2, 8, 4, 1}, List.of("relu", "relu", "sigmoid"), 1),
    /** {@code [2, 8, 4, 1]}, 10,000 samples. */
    TINY_BATCH10000("tiny_batch10000", new int[] {2, 8, 4, 1}, List.of("relu", "relu", "sigmoid"), 10_000),
    /** {@code [784, 1024, 1024, 10]}, 256 samples. */
    MNIST_B256("mnist_b256", new int[] {784, 1024, 1024, 10}, List.of("relu", "relu", "linear"), 256);

    /** The seed of every network's weights and inputs. */
    public static final long SEED = 42;

    private final String label;
    private final int[] sizes;
    private final List<String> activations;
    private final int batch;

    BenchCase(String label, int[] sizes, List<String> activations, int batch) {
        this.label = label;
        this.sizes = sizes;
        this.activations = activations;
        this.batch = batch;
    }

    /** The case by its label, for example {@code tiny_single}. */
    public static BenchCase of(String label) {
        for (BenchCase c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("case: expected tiny_single, tiny_batch10000 or mnist_b256, got '"
                + label + "'");
    }

    /** The label, as JMH's parameter and numpy_forward.py name it. */
    public String label() {
        return label;
    }

    /** Input size then each layer's size. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** One activation name per layer. */
    public List<String> activations() {
        return activations;
    }

    /** Rows per forward pass. */
    public int batch() {
        return batch;
    }

    /** Floating-point operations of one pass, counted as GEMM's {@code 2·m·n·k} over the layers. */
    public double flops() {
        double f = 0;
        for (int i = 1; i < sizes.length; i++) {
            f += 2.0 * batch * sizes[i - 1] * sizes[i];
        }
        return f;
    }

    /** The case's network on {@code backend}, seeded; the biases are set to small non-zero values. */
    public Mlp build(Backend backend, DType dtype) {
        MlpBuilder b = Mlp.builder().backend(backend).dtype(dtype).seed(SEED).input(sizes[0]);
        for (int i = 1; i < sizes.length; i++) {
            b.dense(sizes[i], activations.get(i - 1));
        }
        Mlp mlp = b.build();
        Random random = new Random(SEED + 1);
        for (Layer layer : mlp.layers()) {
            double[] bias = new double[layer.outputSize()];
            for (int j = 0; j < bias.length; j++) {
                bias[j] = 0.1 * random.nextGaussian();
            }
            ((DenseLayer) layer).bias().assign(bias);
        }
        return mlp;
    }

    /** The inputs of one pass, {@code batch · sizes[0]} values uniform in [-1, 1), row-major. */
    public double[] input() {
        Random random = new Random(SEED + 2);
        double[] x = new double[batch * sizes[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * random.nextDouble() - 1;
        }
        return x;
    }
}
