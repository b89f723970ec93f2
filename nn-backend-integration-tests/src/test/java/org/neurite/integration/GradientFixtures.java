package org.neurite.integration;

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
import org.neurite.api.DType;

/**
 * Reads {@code training/gradients.tsv}, written by {@code generate_gradients.py} beside it from PyTorch: one
 * block of tab-separated lines per case, from {@code case} to {@code end}.
 */
final class GradientFixtures {

    /** A flat row-major matrix. */
    record Matrix(int rows, int cols, double[] values) {
    }

    /** One network, batch, target and loss with PyTorch's loss value and gradients. */
    record Case(String id, DType dtype, int[] sizes, List<String> activations, String loss, Matrix x,
                Matrix target, Map<String, Matrix> parameters, double value, Map<String, double[]> gradients) {
        @Override
        public String toString() {
            return id + " (" + dtype + ")";
        }
    }

    private GradientFixtures() {
    }

    static List<Case> read(String resource) {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = GradientFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + resource + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String[]> fields = new LinkedHashMap<>();
            Map<String, Matrix> params = new LinkedHashMap<>();
            Map<String, double[]> grads = new LinkedHashMap<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "param" -> params.put(f[1], matrix(f[2], f[3]));
                    case "grad" -> grads.put(f[1], numbers(f[2]));
                    case "end" -> {
                        cases.add(new Case(fields.get("case")[1], DType.valueOf(fields.get("dtype")[1].toUpperCase()),
                                Arrays.stream(fields.get("sizes")[1].split(" ")).mapToInt(Integer::parseInt).toArray(),
                                List.of(fields.get("activations")[1].split("\\|")), fields.get("loss")[1],
                                matrix(fields.get("x")[1], fields.get("x")[2]),
                                matrix(fields.get("target")[1], fields.get("target")[2]),
                                params, Double.parseDouble(fields.get("value")[1]), grads));
                        fields = new LinkedHashMap<>();
                        params = new LinkedHashMap<>();
                        grads = new LinkedHashMap<>();
                    }
                    default -> fields.put(f[0], f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Matrix matrix(String shape, String values) {
        String[] rc = shape.split(" ");
        return new Matrix(Integer.parseInt(rc[0]), Integer.parseInt(rc[1]), numbers(values));
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
}
