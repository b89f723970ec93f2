package org.neurite.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.Standardization;
import org.neurite.core.Workspace;

/**
 * Scores a Spark {@link Dataset} with a Neurite model file: {@link #transform} adds a prediction column
 * and, for a classifier, a probability column.
 *
 * <pre>{@code
 * Dataset<Row> scored = NeuriteScorer.fromFile(Path.of("iris.safetensors"))
 *         .withFeatureColumns("sepal_length", "sepal_width", "petal_length", "petal_width")
 *         .transform(flowers);
 * }</pre>
 *
 * <p>The file's bytes are broadcast once per {@code transform}; each executor JVM parses them once (a static
 * cache keyed by their SHA-256) and shares the model between its tasks. Each partition is scored in batches
 * of {@link #withBatchSize batchSize} rows through one {@link Workspace} per task, with the model's
 * standardization applied to the raw features, so that every output equals {@link Mlp#predict(double[][])}
 * on one machine.
 *
 * <p>A model with class names is a classifier: its prediction is the class name, and its probability an
 * {@code array<double>} with one value per class: the outputs themselves after a {@code softmax} layer, their
 * {@code exp} after {@code log_softmax}, the softmax of logits otherwise; for one output, {@code [1 - p, p]}
 * with {@code p} the sigmoid output (or the sigmoid of a logit, for any other last activation). Any other
 * model's prediction is its output: a {@code double} for one output, else an {@code array<double>}, and it
 * has no probability column.
 *
 * <p>Immutable and serializable; the {@code with...} methods return new scorers.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class NeuriteScorer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The default number of rows per forward pass. */
    public static final int DEFAULT_BATCH_SIZE = 1024;

    private final ModelBytes bytes;
    private final int inputs;
    private final int outputs;
    private final List<String> classNames;
    private final Probabilities probabilities;
    private final List<String> featureColumns;
    private final String featuresColumn;
    private final String predictionColumn;
    private final String probabilityColumn;
    private final int batchSize;

    private NeuriteScorer(ModelBytes bytes, int inputs, int outputs, List<String> classNames,
                          Probabilities probabilities, List<String> featureColumns, String featuresColumn,
                          String predictionColumn, String probabilityColumn, int batchSize) {
        this.bytes = bytes;
        this.inputs = inputs;
        this.outputs = outputs;
        this.classNames = classNames;
        this.probabilities = probabilities;
        this.featureColumns = featureColumns;
        this.featuresColumn = featuresColumn;
        this.predictionColumn = predictionColumn;
        this.probabilityColumn = probabilityColumn;
        this.batchSize = batchSize;
    }

    /**
     * A scorer of the model in {@code file} (a {@code ModelFiles.save} file), read and checked here, on the
     * driver.
     *
     * @throws IOException if the file cannot be read
     * @throws org.neurite.io.safetensors.ModelFormatException if it is not a valid model file
     */
    public static NeuriteScorer fromFile(Path file) throws IOException {
        return of(ModelBytes.of(Files.readAllBytes(file)));
    }

    /** A scorer of the model whose file's bytes are {@code modelFile}; checked here. */
    public static NeuriteScorer fromBytes(byte[] modelFile) {
        return of(ModelBytes.of(modelFile));
    }

    /** A scorer of {@code model} (saved to bytes here, as {@code ModelFiles.save} would write it). */
    public static NeuriteScorer of(Mlp model) {
        return of(ModelBytes.of(Objects.requireNonNull(model, "model")));
    }

    private static NeuriteScorer of(ModelBytes bytes) {
        Mlp model = bytes.parse();
        List<String> names = model.classNames().map(List::copyOf).orElse(null);
        Probabilities p = names == null ? null : Probabilities.of(model);
        return new NeuriteScorer(bytes, model.inputSize(), model.outputSize(), names, p, null, null,
                "prediction", "probability", DEFAULT_BATCH_SIZE);
    }

    /** The features are these numeric columns, in the model's input order. */
    public NeuriteScorer withFeatureColumns(String... columns) {
        if (columns.length != inputs) {
            throw new IllegalArgumentException("columns: expected " + inputs + " (the model's inputs), got "
                    + columns.length + ": " + Arrays.toString(columns));
        }
        return new NeuriteScorer(bytes, inputs, outputs, classNames, probabilities, List.of(columns), null,
                predictionColumn, probabilityColumn, batchSize);
    }

    /** The features are this one {@code array<double>} (or array of another numeric type) column. */
    public NeuriteScorer withFeaturesColumn(String column) {
        return new NeuriteScorer(bytes, inputs, outputs, classNames, probabilities, null,
                Objects.requireNonNull(column, "column"), predictionColumn, probabilityColumn, batchSize);
    }

    /** The name of the prediction column ({@code prediction}). */
    public NeuriteScorer withPredictionColumn(String column) {
        return new NeuriteScorer(bytes, inputs, outputs, classNames, probabilities, featureColumns, featuresColumn,
                Objects.requireNonNull(column, "column"), probabilityColumn, batchSize);
    }

    /** The name of the probability column ({@code probability}); classifiers only. */
    public NeuriteScorer withProbabilityColumn(String column) {
        return new NeuriteScorer(bytes, inputs, outputs, classNames, probabilities, featureColumns, featuresColumn,
                predictionColumn, Objects.requireNonNull(column, "column"), batchSize);
    }

    /** Rows per forward pass ({@value #DEFAULT_BATCH_SIZE}). */
    public NeuriteScorer withBatchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows: expected >= 1, got " + rows);
        }
        return new NeuriteScorer(bytes, inputs, outputs, classNames, probabilities, featureColumns, featuresColumn,
                predictionColumn, probabilityColumn, rows);
    }

    /** Whether the model is a classifier (it has class names), so that {@link #transform} adds probabilities. */
    public boolean isClassifier() {
        return classNames != null;
    }

    /** The SHA-256 of the model file's bytes, hexadecimal: the key of the executors' model cache. */
    public String modelHash() {
        return bytes.sha256();
    }

    /** The schema {@link #transform} gives {@code input}: its columns, then the prediction (and probability). */
    public StructType transformSchema(StructType input) {
        featureIndices(input);
        for (String name : isClassifier() ? List.of(predictionColumn, probabilityColumn) : List.of(predictionColumn)) {
            if (Arrays.asList(input.fieldNames()).contains(name)) {
                throw new IllegalArgumentException("column " + name + " already exists in " + input.simpleString());
            }
        }
        StructType out = input.add(predictionColumn, predictionType(), false);
        return isClassifier() ? out.add(probabilityColumn, DataTypes.createArrayType(DataTypes.DoubleType, false), false)
                : out;
    }

    private DataType predictionType() {
        if (isClassifier()) {
            return DataTypes.StringType;
        }
        return outputs == 1 ? DataTypes.DoubleType : DataTypes.createArrayType(DataTypes.DoubleType, false);
    }

    /** The positions of the feature columns in {@code schema}, checked for type. */
    private int[] featureIndices(StructType schema) {
        if (featureColumns == null && featuresColumn == null) {
            throw new IllegalStateException("no features: call withFeatureColumns(...) or withFeaturesColumn(...)");
        }
        List<String> names = featureColumns != null ? featureColumns : List.of(featuresColumn);
        int[] at = new int[names.size()];
        for (int i = 0; i < at.length; i++) {
            if (!Arrays.asList(schema.fieldNames()).contains(names.get(i))) {
                throw new IllegalArgumentException("column " + names.get(i) + " not found in " + schema.simpleString());
            }
            at[i] = schema.fieldIndex(names.get(i));
            StructField field = schema.fields()[at[i]];
            boolean ok = featureColumns != null ? field.dataType() instanceof NumericType
                    : field.dataType() instanceof ArrayType a && a.elementType() instanceof NumericType;
            if (!ok) {
                throw new IllegalArgumentException("column " + field.name() + ": expected "
                        + (featureColumns != null ? "a numeric type" : "an array of numbers") + ", got "
                        + field.dataType().simpleString());
            }
        }
        return at;
    }

    /**
     * {@code data} with the prediction column (and, for a classifier, the probability column) added; lazy,
     * as Spark's transformations are.
     *
     * @throws IllegalArgumentException if a feature column is missing or not numeric, or an output column exists
     */
    public Dataset<Row> transform(Dataset<Row> data) {
        StructType out = transformSchema(data.schema());
        int[] at = featureIndices(data.schema());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        Broadcast<ModelBytes> model = jsc.broadcast(bytes);
        String key = bytes.sha256();
        boolean vector = featuresColumn != null;
        List<String> names = featureColumns != null ? featureColumns : List.of(featuresColumn);
        NeuriteScorer self = this;
        MapPartitionsFunction<Row, Row> score = rows -> self.new Scoring(ModelBytes.cached(key, model), rows, at,
                vector, names);
        return data.mapPartitions(score, Encoders.row(out));
    }

    /** One task's scoring: the model, one workspace, and the buffers of one batch. */
    private final class Scoring implements Iterator<Row> {
        private final Mlp model;
        private final Iterator<Row> rows;
        private final int[] at;
        private final boolean vector;
        private final List<String> names;
        private final Standardization standardization;
        private final Workspace workspace;
        private final Row[] batch;
        private final double[] x;
        private final double[] y;
        private int filled;
        private int next;

        Scoring(Mlp model, Iterator<Row> rows, int[] at, boolean vector, List<String> names) {
            this.model = model;
            this.rows = rows;
            this.at = at;
            this.vector = vector;
            this.names = names;
            this.standardization = model.standardization().orElse(null);
            this.workspace = model.workspace(batchSize);
            this.batch = new Row[batchSize];
            this.x = new double[batchSize * inputs];
            this.y = new double[batchSize * outputs];
        }

        @Override
        public boolean hasNext() {
            if (next < filled) {
                return true;
            }
            if (!rows.hasNext()) {
                return false;
            }
            fill();
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row in = batch[next];
            int base = next * outputs;
            next++;
            int n = in.length();
            Object[] values = new Object[n + (isClassifier() ? 2 : 1)];
            for (int j = 0; j < n; j++) {
                values[j] = in.get(j);
            }
            if (isClassifier()) {
                double[] p = new double[probabilities.width(outputs)];
                probabilities.apply(y, base, outputs, p);
                values[n] = classNames.get(argmax(p));
                values[n + 1] = p;
            } else {
                values[n] = outputs == 1 ? (Object) y[base] : Arrays.copyOfRange(y, base, base + outputs);
            }
            return RowFactory.create(values);
        }

        /** Reads up to a batch of rows, and runs the forward pass on them (zeros pad a short last batch). */
        private void fill() {
            filled = 0;
            next = 0;
            while (filled < batchSize && rows.hasNext()) {
                Row row = rows.next();
                batch[filled] = row;
                copyFeatures(row, x, filled * inputs);
                filled++;
            }
            Arrays.fill(x, filled * inputs, x.length, 0.0);
            Arrays.fill(batch, filled, batch.length, null);
            if (standardization != null) {
                standardization.applyToRows(x);
            }
            workspace.input().assign(x);
            model.forward(workspace).copyTo(y);
        }

        private void copyFeatures(Row row, double[] dst, int offset) {
            if (vector) {
                if (row.isNullAt(at[0])) {
                    throw new IllegalArgumentException("column " + names.get(0) + ": null features in row " + row);
                }
                List<Object> values = row.getList(at[0]);
                if (values.size() != inputs) {
                    throw new IllegalArgumentException("column " + names.get(0) + ": expected " + inputs
                            + " values (the model's inputs), got " + values.size() + " in row " + row);
                }
                for (int j = 0; j < inputs; j++) {
                    dst[offset + j] = number(values.get(j), row);
                }
            } else {
                for (int j = 0; j < inputs; j++) {
                    dst[offset + j] = number(row.get(at[j]), row);
                }
            }
        }

        private double number(Object value, Row row) {
            if (value == null) {
                throw new IllegalArgumentException("features " + names + ": null in row " + row);
            }
            return ((Number) value).doubleValue();
        }
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }

    /** The names of the columns this scorer reads. */
    public List<String> featureColumns() {
        return featureColumns != null ? featureColumns : featuresColumn != null ? List.of(featuresColumn)
                : List.of();
    }
}
