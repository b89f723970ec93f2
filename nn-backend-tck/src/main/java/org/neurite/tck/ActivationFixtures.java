package org.neurite.tck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference values that {@code activations/generate_fixtures.py} (beside the data, in this jar's
 * resources) computed with mpmath at 1000 digits: tab-separated text, one header line, lists of numbers
 * space-separated, every number printed so that it parses back to the same double.
 */
final class ActivationFixtures {

    private static final String DIR = "/org/neurite/tck/activations/";

    /** One activation at one point. */
    record Point(double x, double value, double derivative, boolean smooth) { }

    /** One row of a row-wise activation with an incoming gradient and the expected results. */
    record Row(double[] z, double[] gradA, double[] value, double[] gradZ) { }

    /** A batch for a parametric activation and its expected parameter gradient. */
    record ParameterGradient(String spec, int rows, int cols, double[] z, double[] gradA, double gradient) { }

    private ActivationFixtures() {
    }

    /** The element-wise points, by spec, in file order. */
    static Map<String, List<Point>> elementwise() {
        Map<String, List<Point>> bySpec = new LinkedHashMap<>();
        for (String[] f : read("elementwise.tsv", 5)) {
            bySpec.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Point(Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4].equals("1")));
        }
        return bySpec;
    }

    /** The row-wise cases, by spec, in file order. */
    static Map<String, List<Row>> rowwise() {
        Map<String, List<Row>> bySpec = new LinkedHashMap<>();
        for (String[] f : read("rowwise.tsv", 5)) {
            bySpec.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new Row(numbers(f[1]), numbers(f[2]), numbers(f[3]), numbers(f[4])));
        }
        return bySpec;
    }

    /** The PReLU parameter-gradient cases. */
    static List<ParameterGradient> preluGradients() {
        List<ParameterGradient> cases = new ArrayList<>();
        for (String[] f : read("prelu_gradient.tsv", 6)) {
            cases.add(new ParameterGradient(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), numbers(f[3]),
                    numbers(f[4]), Double.parseDouble(f[5])));
        }
        return cases;
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static List<String[]> read(String name, int columns) {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = ActivationFixtures.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + DIR + name + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException("fixture " + name + ": expected " + columns
                            + " tab-separated fields, got " + fields.length + " in: " + line);
                }
                lines.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
