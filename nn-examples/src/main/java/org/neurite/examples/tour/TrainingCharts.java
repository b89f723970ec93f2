package org.neurite.examples.tour;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.neurite.core.train.EpochMetrics;
import org.neurite.core.train.History;

/**
 * The training sections' figures, built on {@link Charts}' styling: learning curves from a {@link History},
 * data points over a decision landscape, a confusion matrix and 8 x 8 digit images, and panels laid out in
 * a grid. The sections hand over the trainer's results as they are; everything that only a figure needs
 * (reading a history into curves, counting a confusion matrix's cells) happens here.
 */
final class TrainingCharts {

    /**
     * Class 0 and class 1 over a landscape: the colour map's two ends (dark blue for output 0, dark red for
     * 1), so a point lies in its own colour where the network is right and stands out where it is wrong.
     */
    static final Color[] CLASS_COLOURS = {new Color(0x313695), new Color(0xa50026)};
    /** Class 0 red and class 1 blue, as the tutorial colours XOR's targets in its scatter plots. */
    static final Color[] TUTORIAL_COLOURS = {Color.RED, Color.BLUE};
    private static final Font CELL = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private TrainingCharts() {
    }

    /** Which per-epoch number a curve shows. */
    enum Metric {
        LOSS("loss"), ACCURACY("accuracy");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        double train(EpochMetrics m) {
            return this == LOSS ? m.trainLoss() : m.trainAccuracy();
        }

        double validation(EpochMetrics m) {
            return this == LOSS ? m.validationLoss() : m.validationAccuracy();
        }
    }

    /**
     * The training curve of {@code metric} (solid) and, when the run was validated, the validation curve
     * (dashed), both in palette colour {@code colour}; {@code name} prefixes the legend entries.
     */
    static List<Charts.Curve> curves(String name, History history, Metric metric, int colour) {
        List<EpochMetrics> epochs = history.epochs();
        double[] x = new double[epochs.size()];
        double[] train = new double[x.length];
        double[] validation = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            EpochMetrics m = epochs.get(i);
            x[i] = m.epoch();
            train[i] = metric.train(m);
            validation[i] = metric.validation(m);
        }
        String prefix = name.isEmpty() ? "" : name + ", ";
        List<Charts.Curve> curves = new ArrayList<>();
        curves.add(Charts.Curve.of(prefix + "training " + metric.label, x, train, colour));
        if (epochs.get(0).validated()) {
            curves.add(Charts.Curve.of(prefix + "validation " + metric.label, x, validation, colour).dashed());
        }
        return curves;
    }

    /**
     * The rows of {@code points} as one group per class, coloured by {@code colours} (cycled), for
     * {@link #withPoints}.
     */
    static List<Charts.Points> byClass(double[][] points, int[] labels, List<String> names, Color[] colours) {
        List<Charts.Points> groups = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            List<double[]> members = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                if (labels[i] == k) {
                    members.add(points[i]);
                }
            }
            groups.add(new Charts.Points(names.get(k), members.stream().mapToDouble(p -> p[0]).toArray(),
                    members.stream().mapToDouble(p -> p[1]).toArray(), colours[k % colours.length]));
        }
        return groups;
    }

    /**
     * Draws {@code groups} on top of {@code chart} (a heat map or any XY chart) as dots of {@code diameter}
     * pixels with a white edge (visible on the map's dark ends), listed in a legend inside the axes.
     */
    static JFreeChart withPoints(JFreeChart chart, List<Charts.Points> groups, double diameter,
                                 RectangleAnchor legendCorner) {
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer dots = Charts.addPoints(plot, groups, diameter, Color.WHITE,
                diameter > 10 ? 2f : 0.8f);
        // Only the dots in the legend: the heat map's own series is explained by its colour bar.
        Charts.legendInside(plot, dots, legendCorner);
        // The heat map switches anti-aliasing off against seams between its blocks; dots need it.
        chart.setAntiAlias(true);
        return chart;
    }

    /**
     * A confusion matrix as a heat map, true class down (the first at the top, as scikit-learn draws it)
     * and predicted class across, each cell labelled with its count, with a colour bar.
     *
     * @param counts {@code counts[true][predicted]}
     */
    static JFreeChart confusion(String title, int[][] counts, List<String> names) {
        int n = counts.length;
        double[][] series = new double[3][n * n];
        int max = 0;
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                series[0][t * n + p] = p;
                series[1][t * n + p] = t;
                series[2][t * n + p] = counts[t][p];
                max = Math.max(max, counts[t][p]);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("count", series);
        ColourMap scale = ColourMap.blues(0, Math.max(1, max), 9);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        NumberAxis x = classAxis("Predicted label", n);
        NumberAxis y = classAxis("True label", n);
        y.setInverted(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                XYTextAnnotation label = new XYTextAnnotation(String.valueOf(counts[t][p]), p, t);
                label.setFont(CELL);
                // Dark cells get white text, as scikit-learn's ConfusionMatrixDisplay does.
                label.setPaint(counts[t][p] > max / 2.0 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        JFreeChart chart = Charts.chart(title, plot);
        chart.addSubtitle(Charts.colourBar(scale, "Count"));
        return chart;
    }

    /** One 8 x 8 image (row-major, first row at the top) in grey levels over {@code [0, maxValue]}. */
    static JFreeChart image(String title, double[] pixels, int side, double maxValue) {
        double[][] series = new double[3][pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            series[0][i] = i % side;
            series[1][i] = i / side;
            series[2][i] = pixels[i];
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("pixels", series);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(ColourMap.greys(0, maxValue, 64));
        NumberAxis x = new NumberAxis();
        x.setRange(-0.5, side - 0.5);
        x.setVisible(false);
        NumberAxis y = new NumberAxis();
        y.setRange(-0.5, side - 0.5);
        y.setInverted(true);
        y.setVisible(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(Color.BLACK);
        JFreeChart chart = Charts.chart(title, plot);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        return chart;
    }

    /**
     * Draws the charts in a grid of {@code columns × rows} cells, row by row, as panels of one figure
     * {@code width × height}; cells past the last panel stay white, panels past the last cell are not drawn.
     */
    static BufferedImage renderGrid(int width, int height, int columns, int rows, List<JFreeChart> panels) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double w = width / (double) columns;
            double h = height / (double) rows;
            for (int i = 0; i < Math.min(panels.size(), columns * rows); i++) {
                panels.get(i).draw(g, new Rectangle2D.Double(i % columns * w, i / columns * h, w, h));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** An axis with one tick per class, 0 to {@code n - 1}, and the blocks centred on them. */
    private static NumberAxis classAxis(String label, int n) {
        NumberAxis axis = Charts.axis(label);
        axis.setRange(-0.5, n - 0.5);
        axis.setTickUnit(new NumberTickUnit(1));
        return axis;
    }
}
