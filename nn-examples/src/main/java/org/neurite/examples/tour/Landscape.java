package org.neurite.examples.tour;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.neurite.core.ForwardTrace;

/**
 * A network's output over a square grid of 2-D inputs (its "decision landscape"), shared by the landscape
 * and architectures sections. Besides the field it counts the linear regions the grid sees: points whose
 * hidden units are on (a > 0) or off in the same pattern lie in one region where the network is a single
 * affine map, so the count measures how complex the ReLU boundaries are, which the tutorial only asks
 * the reader to judge by eye.
 *
 * @param grid the grid
 * @param field the output at each grid point, {@code [iy][ix]}
 * @param regions the number of distinct hidden on/off patterns on the grid
 */
record Landscape(Grid grid, double[][] field, int regions) {

    /** The landscape of a network (2 inputs, 1 output) from its trace on {@code grid.points()}, one batch. */
    static Landscape of(Grid grid, ForwardTrace trace) {
        List<ForwardTrace.Step> steps = trace.steps();
        int points = trace.input().length;
        Set<String> patterns = new HashSet<>();
        for (int p = 0; p < points; p++) {
            StringBuilder key = new StringBuilder();
            for (int s = 0; s < steps.size() - 1; s++) {
                for (double a : steps.get(s).a()[p]) {
                    key.append(a > 0 ? '1' : '0');
                }
            }
            patterns.add(key.toString());
        }
        return new Landscape(grid, grid.field(trace.output()), patterns.size());
    }

    double min() {
        return Stats.min(field);
    }

    double max() {
        return Stats.max(field);
    }

    /** The landscape as a heat map with a colour bar. */
    JFreeChart chart(String title, String scaleLabel) {
        return Charts.heatMap(title, "x1", "x2", scaleLabel, grid.xs(), grid.ys(), field);
    }

    /** The landscape as a heat map whose colour bar spans {@code [lo, hi]}, a scale shared with other panels. */
    JFreeChart chart(String title, String scaleLabel, double lo, double hi) {
        return Charts.heatMap(title, "x1", "x2", scaleLabel, grid.xs(), grid.ys(), field, lo, hi);
    }
}
