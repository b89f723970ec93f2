package org.neurite.benchmarks;

import java.util.List;
import java.util.Random;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingSession;

/**
 * The benchmarked training steps: a network, its loss, its optimizer and one batch. torch_training.py
 * defines the same.
 *
 * <ul>
 *   <li>{@code xor_b4}: the tutorial's {@code [2, 4, 3, 1]} (relu, relu, sigmoid), {@code bce},
 *       {@code sgd(lr=0.1)}, the 4 XOR points;</li>
 *   <li>{@code digits_b64}: {@code [64, 128, 64, 10]} (relu, relu, linear), {@code cross_entropy} on class
 *       indices, {@code adam(lr=0.001)}, 64 rows;</li>
 *   <li>{@code mnist_b256}: {@code [784, 1024, 1024, 10]} (relu, relu, linear), {@code cross_entropy},
 *       {@code adam(lr=0.001)}, 256 rows.</li>
 * </ul>
 *
 * <p>The digits and mnist batches are seeded random values (Gaussian inputs, uniform labels): the values do
 * not matter for the speed.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public enum TrainingCase {
    /** The tutorial's XOR network on its 4 points. */
    XOR_B4("xor_b4", new int[] {2, 4, 3, 1}, List.of("relu", "relu", "sigmoid"), "bce", "sgd(lr=0.1)", 4),
    /** A digits-sized classifier, batch 64. */
    DIGITS_B64("digits_b64", new int[] {64, 128, 64, 10}, List.of("relu", "relu", "linear"), "cross_entropy",
            "adam(lr=0.001)", 64),
    /** An MNIST-sized classifier, batch 256. */
    MNIST_B256("mnist_b256", new int[] {784, 1024, 1024, 10}, List.of("relu", "relu", "linear"),
            "cross_entropy", "adam(lr=0.001)", 256);

    private static final double[] XOR_INPUTS = {0, 0, 0, 1, 1, 0, 1, 1};
    private static final double[] XOR_TARGETS = {0, 1, 1, 0};

    private final String label;
    private final int[] sizes;
    private final List<String> activations;
    private final String loss;
    private final String optimizer;
    private final int batch;

    TrainingCase(String label, int[] sizes, List<String> activations, String loss, String optimizer, int batch) {
        this.label = label;
        this.sizes = sizes;
        this.activations = activations;
        this.loss = loss;
        this.optimizer = optimizer;
        this.batch = batch;
    }

    /** The case by its label, for example {@code xor_b4}. */
    public static TrainingCase of(String label) {
        for (TrainingCase c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("training case: expected xor_b4, digits_b64 or mnist_b256, got '"
                + label + "'");
    }

    /** The label, as JMH's parameter and torch_training.py name it. */
    public String label() {
        return label;
    }

    /** Rows per step. */
    public int batch() {
        return batch;
    }

    /** A session training the case's network (seeded) on {@code backend} in {@code dtype}. */
    public TrainingSession session(Backend backend, DType dtype) {
        MlpBuilder b = Mlp.builder().backend(backend).dtype(dtype).seed(BenchCase.SEED).input(sizes[0]);
        for (int i = 1; i < sizes.length; i++) {
            b.dense(sizes[i], activations.get(i - 1));
        }
        Trainer trainer = Trainer.builder().loss(loss).optimizer(optimizer).batchSize(batch).build();
        return trainer.session(b.build());
    }

    /** The batch's inputs, {@code batch · sizes[0]} values, row-major. */
    public double[] inputs() {
        if (this == XOR_B4) {
            return XOR_INPUTS.clone();
        }
        Random random = new Random(BenchCase.SEED + 3);
        double[] x = new double[batch * sizes[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    /** The batch's targets: XOR's 0/1 per row, else one class index per row. */
    public double[] targets() {
        if (this == XOR_B4) {
            return XOR_TARGETS.clone();
        }
        Random random = new Random(BenchCase.SEED + 4);
        double[] y = new double[batch];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextInt(sizes[sizes.length - 1]);
        }
        return y;
    }
}
