package org.neurite.examples.tour;

import org.jfree.chart.JFreeChart;
import org.neurite.api.Loss;
import org.neurite.core.Mlp;

/**
 * The loss of a one-input sigmoid neuron over a grid of its two parameters {@code (w, b)}, for the
 * gradient-descent figure. Every grid point is a different neuron; rather than build thousands, the roles
 * of data and parameters are swapped: one dense sigmoid layer whose <em>weights</em> are the data,
 * {@code [x_i, 1]} per output, takes the grid points {@code [w, b]} as its <em>batch</em>, so output
 * {@code (g, i)} is {@code sigmoid(w_g x_i + b_g)}, the neuron of grid point {@code g} on sample {@code i},
 * all in one forward pass. Each row is then scored by the loss as the training runs score the neuron.
 *
 * @param ws the weights along the x axis
 * @param bs the biases along the y axis
 * @param field the loss at {@code (ws[ix], bs[iy])}, as {@code field[iy][ix]}
 */
record LossSurface(double[] ws, double[] bs, double[][] field) {

    /** The surface of {@code loss} for a sigmoid neuron on {@code (x, y)} over {@code grid} (w across, b up). */
    static LossSurface of(TourContext ctx, Loss loss, double[] x, double[] y, Grid grid) {
        double[][] data = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            data[i] = new double[] {x[i], 1};
        }
        Mlp swapped = ctx.mlp().input(2).dense("sigmoid", data, new double[x.length]).build();
        double[][] predictions = swapped.predict(grid.points());
        double[] values = new double[predictions.length];
        for (int g = 0; g < predictions.length; g++) {
            values[g] = loss.evaluate(predictions[g], y, x.length, 1, 1, null);
        }
        return new LossSurface(grid.xs(), grid.ys(), grid.field(values));
    }

    /** The grid point with the lowest loss, {@code [w, b, loss]}. */
    double[] minimum() {
        double[] best = {Double.NaN, Double.NaN, Double.POSITIVE_INFINITY};
        for (int iy = 0; iy < bs.length; iy++) {
            for (int ix = 0; ix < ws.length; ix++) {
                if (field[iy][ix] < best[2]) {
                    best = new double[] {ws[ix], bs[iy], field[iy][ix]};
                }
            }
        }
        return best;
    }

    /** The surface as {@code log10(loss)} bands with a colour bar, so the valley floor keeps its detail. */
    JFreeChart chart(String title, String lossName) {
        double[][] log = new double[field.length][];
        for (int iy = 0; iy < field.length; iy++) {
            log[iy] = new double[field[iy].length];
            for (int ix = 0; ix < field[iy].length; ix++) {
                log[iy][ix] = Math.log10(field[iy][ix]);
            }
        }
        return Charts.heatMap(title, "weight w", "bias b", "log10(" + lossName + " loss)", ws, bs, log);
    }
}
