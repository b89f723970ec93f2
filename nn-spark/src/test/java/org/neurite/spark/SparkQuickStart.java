package org.neurite.spark;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.neurite.core.Mlp;
import org.neurite.core.train.Trainer;
import org.neurite.io.BundledDatasets;
import org.neurite.io.ModelFiles;

/** The README's Spark example (between the markers); {@link SparkReadmeTest} checks and runs it. */
final class SparkQuickStart {
    private SparkQuickStart() {
    }

    static void run(SparkSession spark, Path file) throws IOException {
        // spark:begin
        Mlp iris = Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.01)").epochs(100).seed(42).build()
                .fit(Mlp.builder().input(4).dense(16, "relu").dense(3, "linear").seed(42).build(),
                        BundledDatasets.iris())
                .model();                                  // carries the class names
        ModelFiles.save(iris, file);                       // any model file will do

        Dataset<Row> flowers = spark.sql("SELECT * FROM VALUES (5.1, 3.5, 1.4, 0.2), (6.7, 3.0, 5.2, 2.3) "
                + "AS t(sepal_length, sepal_width, petal_length, petal_width)");
        Dataset<Row> scored = NeuriteScorer.fromFile(file)  // broadcast once, parsed once per executor
                .withFeatureColumns("sepal_length", "sepal_width", "petal_length", "petal_width")
                .transform(flowers);                       // + prediction (class name), probability (array<double>)
        scored.show(false);
        // spark:end
    }
}
