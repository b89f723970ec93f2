package org.neurite.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.io.ModelFiles;

/**
 * Spark MLlib's multilayer perceptrons as Neurite models: a saved
 * {@link MultilayerPerceptronClassificationModel} becomes an {@link Mlp} that predicts what MLlib predicts.
 *
 * <pre>{@code
 * Mlp model = MllibModels.load("hdfs:///models/mlp");          // needs Spark (and MLlib) on the class path
 * MllibModels.toModelFile("hdfs:///models/mlp", Path.of("mlp.safetensors"));
 * Mlp served = ModelFiles.load(Path.of("mlp.safetensors"));    // later, in a plain Java service: no Spark
 * }</pre>
 *
 * <p><b>Spark at conversion time only.</b> MLlib saves a model as a folder: {@code metadata/part-00000}, JSON
 * with the {@code layers}, and {@code data/part-*.parquet} with the flat {@code weights} vector. Parquet has
 * no small dependency-free reader, so {@link #load} reads the folder through MLlib itself
 * ({@code MultilayerPerceptronClassificationModel.load}, on the active {@code SparkSession}), and needs
 * {@code spark-mllib_2.13} (which Spark's distributions bring) on the class path. The Neurite model file that
 * {@link #toModelFile} writes from it is then an ordinary one: {@code ModelFiles.load}, {@link NeuriteScorer}
 * and {@code neurite predict} read it without Spark. {@link #fromLayout} is the mapping itself, with no Spark
 * at all.
 *
 * <p><b>The mapping.</b> MLlib's topology ({@code FeedForwardTopology.multiLayerPerceptron} with
 * {@code softmaxOnTop}) for layer sizes {@code [n0, n1, ..., nk]} is an affine layer per pair of sizes,
 * followed by a sigmoid ({@code 1 / (1 + exp(-x))}) on every hidden layer and a softmax on the last. Its
 * weight vector holds, layer after layer, the affine layer's matrix {@code A (out, in)} in column-major order
 * ({@code A(o, i)} at {@code offset + o + i * out}, breeze's {@code DenseMatrix(out, in, data, offset)}) and
 * then its {@code out} biases ({@code AffineLayerModel.unroll}). So the Neurite model is
 * {@code Mlp.builder().input(n0).dense("sigmoid", W1, b1) ... .dense("softmax", Wk, bk)} in float64, with
 * {@code W[o][i] = A(o, i)}, and class names {@code "0" .. "k-1"}: MLlib's labels are class indices, and its
 * {@code prediction} {@code c} is the class named {@code String.valueOf((int) c)}. The outputs are MLlib's
 * {@code probability} column (its {@code rawPrediction} is the last affine layer's output, before the
 * softmax).
 *
 * <p>MLlib's model has no standardization: the features go in as they are, so feed the Neurite model the same
 * column values (an MLlib {@code features} vector column becomes an array for {@link NeuriteScorer} with
 * {@code org.apache.spark.ml.functions.vector_to_array}).
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class MllibModels {
    private MllibModels() {
    }

    /**
     * Reads the MLlib model saved at {@code path} (a folder written by {@code model.write().save(path)}, on
     * any file system Spark reads) into a Neurite model. Runs on the active {@code SparkSession} (MLlib's
     * reader makes one if there is none, which needs a master URL).
     *
     * @throws IllegalArgumentException if the saved layers and weights do not fit together
     */
    public static Mlp load(String path) {
        return of(MultilayerPerceptronClassificationModel.load(Objects.requireNonNull(path, "path")));
    }

    /** The Neurite model of an MLlib model: {@link #fromLayout} of its layers and weights. */
    public static Mlp of(MultilayerPerceptronClassificationModel model) {
        Objects.requireNonNull(model, "model");
        return fromLayout(model.getLayers(), model.weights().toArray());
    }

    /**
     * Reads the MLlib model saved at {@code mllibPath} and saves it as a Neurite model file at {@code file}
     * ({@link ModelFiles#save}: atomic).
     *
     * @return the model saved
     * @throws IOException if the file cannot be written
     */
    public static Mlp toModelFile(String mllibPath, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Mlp model = load(mllibPath);
        ModelFiles.save(model, file);
        return model;
    }

    /**
     * The Neurite model of MLlib's multilayer perceptron with layer sizes {@code layers} (input size first,
     * number of classes last) and the flat weight vector {@code weights}, as the class comment describes. No
     * Spark is needed.
     *
     * @throws IllegalArgumentException if there are fewer than two layers, a size below 1, fewer than two
     *         classes, or not {@code sum(in * out + out)} weights
     */
    public static Mlp fromLayout(int[] layers, double[] weights) {
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(weights, "weights");
        if (layers.length < 2) {
            throw new IllegalArgumentException("layers: expected at least 2 sizes (inputs and classes), got "
                    + Arrays.toString(layers));
        }
        long expected = 0;
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] < 1) {
                throw new IllegalArgumentException("layers: expected sizes >= 1, got " + Arrays.toString(layers));
            }
            if (i > 0) {
                expected += (long) layers[i - 1] * layers[i] + layers[i];
            }
        }
        int classes = layers[layers.length - 1];
        if (classes < 2) {
            throw new IllegalArgumentException("layers: expected at least 2 classes, got " + Arrays.toString(layers));
        }
        if (weights.length != expected) {
            throw new IllegalArgumentException("weights: expected " + expected + " values for layers "
                    + Arrays.toString(layers) + ", got " + weights.length);
        }
        MlpBuilder builder = Mlp.builder().dtype(DType.FLOAT64).input(layers[0]);
        int offset = 0;
        for (int l = 1; l < layers.length; l++) {
            int in = layers[l - 1];
            int out = layers[l];
            double[][] w = new double[out][in];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    w[o][i] = weights[offset + o + i * out];
                }
            }
            double[] b = Arrays.copyOfRange(weights, offset + in * out, offset + in * out + out);
            offset += in * out + out;
            builder.dense(l == layers.length - 1 ? "softmax" : "sigmoid", w, b);
        }
        List<String> names = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            names.add(String.valueOf(c));
        }
        return builder.build().withClassNames(names);
    }
}
