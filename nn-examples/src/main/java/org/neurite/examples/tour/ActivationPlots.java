package org.neurite.examples.tour;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleAnchor;
import org.neurite.api.Activation;

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
     * gives the derivative's largest value on the plotted range (sigmoid's 0.25, tanh's 1).
     */
    void single(String spec, double lo, double hi) {
        Optional<Activation> found = catalogue.find(spec);
        if (found.isEmpty()) {
            return;
        }
        Activation a = found.get();
        double[] z = Grid.linspace(lo, hi, POINTS);
        double[] d = ctx.derivative(a, z);
        List<Charts.Curve> curves = List.of(
                Charts.Curve.of(a.name() + "(z)", z, ctx.apply(a, z), 0).width(2.5f),
                Charts.Curve.of(a.name() + "'(z) [max=" + Fmt.num(Stats.max(d), 4) + "]", z, d, 1).dashed());
        String title = Catalogue.displayWithParameters(a) + " and Its Derivative";
        ctx.figure("activation_" + a.name() + ".png", title + ", computed by forward and backward.",
                Charts.render(800, HEIGHT, Charts.withAxes(Charts.lines(title, "z", "value", curves,
                        RectangleAnchor.TOP_LEFT))));
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
            catalogue.find(line.spec()).ifPresent(a -> curves.add(new Charts.Curve(line.label(), z, ctx.apply(a, z),
                    line.colour(), line.style(), line.width())));
        }
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Charts.withAxes(Charts.lines(title, "z", "value", curves, RectangleAnchor.TOP_LEFT)));
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
