package org.neurite.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.neurite.api.Backend;
import org.neurite.api.BackendInfo;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code neurite bench}: times the forward pass of the benchmark networks on this machine, in at most
 * 60 seconds. The cases are nn-benchmarks' (see README, "Performance"): {@code tiny_single} and
 * {@code tiny_batch10000} ({@code [2, 8, 4, 1]}, relu, relu, sigmoid, on 1 and 10,000 rows) and
 * {@code mnist_b256} ({@code [784, 1024, 1024, 10]}, relu, relu, linear, on 256 rows), in float32 and
 * float64, through {@link Mlp#forward(Workspace)} on a workspace made once.
 *
 * <p>Each case gets an equal share of the time budget. It warms up in rounds of at least 20 ms until two
 * consecutive rounds agree within 10% (the JIT has compiled the hot loops, a native library has settled),
 * for at most 60% of its share; then it measures rounds for the rest. The reported time is the best
 * round's, the statistic least hurt by a shared machine (as nn-benchmarks reports), beside the spread of
 * the measured rounds (min–max), and whether the warm-up settled. For a rigorous measurement use the JMH
 * suite in nn-benchmarks.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the forward pass of the benchmark networks on this machine (at most 60 s).",
                "Without --json, a table for every available backend (or the one --backend names)."})
public final class BenchCommand implements Runnable {

    /**
     * The measuring budget by default: with the JVM's start, loading the backends (ND4J's native library
     * takes seconds) and the last case's last call, the command stays under the 60 s it promises.
     */
    static final double DEFAULT_SECONDS = 50;
    /** The warm-up's cap, as a share of a case's budget. */
    private static final double WARM_UP_SHARE = 0.6;
    /** Two consecutive warm-up rounds within this relative difference end the warm-up. */
    static final double STABLE_WITHIN = 0.10;
    private static final long MIN_ROUND_NANOS = 20_000_000L;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object for one backend (the default one, or --backend).")
    private boolean json;

    @CommandLine.Mixin
    private BackendOption backend;

    @Option(names = "--seconds", hidden = true, description = "The total time budget in seconds (default 50).")
    private double seconds = DEFAULT_SECONDS;

    /** One benchmark case: a network, its activations and a batch size. */
    record Case(String name, int[] sizes, List<String> activations, int batch) {
        double flops() {
            double f = 0;
            for (int i = 1; i < sizes.length; i++) {
                f += 2.0 * batch * sizes[i - 1] * sizes[i];
            }
            return f;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("tiny_single", new int[] {2, 8, 4, 1}, List.of("relu", "relu", "sigmoid"), 1),
            new Case("tiny_batch10000", new int[] {2, 8, 4, 1}, List.of("relu", "relu", "sigmoid"), 10_000),
            new Case("mnist_b256", new int[] {784, 1024, 1024, 10}, List.of("relu", "relu", "linear"), 256));

    /** One measured case. */
    record Result(String name, DType dtype, double nsPerCall, double samplesPerSecond, double gflops,
                  double minNs, double maxNs, boolean settled) {
    }

