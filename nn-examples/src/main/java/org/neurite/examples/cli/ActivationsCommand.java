package org.neurite.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neurite.api.Activations;
import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.core.ActivationTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code neurite activations}: every registered element-wise activation (custom ones included) at chosen
 * points, as the tutorial's side-by-side table or as one JSON object.
 */
@Stability(Stability.Status.EXPERIMENTAL)
@Command(name = "activations", mixinStandardHelpOptions = true,
        description = "Every element-wise activation and its derivative at chosen points (the tutorial's table).")
public final class ActivationsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private BackendOption backend;

    @Option(names = "--at", split = ",", paramLabel = "Z",
            description = "The points, comma-separated (default: -3,-1,0,1,3).")
    private List<Double> at = List.of(-3.0, -1.0, 0.0, 1.0, 3.0);

    @Option(names = "--dtype", paramLabel = "float64|float32", converter = DTypeConverter.class,
            description = "The dtype to compute in (default: float64).")
    private DType dtype = DType.FLOAT64;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    private boolean json;

    @Override
    public void run() {
        double[] points = new double[at.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = at.get(i);
            if (!Double.isFinite(points[i])) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--at: expected finite numbers, got " + at.get(i));
            }
        }
        ActivationTable table = ActivationTable.evaluate(Activations.discover(), backend.select(), dtype, points);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? toJson(table) : toText(table));
        out.flush();
    }

    /** The JSON object; every number in Java's round-trip form, so it parses back to the same double. */
    static String toJson(ActivationTable table) {
        StringBuilder sb = new StringBuilder("{\"backend\": ").append(quote(table.backend()))
                .append(", \"dtype\": ").append(quote(table.dtype().label()))
                .append(", \"points\": ").append(array(table.points()))
                .append(", \"activations\": {");
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, ActivationTable.Entry> e : table.entries().entrySet()) {
            items.add(quote(e.getKey()) + ": {\"value\": " + array(e.getValue().value())
                    + ", \"derivative\": " + array(e.getValue().derivative()) + "}");
        }
        return sb.append(String.join(", ", items)).append("}}\n").toString();
    }

    /** The tutorial's layout: a row per activation, a column per point; then the derivatives. */
    static String toText(ActivationTable table) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Backend %s, %s%n%n", table.backend(), table.dtype()));
        for (String part : new String[] {"value", "derivative"}) {
            sb.append(String.format("%-28s", part.equals("value") ? "Function f(z)" : "Derivative f'(z)"));
            for (double z : table.points()) {
                sb.append(String.format("%10s", "z=" + trim(z)));
            }
            sb.append('\n').append("-".repeat(28 + 10 * table.points().length)).append('\n');
            for (ActivationTable.Entry e : table.entries().values()) {
                sb.append(String.format("%-28s", e.spec()));
                for (double v : part.equals("value") ? e.value() : e.derivative()) {
                    sb.append(String.format("%+10.4f", v));
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String trim(double z) {
        return z == Math.rint(z) && Math.abs(z) < 1e15 ? String.format("%+d", (long) z) : String.valueOf(z);
    }

    private static String array(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Double.isFinite(values[i]) ? Double.toString(values[i]) : "null");
        }
        return sb.append(']').toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

}
