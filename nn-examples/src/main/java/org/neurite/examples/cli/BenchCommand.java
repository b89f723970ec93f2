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
 * <p>Each case gets an equal share of the time budget: 40% warm-up (the JIT compiles the hot loops, and
 * the first calls pay for it), then the remaining 60% in rounds of at least 20 ms; the reported time is
 * the median round's. For a rigorous measurement use the JMH suite in nn-benchmarks.
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
    private static final double WARM_UP_SHARE = 0.4;
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
    record Result(String name, DType dtype, double nsPerCall, double samplesPerSecond, double gflops) {
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
            out.printf("Forward pass, Mlp.forward(Workspace); %d s budget, %d%% warm-up per case; median of rounds%n",
                    Math.round(seconds), Math.round(WARM_UP_SHARE * 100));
        }
        for (Backend b : backends) {
            List<Result> results = new ArrayList<>();
            if (!json) {
                out.printf("%nbackend %s%n%-16s %-8s %14s %14s %9s%n", b.name(), "case", "dtype",
                        "ns/call", "samples/s", "GFLOP/s");
                out.flush();
            }
            for (Case c : CASES) {
                for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                    long share = Math.max(0, (deadline - System.nanoTime()) / remaining);
                    remaining--;
                    Result r = measure(b, c, dtype, share);
                    results.add(r);
                    if (!json) {
                        out.printf(Locale.ROOT, "%-16s %-8s %,14.0f %,14.0f %9.3f%n", r.name(), r.dtype(),
                                r.nsPerCall(), r.samplesPerSecond(), r.gflops());
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
        // Warm-up: at least two calls, then until its share of the budget is spent.
        long calls = 0;
        long t = start;
        while (calls < 2 || t < warmUpEnd) {
            mlp.forward(ws);
            calls++;
            t = System.nanoTime();
        }
        // Calls per round, so that a round lasts at least MIN_ROUND_NANOS (one call for slow cases).
        double perCall = (double) (t - start) / calls;
        long perRound = Math.max(1, (long) Math.ceil(MIN_ROUND_NANOS / perCall));
        List<Double> rounds = new ArrayList<>();
        do {
            long r0 = System.nanoTime();
            for (long i = 0; i < perRound; i++) {
                mlp.forward(ws);
            }
            long r1 = System.nanoTime();
            rounds.add((double) (r1 - r0) / perRound);
            t = r1;
        } while (t < end);
        double[] sorted = rounds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double ns = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return new Result(c.name(), dtype, ns, c.batch() * 1e9 / ns, c.flops() / ns);
    }

    /** The one JSON object of {@code bench --json}. */
    static String toJson(String backend, List<Result> results) {
        StringBuilder sb = new StringBuilder("{\"backend\": \"").append(backend).append("\", \"cases\": [");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            sb.append(i == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT,
                            "{\"name\": \"%s\", \"dtype\": \"%s\", \"samples_per_s\": %.1f, \"ns_per_call\": %.1f,"
                                    + " \"gflops\": %.4f}",
                            r.name(), r.dtype().label(), r.samplesPerSecond(), r.nsPerCall(), r.gflops()));
        }
        return sb.append("]}").toString();
    }
}