    @Override
    public void run() {
        if (!(seconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--seconds: expected a positive number, got " + seconds);
        }
        List<Backend> backends = new ArrayList<>();
        if (backend.name() != null || json) {
            backends.add(backend.select());
        } else {
            Backends registry = Backends.discover();
            for (BackendInfo info : registry.describe()) {
                if (info.available()) {
                    backends.add(registry.select(info.name()));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int remaining = backends.size() * CASES.size() * DType.values().length;
        if (!json) {
            out.printf("Forward pass, Mlp.forward(Workspace); %d s budget; per case a warm-up until two rounds agree "
                    + "within %d%% (at most %d%% of its share), then the best round and the spread of the rounds%n",
                    Math.round(seconds), Math.round(STABLE_WITHIN * 100), Math.round(WARM_UP_SHARE * 100));
        }
        for (Backend b : backends) {
            List<Result> results = new ArrayList<>();
            if (!json) {
                out.printf("%nbackend %s%n%-16s %-8s %14s %14s %9s  %s%n", b.name(), "case", "dtype",
                        "ns/call", "samples/s", "GFLOP/s", "spread ns/call (min-max)");
                out.flush();
            }
            for (Case c : CASES) {
                for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                    long share = Math.max(0, (deadline - System.nanoTime()) / remaining);
                    remaining--;
                    Result r = measure(b, c, dtype, share);
                    results.add(r);
                    if (!json) {
                        out.printf(Locale.ROOT, "%-16s %-8s %,14.0f %,14.0f %9.3f  %,.0f-%,.0f (%.0f%%)%s%n", r.name(),
                                r.dtype(), r.nsPerCall(), r.samplesPerSecond(), r.gflops(), r.minNs(), r.maxNs(),
                                100 * (r.maxNs() / r.minNs() - 1), r.settled() ? "" : ", warm-up did not settle");
                        out.flush();
                    }
                }
            }
            if (json) {
                out.println(toJson(b.name(), results));
            }
        }
        out.flush();
    }

    /** Builds the case's network and times it for about {@code budgetNanos}. */
    static Result measure(Backend backend, Case c, DType dtype, long budgetNanos) {
        MlpBuilder builder = Mlp.builder().backend(backend).dtype(dtype).seed(42).input(c.sizes()[0]);
        for (int i = 1; i < c.sizes().length; i++) {
            builder.dense(c.sizes()[i], c.activations().get(i - 1));
        }
        Mlp mlp = builder.build();
        Workspace ws = mlp.workspace(c.batch());
        Random random = new Random(43);
        double[] x = new double[c.batch() * c.sizes()[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * random.nextDouble() - 1;
        }
        ws.input().assign(x);

        long start = System.nanoTime();
        long warmUpEnd = start + (long) (budgetNanos * WARM_UP_SHARE);
        long end = start + budgetNanos;
        // Two calls to size the rounds (one call for slow cases), so that a round lasts at least MIN_ROUND_NANOS.
        mlp.forward(ws);
        mlp.forward(ws);
        double perCall = (System.nanoTime() - start) / 2.0;
        long perRound = Math.max(1, (long) Math.ceil(MIN_ROUND_NANOS / perCall));
        // Warm-up: rounds until two consecutive ones agree within STABLE_WITHIN, or its cap is spent. The first
        // calls are the slowest, so each round re-sizes the next one from its own time per call.
        double previous = round(mlp, ws, perRound);
        perRound = Math.max(1, (long) Math.ceil(MIN_ROUND_NANOS / previous));
        boolean settled = false;
        while (!settled && System.nanoTime() < warmUpEnd) {
            double current = round(mlp, ws, perRound);
            settled = Math.abs(current - previous) <= STABLE_WITHIN * Math.min(current, previous);
            previous = current;
            perRound = Math.max(1, (long) Math.ceil(MIN_ROUND_NANOS / current));
        }
        double best = Double.POSITIVE_INFINITY;
        double worst = 0;
        do {
            double ns = round(mlp, ws, perRound);
            best = Math.min(best, ns);
            worst = Math.max(worst, ns);
        } while (System.nanoTime() < end);
        return new Result(c.name(), dtype, best, c.batch() * 1e9 / best, c.flops() / best, best, worst, settled);
    }

    /** One round of {@code calls} forward passes: the time per call in nanoseconds. */
    private static double round(Mlp mlp, Workspace ws, long calls) {
        long r0 = System.nanoTime();
        for (long i = 0; i < calls; i++) {
            mlp.forward(ws);
        }
        return (double) (System.nanoTime() - r0) / calls;
    }

    /** The one JSON object of {@code bench --json}. */
    static String toJson(String backend, List<Result> results) {
        StringBuilder sb = new StringBuilder("{\"backend\": \"").append(backend).append("\", \"cases\": [");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            sb.append(i == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT,
                            "{\"name\": \"%s\", \"dtype\": \"%s\", \"samples_per_s\": %.1f, \"ns_per_call\": %.1f,"
                                    + " \"gflops\": %.4f, \"ns_per_call_min\": %.1f, \"ns_per_call_max\": %.1f,"
                                    + " \"warm_up_settled\": %s}",
                            r.name(), r.dtype().label(), r.samplesPerSecond(), r.nsPerCall(), r.gflops(), r.minNs(),
                            r.maxNs(), r.settled()));
        }
        return sb.append("]}").toString();
    }
}
