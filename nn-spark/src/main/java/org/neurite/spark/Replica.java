package org.neurite.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.neurite.api.Loss;
import org.neurite.api.Losses;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.TrainingWorkspace;
import org.neurite.core.optim.GradientClipping;
import org.neurite.core.optim.Optimizer;

/**
 * An executor thread's copy of a model being trained: the weights of each step are written into it, and its
 * training workspaces (one per batch share size) and buffers are kept from step to step, so that a step
 * allocates nothing once its share sizes have been seen. One per thread and model file.
 */
final class Replica {
    /** Replicas kept per thread; past that the oldest goes. */
    private static final int MAX_REPLICAS = 4;
    /** Share sizes kept per replica: a batch split by partition boundaries has a few. */
    private static final int MAX_SHARES = 8;
    private static final ThreadLocal<Map<String, Replica>> REPLICAS = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Replica> eldest) {
                    return size() > MAX_REPLICAS;
                }
            });

    private final Mlp model;
    private final Loss loss;
    private final List<Parameter> parameters;
    /** Buffers per share size, the most recently used last. */
    private final List<Share> shares = new ArrayList<>();
    private final List<double[]> parameterGradients = new ArrayList<>();

    private Replica(Mlp model, Loss loss) {
        this.model = model;
        this.loss = loss;
        this.parameters = model.parameters();
        for (Parameter p : parameters) {
            parameterGradients.add(new double[(int) p.size()]);
        }
    }

    /** This thread's replica of the model file {@code key} trained with loss {@code lossSpec}. */
    static Replica of(String key, Broadcast<ModelBytes> file, String lossSpec) {
        return REPLICAS.get().computeIfAbsent(key + "\n" + lossSpec,
                k -> new Replica(ModelBytes.cached(key, file).copy(), Losses.discover().get(lossSpec)));
    }

    /**
     * Adds to {@code acc} (every parameter's gradient, flat in {@link Mlp#parameters()} order, then the loss)
     * this block's share of the global batch of rows {@code [from, to)}, scaled to the batch.
     */
    void addGradient(SparkTrainer.Block block, long offset, long from, long to, double[][] weights, double[] acc) {
        long lo = Math.max(from, offset);
        long hi = Math.min(to, offset + block.rows);
        if (lo >= hi) {
            return;
        }
        int rows = (int) (hi - lo);
        int first = (int) (lo - offset);
        int nx = model.inputSize();
        int ny = block.y.length / Math.max(1, block.rows);
        int cols = model.outputSize();
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).tensor().assign(weights[i]);
        }
        Share s = share(rows, nx, ny, cols);
        TrainingWorkspace ws = s.workspace;
        System.arraycopy(block.x, first * nx, s.inputs, 0, rows * nx);
        System.arraycopy(block.y, first * ny, s.targets, 0, rows * ny);
        ws.input().assign(s.inputs);
        model.forward(ws.forward());
        ws.output().copyTo(s.prediction);
        double value = loss.evaluate(s.prediction, s.targets, rows, cols, ny, s.gradient);
        double share = SparkTrainer.share(loss, rows, to - from);
        ws.outputGradient().assign(s.gradient);
        ws.zeroGradients();
        model.backward(ws);
        int at = 0;
        for (int i = 0; i < parameters.size(); i++) {
            double[] g = parameterGradients.get(i);
            ws.gradient(i).copyTo(g);
            for (double v : g) {
                acc[at++] += share * v;
            }
        }
        acc[at] += share * value;
    }

    /**
     * Parameter averaging's local work on one partition for round {@code round}: from the weights
     * {@code start}, {@code localSteps} steps of {@code optimizer} (fresh, made for this round) on the
     * partition's consecutive local batches {@code (round * localSteps + j) mod ceil(rows / batchSize)},
     * each with its gradient clipped; then adds to {@code acc} the resulting weights times the rows trained
     * (flat, in {@link Mlp#parameters()} order), the losses times their batch's rows, and the rows trained.
     * A non-finite loss or gradient stops the partition's round and adds NaN to the loss, for the driver to
     * report.
     */
    void train(SparkTrainer.Block block, double[][] start, long round, int localSteps, int batchSize,
               Optimizer optimizer, GradientClipping clipping, double[] acc) {
        if (block.rows == 0) {
            return;
        }
        double[][] masters = new double[start.length][];
        List<double[]> gradients = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < start.length; i++) {
            masters[i] = start[i].clone();
            gradients.add(new double[start[i].length]);
            total += start[i].length;
        }
        List<double[]> weights = Arrays.asList(masters);
        double[] step = new double[total + 1];
        long batches = (block.rows + batchSize - 1) / batchSize;
        long rows = 0;
        for (int j = 0; j < localSteps; j++) {
            long from = ((round * localSteps + j) % batches) * batchSize;
            long to = Math.min(block.rows, from + batchSize);
            Arrays.fill(step, 0.0);
            addGradient(block, 0, from, to, masters, step);
            boolean finite = Double.isFinite(step[total]);
            int at = 0;
            for (double[] g : gradients) {
                System.arraycopy(step, at, g, 0, g.length);
                at += g.length;
            }
            for (int k = 0; k < total && finite; k++) {
                finite = Double.isFinite(step[k]);
            }
            acc[total] += finite ? (to - from) * step[total] : Double.NaN;
            rows += to - from;
            if (!finite) {
                break;
            }
            clipping.apply(gradients);
            optimizer.step(weights, gradients);
        }
        int at = 0;
        for (double[] m : masters) {
            for (double v : m) {
                acc[at++] += rows * v;
            }
        }
        acc[total + 1] += rows;
    }

    /** The buffers for shares of {@code rows} rows, made on first use; at most {@value #MAX_SHARES} kept. */
    private Share share(int rows, int nx, int ny, int cols) {
        for (int i = shares.size() - 1; i >= 0; i--) {
            Share s = shares.get(i);
            if (s.workspace.batchSize() == rows) {
                if (i != shares.size() - 1) {
                    shares.add(shares.remove(i));
                }
                return s;
            }
        }
        if (shares.size() == MAX_SHARES) {
            shares.remove(0);
        }
        Share made = new Share(model.trainingWorkspace(rows), new double[rows * nx], new double[rows * ny],
                new double[rows * cols], new double[rows * cols]);
        shares.add(made);
        return made;
    }

    /** A training workspace and the flat buffers of one share size. */
    private record Share(TrainingWorkspace workspace, double[] inputs, double[] targets, double[] prediction,
                         double[] gradient) {
    }
}
