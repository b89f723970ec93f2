package org.neurite.core.optim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code optim_fixtures.txt}, written by {@code generate_fixtures.py} with PyTorch 1.13 (the format is
 * described at the top of that script), and evaluates the script's loss gradient in Java.
 */
final class TorchFixtures {

    /** One step of a case; {@code metric} and {@code norm} are NaN when absent, {@code grad} is the clipped one. */
    record Step(double metric, double[][] rawGrad, double norm, double[][] grad, double lrUsed, double[][] param,
            double lr) {
    }

    /** One case: Neurite specs and torch's trajectory. */
    record Case(String name, String optimizer, String schedule, String clip, double lr0, List<Step> steps) {
        @Override
        public String toString() {
            return name;
        }
    }

    final double k;
    final double[][] a;
    final double[][] b;
    final double[][] c;
    final double[][] p;
    final List<Case> cases;

    private TorchFixtures(double k, Map<String, double[][]> constants, List<Case> cases) {
        this.k = k;
        this.a = constants.get("A");
        this.b = constants.get("B");
        this.c = constants.get("C");
        this.p = constants.get("P");
        this.cases = List.copyOf(cases);
    }

    /** The initial parameters, a fresh copy. */
    List<double[]> initialParameters() {
        List<double[]> copy = new ArrayList<>();
        for (double[] t : p) {
            copy.add(t.clone());
        }
        return copy;
    }

    /**
     * The script's gradient at {@code ps}: {@code A (p - C) + B cos(B p)} plus the coupling
     * {@code K sum(p0) sum(p1) + K sum(p1) sum(p2)}.
     */
    List<double[]> gradient(List<double[]> ps) {
        double[] sums = new double[ps.size()];
        for (int t = 0; t < ps.size(); t++) {
            for (double x : ps.get(t)) {
                sums[t] += x;
            }
        }
        List<double[]> grads = new ArrayList<>();
        for (int t = 0; t < ps.size(); t++) {
            double coupling = t == 0 ? k * sums[1] : t == 1 ? k * sums[0] + k * sums[2] : k * sums[1];
            double[] pt = ps.get(t);
            double[] g = new double[pt.length];
            for (int j = 0; j < pt.length; j++) {
                g[j] = a[t][j] * (pt[j] - c[t][j]) + b[t][j] * Math.cos(b[t][j] * pt[j]) + coupling;
            }
            grads.add(g);
        }
        return grads;
    }

    static TorchFixtures load() {
        try (InputStream in = TorchFixtures.class.getResourceAsStream("optim_fixtures.txt")) {
            if (in == null) {
                throw new IllegalStateException("optim_fixtures.txt is not on the test class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TorchFixtures parse(BufferedReader reader) throws IOException {
        double k = Double.NaN;
        Map<String, List<double[]>> constants = new TreeMap<>();
        List<Case> cases = new ArrayList<>();
        String name = null;
        String optimizer = null;
        String schedule = null;
        String clip = null;
        double lr0 = Double.NaN;
        List<Step> steps = new ArrayList<>();
        StepBuilder step = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String tag = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1);
            switch (tag) {
                case "K" -> k = Double.parseDouble(rest);
                case "A", "B", "C", "P" -> constants.computeIfAbsent(tag, x -> new ArrayList<>()).add(tail(rest));
                case "case" -> {
                    name = rest;
                    steps = new ArrayList<>();
                }
                case "optimizer" -> optimizer = rest;
                case "schedule" -> schedule = rest.equals("none") ? null : rest;
                case "clip" -> clip = rest.equals("none") ? null : rest;
                case "lr0" -> lr0 = Double.parseDouble(rest);
                case "step" -> {
                    if (step != null) {
                        steps.add(step.build());
                    }
                    step = new StepBuilder();
                }
                case "metric" -> step.metric = Double.parseDouble(rest);
                case "rawgrad" -> step.rawGrad.add(tail(rest));
                case "norm" -> step.norm = Double.parseDouble(rest);
                case "grad" -> step.grad.add(tail(rest));
                case "lr_used" -> step.lrUsed = Double.parseDouble(rest);
                case "param" -> step.param.add(tail(rest));
                case "lr" -> step.lr = Double.parseDouble(rest);
                case "end" -> {
                    steps.add(step.build());
                    step = null;
                    cases.add(new Case(name, optimizer, schedule, clip, lr0, List.copyOf(steps)));
                }
                default -> throw new IllegalStateException("unknown fixture line: " + line);
            }
        }
        Map<String, double[][]> arrays = new TreeMap<>();
        constants.forEach((key, list) -> arrays.put(key, list.toArray(double[][]::new)));
        return new TorchFixtures(k, arrays, cases);
    }

    /** The values after the leading tensor index (which the lines give in order 0, 1, 2). */
    private static double[] tail(String rest) {
        String[] parts = rest.trim().split(" ");
        return Arrays.stream(parts, 1, parts.length).mapToDouble(Double::parseDouble).toArray();
    }

    private static final class StepBuilder {
        double metric = Double.NaN;
        final List<double[]> rawGrad = new ArrayList<>();
        double norm = Double.NaN;
        final List<double[]> grad = new ArrayList<>();
        double lrUsed = Double.NaN;
        final List<double[]> param = new ArrayList<>();
        double lr = Double.NaN;

        Step build() {
            double[][] raw = rawGrad.toArray(double[][]::new);
            return new Step(metric, raw, norm, grad.isEmpty() ? raw : grad.toArray(double[][]::new), lrUsed,
                    param.toArray(double[][]::new), lr);
        }
    }
}
