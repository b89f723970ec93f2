package org.neurite.core.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every optimizer shares: the learning rate, the step count, the check of the lists given to
 * {@link #step}, and the per-parameter buffers with their state copies. Subclasses say which buffers they
 * keep and do the update of one parameter.
 */
abstract class AbstractOptimizer implements Optimizer {

    private final String name;
    private final String spec;
    /** Buffer kinds per parameter, by their torch names, in a fixed order. */
    private final List<String> kinds;
    private double lr;
    private long steps;
    /** The array lengths fixed at the first step (or by a restored state); null before. */
    private int[] lengths;
    /** {@code buffers[k][i]}: buffer {@code kinds.get(k)} of parameter {@code i}; null before the first step. */
    private double[][][] buffers;
    /** One parameter's buffers as {@link #update} takes them: made once, so that a step allocates nothing. */
    private final double[][] own;

    AbstractOptimizer(String name, String spec, double lr, List<String> kinds) {
        this.name = name;
        this.spec = spec;
        this.lr = lr;
        this.kinds = List.copyOf(kinds);
        this.own = new double[this.kinds.size()][];
    }

    /** The value a new buffer of this kind starts with (torch's zeros_like, or Adagrad's full_like). */
    double initialValue(String kind) {
        return 0.0;
    }

    /**
     * Updates parameter {@code p} from gradient {@code g} with the learning rate {@code lr}.
     *
     * @param step the number of this step, from 1
     * @param buffers this parameter's buffers in the order of the kinds
     */
    abstract void update(double[] p, double[] g, double[][] buffers, double lr, long step);

    @Override
    public final void step(List<double[]> parameters, List<double[]> gradients) {
        check(parameters, gradients);
        int n = parameters.size();
        if (lengths == null) {
            int[] fixed = new int[n];
            for (int i = 0; i < n; i++) {
                fixed[i] = parameters.get(i).length;
            }
            lengths = fixed;
        }
        if (buffers == null) {
            double[][][] fresh = new double[kinds.size()][n][];
            for (int k = 0; k < kinds.size(); k++) {
                for (int i = 0; i < n; i++) {
                    fresh[k][i] = new double[lengths[i]];
                    java.util.Arrays.fill(fresh[k][i], initialValue(kinds.get(k)));
                }
            }
            buffers = fresh;
        }
        long step = steps + 1;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < own.length; k++) {
                own[k] = buffers[k][i];
            }
            update(parameters.get(i), gradients.get(i), own, lr, step);
        }
        steps = step;
    }

    private void check(List<double[]> parameters, List<double[]> gradients) {
        if (parameters == null || gradients == null) {
            throw new IllegalArgumentException(name + ": " + (parameters == null ? "parameters" : "gradients")
                    + ": expected a list, got null");
        }
        int n = parameters.size();
        if (lengths != null && n != lengths.length) {
            throw new IllegalArgumentException(name + ": parameters: expected " + lengths.length
                    + " arrays as at the first step, got " + n);
        }
        if (gradients.size() != n) {
            throw new IllegalArgumentException(name + ": gradients: expected " + n
                    + " arrays, one per parameter, got " + gradients.size());
        }
        for (int i = 0; i < n; i++) {
            double[] p = parameters.get(i);
            double[] g = gradients.get(i);
            if (p == null || g == null) {
                throw new IllegalArgumentException(name + ": " + (p == null ? "parameters" : "gradients") + "["
                        + i + "]: expected an array, got null");
            }
            if (lengths != null && p.length != lengths[i]) {
                throw new IllegalArgumentException(name + ": parameters[" + i + "]: expected length " + lengths[i]
                        + " as at the first step, got " + p.length);
            }
            if (g.length != p.length) {
                throw new IllegalArgumentException(name + ": gradients[" + i + "]: expected length " + p.length
                        + " as parameters[" + i + "], got " + g.length);
            }
            if (p == g) {
                throw new IllegalArgumentException(name + ": gradients[" + i
                        + "]: expected an array other than parameters[" + i + "], got the same array");
            }
        }
    }

    @Override
    public final double learningRate() {
        return lr;
    }

    @Override
    public final void setLearningRate(double lr) {
        this.lr = Spec.nonNegative(name, "lr", lr);
    }

    @Override
    public final String spec() {
        return spec;
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final Map<String, double[]> state() {
        Map<String, double[]> state = new LinkedHashMap<>();
        state.put("lr", new double[] {lr});
        state.put("step", new double[] {steps});
        if (buffers != null) {
            for (int i = 0; i < lengths.length; i++) {
                for (int k = 0; k < kinds.size(); k++) {
                    state.put(i + "." + kinds.get(k), buffers[k][i].clone());
                }
            }
        }
        return state;
    }

    @Override
    public final void restoreState(Map<String, double[]> state) {
        if (state == null) {
            throw new IllegalArgumentException(name + ": state: expected a map, got null");
        }
        double newLr = scalar(state, "lr");
        Spec.nonNegative(name, "state lr", newLr);
        double newStep = scalar(state, "step");
        if (!(newStep >= 0) || newStep != Math.rint(newStep) || newStep > 1L << 53) {
            throw new IllegalArgumentException(name + ": state step: expected a whole number >= 0, got " + newStep);
        }
        // Parameter buffers: "<index>.<kind>", indices 0..n-1, every kind for every index.
        Map<Integer, Map<String, double[]>> byIndex = new TreeMap<>();
        for (Map.Entry<String, double[]> e : state.entrySet()) {
            String key = e.getKey();
            if ("lr".equals(key) || "step".equals(key)) {
                continue;
            }
            int dot = key == null ? -1 : key.indexOf('.');
            int index = -1;
            if (dot > 0) {
                try {
                    index = Integer.parseInt(key.substring(0, dot));
                } catch (NumberFormatException ignored) {
                    index = -1;
                }
            }
            if (index < 0 || !kinds.contains(key.substring(dot + 1))) {
                throw new IllegalArgumentException(name + ": state: expected the names lr, step"
                        + (kinds.isEmpty() ? "" : " and <index>." + kinds) + ", got '" + key + "'");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException(name + ": state " + key + ": expected an array, got null");
            }
            byIndex.computeIfAbsent(index, x -> new LinkedHashMap<>()).put(key.substring(dot + 1), e.getValue());
        }
        int n = byIndex.size();
        if (newStep > 0 && !kinds.isEmpty() && n == 0) {
            throw new IllegalArgumentException(name + ": state: expected the buffers " + kinds
                    + " of every parameter after " + (long) newStep + " steps, got none");
        }
        if (newStep == 0 && n > 0) {
            throw new IllegalArgumentException(name + ": state: expected no buffers at step 0, got "
                    + byIndex.size() + " parameters' buffers");
        }
        int[] newLengths = n == 0 ? null : new int[n];
        double[][][] newBuffers = n == 0 ? null : new double[kinds.size()][n][];
        for (int i = 0; i < n; i++) {
            Map<String, double[]> own = byIndex.get(i);
            if (own == null) {
                throw new IllegalArgumentException(name + ": state: expected the buffers of parameters 0 to "
                        + (n - 1) + ", got none for parameter " + i);
            }
            for (int k = 0; k < kinds.size(); k++) {
                double[] b = own.get(kinds.get(k));
                if (b == null) {
                    throw new IllegalArgumentException(name + ": state " + i + "." + kinds.get(k)
                            + ": expected an array, got none");
                }
                if (k == 0) {
                    newLengths[i] = b.length;
                } else if (b.length != newLengths[i]) {
                    throw new IllegalArgumentException(name + ": state " + i + "." + kinds.get(k)
                            + ": expected length " + newLengths[i] + " as " + i + "." + kinds.get(0) + ", got "
                            + b.length);
                }
                newBuffers[k][i] = b.clone();
            }
        }
        lr = newLr;
        steps = (long) newStep;
        lengths = newLengths;
        buffers = newBuffers;
    }

    private double scalar(Map<String, double[]> state, String key) {
        double[] value = state.get(key);
        if (value == null || value.length != 1) {
            throw new IllegalArgumentException(name + ": state " + key + ": expected an array of length 1, got "
                    + (value == null ? "none" : "length " + value.length));
        }
        return value[0];
    }

    /** For the subclasses' messages. */
    final String name() {
        return name;
    }

    /** Kinds as a mutable list builder, for subclasses' constructors. */
    static List<String> kinds(String... names) {
        return new ArrayList<>(List.of(names));
    }
}
