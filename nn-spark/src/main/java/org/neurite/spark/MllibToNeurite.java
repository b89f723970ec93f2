package org.neurite.spark;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.neurite.api.Stability;
import org.neurite.api.Layer;
import org.neurite.core.Mlp;

/**
 * The command line of {@link MllibModels#toModelFile}: {@code MllibToNeurite MLLIB_DIR OUT.safetensors} saves
 * the MLlib multilayer perceptron saved at {@code MLLIB_DIR} as a Neurite model file.
 *
 * <pre>{@code
 * spark-submit --class org.neurite.spark.MllibToNeurite --jars nn-io.jar,nn-core.jar,... nn-spark.jar MLLIB_DIR OUT
 * }</pre>
 *
 * <p>It runs on the Spark session it finds, else on one it starts (with {@code local[1]} if no master is
 * configured, as under a plain {@code java -cp}) and stops. Exit status 0 with one line saying what was
 * saved; 2 for a usage error (not two arguments, or a local {@code MLLIB_DIR} that does not exist), with the
 * usage; 1 when the model cannot be read or written, with one line naming the reason.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class MllibToNeurite {
    static final String USAGE = "usage: MllibToNeurite MLLIB_DIR OUT.safetensors   (MLLIB_DIR: a saved "
            + "MultilayerPerceptronClassificationModel, on any file system Spark reads)";
    private static final String NAME = "MllibToNeurite";

    private MllibToNeurite() {
    }

    /** Runs the conversion and exits with its status (only when it is not 0). */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The conversion; returns the exit status, having printed one line to {@code out} or {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && List.of("-h", "--help").contains(args[0])) {
            out.println(USAGE);
            return 0;
        }
        if (args.length != 2) {
            err.println(NAME + ": expected 2 arguments, got " + args.length + " " + Arrays.toString(args));
            err.println(USAGE);
            return 2;
        }
        String source = args[0];
        Path target = Path.of(args[1]);
        Optional<Path> local = localPath(source);
        if (local.isPresent() && !Files.isDirectory(local.get())) {
            err.println(NAME + ": " + source + ": no such folder");
            err.println(USAGE);
            return 2;
        }
        Optional<SparkSession> existing = SparkSession.getActiveSession().isDefined()
                ? Optional.of(SparkSession.getActiveSession().get())
                : SparkSession.getDefaultSession().isDefined() ? Optional.of(SparkSession.getDefaultSession().get())
                : Optional.empty();
        SparkSession spark = existing.orElseGet(MllibToNeurite::start);
        try {
            Mlp model = MllibModels.toModelFile(source, target);
            out.println("saved " + target + ": MLlib multilayer perceptron " + sizes(model)
                    + " as a Neurite model (sigmoid hidden layers, softmax, classes 0.."
                    + (model.outputSize() - 1) + ")");
            return 0;
        } catch (Exception e) {
            err.println(NAME + ": " + source + ": " + firstLine(e));
            return 1;
        } finally {
            if (existing.isEmpty()) {
                spark.stop();
            }
        }
    }

    private static SparkSession start() {
        SparkSession.Builder builder = SparkSession.builder().appName(NAME).config("spark.ui.enabled", "false");
        if (!new SparkConf().contains("spark.master")) {
            builder.master("local[1]");
        }
        return builder.getOrCreate();
    }

    /** The local path of {@code source} when it names no other file system ({@code file:} or no scheme). */
    private static Optional<Path> localPath(String source) {
        try {
            URI uri = URI.create(source);
            if (uri.getScheme() == null) {
                return Optional.of(Path.of(source));
            }
            return uri.getScheme().equals("file") ? Optional.of(Path.of(uri)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(Path.of(source));
        }
    }

    private static String sizes(Mlp model) {
        StringBuilder s = new StringBuilder("[").append(model.inputSize());
        for (Layer layer : model.layers()) {
            s.append(", ").append(layer.outputSize());
        }
        return s.append(']').toString();
    }

    /** The exception's message (or its type), first line only: Spark's messages run over many. */
    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }
}
