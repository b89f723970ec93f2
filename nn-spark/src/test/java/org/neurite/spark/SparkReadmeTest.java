package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.io.ModelFiles;

/** The README's Spark block is {@link SparkQuickStart}'s code, and that code runs and classifies the two flowers. */
class SparkReadmeTest {

    private static String block(String text, String begin, String end) {
        Matcher m = Pattern.compile(Pattern.quote(begin) + "\\R(.*?)\\R\\s*" + Pattern.quote(end), Pattern.DOTALL)
                .matcher(text);
        assertTrue(m.find(), "markers " + begin + " ... " + end + " not found");
        return m.group(1).stripIndent().strip();
    }

    @Test
    void readmeShowsExactlyTheExampleCode() throws Exception {
        String source = Files.readString(Path.of("src/test/java/org/neurite/spark/SparkQuickStart.java"));
        String readme = Files.readString(Path.of("../README.md"));
        assertEquals(block(source, "// spark:begin", "// spark:end"),
                block(readme, "<!-- spark:begin -->\n```java", "```\n<!-- spark:end -->"),
                "README.md's spark block differs from SparkQuickStart.java; copy it over");
    }

    @Test
    void exampleRunsAndTellsSetosaFromVirginica(@TempDir Path dir) throws Exception {
        SparkSession spark = LocalSpark.start("SparkReadmeTest");
        try {
            Path file = dir.resolve("iris.safetensors");
            SparkQuickStart.run(spark, file);
            List<Row> rows = NeuriteScorer.fromFile(file)
                    .withFeatureColumns("sepal_length", "sepal_width", "petal_length", "petal_width")
                    .transform(spark.sql("SELECT * FROM VALUES (5.1, 3.5, 1.4, 0.2), (6.7, 3.0, 5.2, 2.3) "
                            + "AS t(sepal_length, sepal_width, petal_length, petal_width)"))
                    .collectAsList();
            assertEquals("setosa", rows.get(0).getString(4));
            assertEquals("virginica", rows.get(1).getString(4));
            assertEquals(3, ModelFiles.describe(file).classNames().size());
        } finally {
            spark.stop();
        }
    }
}
