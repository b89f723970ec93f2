package org.neurite.examples.tour;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleAnchor;
import org.neurite.api.Activation;
import org.neurite.api.Backend;
import org.neurite.api.Tensor;

/**
 * The activation section's line charts: one figure per activation with its derivative, and the tutorial's
 * comparison figures (families of a parameter, one function against another). Every curve is the
 * activation's own {@code forward}, and every derivative its own {@code backward}, on the tour's backend.
 */
final class ActivationPlots {

    private static final int POINTS = 300;
    private static final int HEIGHT = 400;

    /** One curve of a comparison: which activation, its legend entry and how it is drawn. */
    record Line(String spec, String label, Color colour, Charts.Style style, float width) {
        static Line of(String spec, String label, int colour) {
            return new Line(spec, label, Charts.PALETTE[colour], Charts.Style.SOLID, 2f);
        }

        Line styled(Color c, Charts.Style s, float w) {
            return new Line(spec, label, c, s, w);
        }
    }

    private final TourContext ctx;
    private final Catalogue catalogue;

    ActivationPlots(TourContext ctx, Catalogue catalogue) {
        this.ctx = ctx;
        this.catalogue = catalogue;
    }

    /**
     * "X and Its Derivative" over {@code [lo, hi]}: {@code activation_<name>.png}, 800 x 400. The legend
     * gives the derivative's true largest value on the plotted range and where it is (sigmoid's 0.25 and
     * tanh's 1 at 0, SELU's {@code λα = 1.7581} at its kink 0), from {@link #derivativeMax}, not the largest
     * of the 300 plotted samples (which miss 0: tanh's would read 0.9998).
     */
    void single(String spec, double lo, double hi) {
        Optional<Activation> found = catalogue.find(spec);
        if (found.isEmpty()) {
            return;
        }
        Activation a = found.get();
        double[] z = Grid.linspace(lo, hi, POINTS);
        double[] d = derivative(ctx, a, z);
        double[] max = derivativeMax(ctx, a, z, d);
        List<Charts.Curve> curves = List.of(
                Charts.Curve.of(a.name() + "(z)", z, values(ctx, a, z), 0).width(2.5f),
                Charts.Curve.of(a.name() + "'(z) [max=" + Fmt.num(max[1], 4) + " at z=" + Fmt.num(max[0], 2) + "]", z,
                        d, 1).dashed());
        String title = Catalogue.displayWithParameters(a) + " and Its Derivative";
        ctx.figure("activation_" + a.name() + ".png", title + ", computed by forward and backward.",
                Charts.render(800, HEIGHT, Charts.withAxes(Charts.lines(title, "z", "value", curves,
                        RectangleAnchor.TOP_LEFT))));
    }

    /**
     * The largest value of {@code a}'s derivative on {@code [z[0], z[n-1]]} and where it is, as
     * {@code {z, f'(z)}}: the best of the samples {@code d = f'(z)}, of the points where the built-in
     * activations have their kinks or their maxima (0, and the ends of the range), and of a golden-section
     * search between the sampled maximum's two neighbours (the derivatives plotted are unimodal there), all
     * from the activation's own {@code backward}. Exact to the last printed digit for every activation the
     * tour plots; where the derivative only approaches its supremum (softplus' 1 as z grows) it is the
     * maximum on the range, at its end.
     */
    static double[] derivativeMax(TourContext ctx, Activation a, double[] z, double[] d) {
        int best = 0;
        for (int i = 1; i < d.length; i++) {
            if (d[i] > d[best]) {
                best = i;
            }
        }
        double[] result = {z[best], d[best]};
        DoubleUnaryOperator f = x -> derivative(ctx, a, new double[] {x})[0];
        double lo = z[Math.max(0, best - 1)];
        double hi = z[Math.min(z.length - 1, best + 1)];
        double golden = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 80 && hi - lo > 1e-12; i++) {
            double m1 = hi - golden * (hi - lo);
            double m2 = lo + golden * (hi - lo);
            if (f.applyAsDouble(m1) < f.applyAsDouble(m2)) {
                lo = m1;
            } else {
                hi = m2;
            }
        }
        double[] candidates = {0.0, z[0], z[z.length - 1], (lo + hi) / 2};
        for (int c = 0; c < candidates.length; c++) {
            double candidate = candidates[c];
            if (candidate >= z[0] && candidate <= z[z.length - 1]) {
                double v = f.applyAsDouble(candidate);
                // The search's point must beat a known point by more than rounding to displace it.
                double margin = c == candidates.length - 1 ? 1e-12 * Math.abs(result[1]) : 0;
                if (v > result[1] + margin) {
                    result[0] = candidate;
                    result[1] = v;
                }
            }
        }
        return result;
    }

    /**
     * A chart of the given activations over {@code [lo, hi]}; those not registered are left out (the
     * catalogue notes them). Empty when the first, the subject of the chart, is not registered.
     */
    Optional<JFreeChart> compare(String title, double lo, double hi, List<Line> lines) {
        if (catalogue.find(lines.get(0).spec()).isEmpty()) {
            return Optional.empty();
        }
        double[] z = Grid.linspace(lo, hi, POINTS);
        List<Charts.Curve> curves = new ArrayList<>();
        for (Line line : lines) {
            catalogue.find(line.spec()).ifPresent(a -> curves.add(new Charts.Curve(line.label(), z, values(ctx, a, z),
                    line.colour(), line.style(), line.width())));
        }
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Charts.withAxes(Charts.lines(title, "z", "value", curves, RectangleAnchor.TOP_LEFT)));
    }

    /** {@code f(z)} at every point of {@code z}, for a curve: one {@code (1, n)} row through {@code forward}. */
    static double[] values(TourContext ctx, Activation f, double[] z) {
        Tensor zt = ctx.backend().fromRows(ctx.dtype(), new double[][] {z});
        Tensor a = ctx.backend().zeros(ctx.dtype(), zt.shape());
        f.forward(zt, a);
        return a.toDoubleArray()[0];
    }

    /**
     * {@code f'(z)} at every point, for a curve: the activation's own {@code backward} with an incoming gradient
     * of ones (for an element-wise function, {@code 1 · f'(z)}).
     */
    static double[] derivative(TourContext ctx, Activation f, double[] z) {
        Backend backend = ctx.backend();
        Tensor zt = backend.fromRows(ctx.dtype(), new double[][] {z});
        Tensor a = backend.zeros(ctx.dtype(), zt.shape());
        f.forward(zt, a);
        Tensor ones = backend.zeros(ctx.dtype(), zt.shape());
        backend.map(ones, v -> 1.0, ones);
        Tensor grad = backend.zeros(ctx.dtype(), zt.shape());
        f.backward(zt, a, ones, grad);
        return grad.toDoubleArray()[0];
    }

    /** Writes the available panels side by side as one figure {@code width} x 400; nothing if none is. */
    @SafeVarargs
    final void figure(String fileName, String caption, int width, Optional<JFreeChart>... panels) {
        List<JFreeChart> present = new ArrayList<>();
        for (Optional<JFreeChart> p : panels) {
            p.ifPresent(present::add);
        }
        if (present.isEmpty()) {
            return;
        }
        int w = present.size() == panels.length ? width : width * present.size() / panels.length;
        ctx.figure(fileName, caption, Charts.render(w, HEIGHT, present.toArray(new JFreeChart[0])));
    }
}
