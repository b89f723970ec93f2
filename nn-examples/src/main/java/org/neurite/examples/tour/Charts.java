package org.neurite.examples.tour;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The one place that knows JFreeChart: every section describes its figure in data (curves, a field over a
 * grid, points, bars) and gets back a chart styled like the tutorial's matplotlib figures (white background,
 * faint grid, legend inside the axes, contour-style colour bands), so no section repeats chart code.
 */
final class Charts {

    static {
        // Before any AWT class loads: the tour renders off screen, also on machines without a display.
        System.setProperty("java.awt.headless", "true");
    }

    /** Matplotlib's default colour cycle ("tab10"), so curves get the colours the tutorial's figures have. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf),
    };
    static final Color GREY = new Color(0x808080);

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color GRID = new Color(0xdddddd);
    private static final Color FAINT = new Color(0, 0, 0, 80);
    private static final int CONTOUR_LEVELS = 20;
    /** Heat maps are drawn on about this many cells per axis, interpolated between the computed samples. */
    private static final int DISPLAY_CELLS = 300;
    /** About this many tick intervals per axis, as matplotlib shows. */
    private static final int TICKS_PER_AXIS = 7;

    private Charts() {
    }

    /** How a curve is stroked, after matplotlib's {@code linestyle}. */
    enum Style { SOLID, DASHED, DOTTED }

    /**
     * One curve of a line chart.
     *
     * @param label its legend entry; unique within a chart
     */
    record Curve(String label, double[] x, double[] y, Color colour, Style style, float width) {
        static Curve of(String label, double[] x, double[] y, int colour) {
            return new Curve(label, x, y, PALETTE[colour % PALETTE.length], Style.SOLID, 2f);
        }

        Curve dashed() {
            return new Curve(label, x, y, colour, Style.DASHED, width);
        }

        Curve dotted() {
            return new Curve(label, x, y, colour, Style.DOTTED, width);
        }

        Curve width(float w) {
            return new Curve(label, x, y, colour, style, w);
        }

        Curve colour(Color c) {
            return new Curve(label, x, y, c, style, width);
        }
    }

    /** Points of one class in a scatter plot, drawn as large circles with a black edge. */
    record Points(String label, double[] x, double[] y, Color colour) { }

    /**
     * A line chart with a faint grid and the legend inside the axes.
     *
     * @param legendCorner where the legend sits, a corner the curves leave empty (TOP_LEFT, TOP_RIGHT,
     *     BOTTOM_LEFT or BOTTOM_RIGHT)
     */
    static JFreeChart lines(String title, String xLabel, String yLabel, List<Curve> curves,
                            RectangleAnchor legendCorner) {
        XYPlot plot = new XYPlot(curveData(curves), axis(xLabel), axis(yLabel), curveRenderer(curves));
        // Later curves on top, as matplotlib draws them (JFreeChart's default is the reverse).
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        grid(plot);
        legendInside(plot, legendCorner);
        niceTicks(plot);
        return chart(title, plot);
    }

    /**
     * A field over a regular grid as contour-style colour bands (matplotlib's
     * {@code contourf(levels=20, cmap='RdYlBu_r')}) with a colour bar, and the faint dashed axes through 0.
     *
     * @param xs at least 2 increasing, evenly spaced values; so are {@code ys}
     * @param z {@code z[iy][ix]}, the value at {@code (xs[ix], ys[iy])}
     */
    static JFreeChart heatMap(String title, String xLabel, String yLabel, String scaleLabel,
                              double[] xs, double[] ys, double[][] z) {
        return heatMap(title, xLabel, yLabel, scaleLabel, xs, ys, z, Double.NaN, Double.NaN);
    }

    /**
     * As {@link #heatMap(String, String, String, String, double[], double[], double[][])}, with the colour
     * scale over {@code [scaleLo, scaleHi]} (NaN for the field's own range), so that panels side by side can
     * share one scale.
     */
    static JFreeChart heatMap(String title, String xLabel, String yLabel, String scaleLabel,
                              double[] xs, double[] ys, double[][] z, double scaleLo, double scaleHi) {
        // contourf draws its bands on a field interpolated between the samples; so do we, bilinearly, so that
        // band edges are straight lines rather than the staircase of the computed grid.
        int fx = Math.max(1, (DISPLAY_CELLS + xs.length - 1) / xs.length);
        int fy = Math.max(1, (DISPLAY_CELLS + ys.length - 1) / ys.length);
        int nx = (xs.length - 1) * fx + 1;
        int ny = (ys.length - 1) * fy + 1;
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] series = new double[3][nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int iy = 0; iy < ny; iy++) {
            int y0 = Math.min(iy / fy, ys.length - 2);
            double ty = (iy - y0 * fy) / (double) fy;
            for (int ix = 0; ix < nx; ix++) {
                int x0 = Math.min(ix / fx, xs.length - 2);
                double tx = (ix - x0 * fx) / (double) fx;
                double v = (1 - ty) * ((1 - tx) * z[y0][x0] + tx * z[y0][x0 + 1])
                        + ty * ((1 - tx) * z[y0 + 1][x0] + tx * z[y0 + 1][x0 + 1]);
                int k = iy * nx + ix;
                series[0][k] = xs[x0] + tx * (xs[x0 + 1] - xs[x0]);
                series[1][k] = ys[y0] + ty * (ys[y0 + 1] - ys[y0]);
                series[2][k] = v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        data.addSeries(scaleLabel, series);
        ColourMap scale = Double.isNaN(scaleLo) ? new ColourMap(lo, hi, CONTOUR_LEVELS)
                : new ColourMap(scaleLo, scaleHi, CONTOUR_LEVELS);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setBlockWidth(step(xs) / fx);
        renderer.setBlockHeight(step(ys) / fy);
        NumberAxis x = axis(xLabel);
        x.setRange(xs[0], xs[xs.length - 1]);
        NumberAxis y = axis(yLabel);
        y.setRange(ys[0], ys[ys.length - 1]);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        zeroLines(plot, true);
        niceTicks(plot);
        JFreeChart chart = chart(title, plot);
        // Neighbouring blocks must not show seams; text stays anti-aliased (a separate hint).
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        chart.addSubtitle(colourBar(scale, scaleLabel));
        return chart;
    }

    /** Scatter points (on top) with optional curves (such as a decision boundary) beneath them. */
    static JFreeChart scatter(String title, String xLabel, String yLabel, List<Points> groups,
                              List<Curve> curves, double[] xRange, double[] yRange) {
        NumberAxis x = axis(xLabel);
        x.setRange(xRange[0], xRange[1]);
        NumberAxis y = axis(yLabel);
        y.setRange(yRange[0], yRange[1]);
        XYPlot plot = new XYPlot(curveData(curves), x, y, curveRenderer(curves));
        addPoints(plot, groups, 18, Color.BLACK, 2f);
        grid(plot);
        legendInside(plot, RectangleAnchor.TOP_RIGHT);
        niceTicks(plot);
        return chart(title, plot);
    }

    /**
     * Draws {@code groups} on top of everything {@code plot} shows so far, as circles of {@code diameter}
     * pixels with an {@code edge} of {@code edgeWidth}; returns their renderer, for a legend of the dots alone.
     */
    static XYLineAndShapeRenderer addPoints(XYPlot plot, List<Points> groups, double diameter, Color edge,
                                            float edgeWidth) {
        XYSeriesCollection points = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        Shape circle = new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
        for (int i = 0; i < groups.size(); i++) {
            Points g = groups.get(i);
            XYSeries s = new XYSeries(g.label(), false, true);
            for (int k = 0; k < g.x().length; k++) {
                s.add(g.x()[k], g.y()[k]);
            }
            points.addSeries(s);
            dots.setSeriesShape(i, circle);
            dots.setSeriesPaint(i, g.colour());
            dots.setSeriesOutlinePaint(i, edge);
            dots.setSeriesOutlineStroke(i, new BasicStroke(edgeWidth));
        }
        dots.setUseOutlinePaint(true);
        dots.setDrawOutlines(true);
        int index = plot.getDatasetCount();
        plot.setDataset(index, points);
        plot.setRenderer(index, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return dots;
    }

    /** A bar chart, each bar labelled with its value. */
    static JFreeChart bars(String title, String xLabel, String yLabel, List<String> categories, double[] values,
                           String valueFormat) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < values.length; i++) {
            data.addValue(values[i], yLabel, categories.get(i));
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, PALETTE[0]);
        renderer.setItemMargin(0.0);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat(valueFormat, DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(LEGEND);
        CategoryAxis x = new CategoryAxis(xLabel);
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICKS);
        NumberAxis y = axis(yLabel);
        y.setUpperMargin(0.15);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        niceTicks(y);
        return chart(title, plot);
    }

    /** Overlaid histograms of samples, each series with {@code bins} bins over {@code [min, max]}. */
    static JFreeChart histogram(String title, String xLabel, String yLabel, List<String> labels,
                                List<double[]> samples, int bins, double min, double max) {
        HistogramDataset data = new HistogramDataset();
        for (int i = 0; i < labels.size(); i++) {
            data.addSeries(labels.get(i), samples.get(i), bins, min, max);
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        for (int i = 0; i < labels.size(); i++) {
            Color c = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
            renderer.setSeriesOutlinePaint(i, c.darker());
        }
        XYPlot plot = new XYPlot(data, axis(xLabel), axis(yLabel), renderer);
        grid(plot);
        legendInside(plot, RectangleAnchor.TOP_RIGHT);
        niceTicks(plot);
        return chart(title, plot);
    }

    /** The solid black axes {@code y = 0} and {@code x = 0} (matplotlib's {@code axhline(0); axvline(0)}). */
    static JFreeChart withAxes(JFreeChart chart) {
        zeroLines(chart.getXYPlot(), false);
        return chart;
    }

    /** A faint grey dashed reference line, horizontal at {@code y} or vertical at {@code x} (NaN for none). */
    static JFreeChart withReference(JFreeChart chart, double x, double y) {
        XYPlot plot = chart.getXYPlot();
        Stroke dashed = stroke(Style.DASHED, 1.2f);
        if (!Double.isNaN(x)) {
            plot.addDomainMarker(new ValueMarker(x, new Color(128, 128, 128, 150), dashed));
        }
        if (!Double.isNaN(y)) {
            plot.addRangeMarker(new ValueMarker(y, new Color(128, 128, 128, 150), dashed));
        }
        return chart;
    }

    /**
     * Draws {@code paths} over an existing chart (a heat map, say): each a line through its points with a
     * small dot at every point, so the step sizes show, and a legend for them inside the axes.
     */
    static JFreeChart withPaths(JFreeChart chart, List<Curve> paths, RectangleAnchor legendCorner) {
        XYPlot plot = chart.getXYPlot();
        // The legend is the paths': the field underneath has its colour bar.
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            if (plot.getRenderer(i) != null) {
                plot.getRenderer(i).setDefaultSeriesVisibleInLegend(false);
            }
        }
        XYLineAndShapeRenderer r = curveRenderer(paths);
        r.setDefaultShapesVisible(true);
        Shape dot = new Ellipse2D.Double(-2.5, -2.5, 5, 5);
        for (int i = 0; i < paths.size(); i++) {
            r.setSeriesShape(i, dot);
        }
        int index = plot.getDatasetCount();
        plot.setDataset(index, curveData(paths));
        plot.setRenderer(index, r);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        legendInside(plot, legendCorner);
        return chart;
    }

    /** Shows the value axis over {@code [lo, hi]} only (matplotlib's {@code set_ylim}); curves leave the plot. */
    static JFreeChart withYRange(JFreeChart chart, double lo, double hi) {
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        y.setRange(lo, hi);
        niceTicks(y);
        return chart;
    }

    /**
     * Puts the value axis on a log scale (matplotlib's {@code set_yscale('log')}), with powers of ten as
     * ticks; every curve's values must be positive.
     */
    static JFreeChart withLogScaleY(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        NumberAxis old = (NumberAxis) plot.getRangeAxis();
        org.jfree.chart.axis.LogAxis log = new org.jfree.chart.axis.LogAxis(old.getLabel());
        log.setLabelFont(LABEL);
        log.setTickLabelFont(TICKS);
        log.setBase(10);
        log.setSmallestValue(1e-300);
        log.setNumberFormatOverride(new LogTickFormat());
        // Room above the curves for the legend.
        log.setUpperMargin(0.3);
        plot.setRangeAxis(log);
        return chart;
    }

    /** Draws the charts side by side, left to right, as panels of one figure {@code width × height}. */
    static BufferedImage render(int width, int height, JFreeChart... panels) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double w = width / (double) panels.length;
            for (int i = 0; i < panels.length; i++) {
                panels[i].draw(g, new Rectangle2D.Double(i * w, 0, w, height));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Log-axis tick labels as people write them: {@code 0.5}, {@code 20}, and {@code 1e+120} for the huge. */
    private static final class LogTickFormat extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            double magnitude = Math.abs(number);
            String text = magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e5)
                    ? new java.math.BigDecimal(String.format(Locale.ROOT, "%.2g", number)).stripTrailingZeros()
                            .toPlainString()
                    : String.format(Locale.ROOT, "%.0e", number);
            return toAppendTo.append(text);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are only formatted");
        }
    }

    private static XYSeriesCollection curveData(List<Curve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.label(), false, true);
            for (int i = 0; i < c.x().length; i++) {
                s.add(c.x()[i], c.y()[i]);
            }
            data.addSeries(s);
        }
        return data;
    }

    private static XYLineAndShapeRenderer curveRenderer(List<Curve> curves) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // One path per curve, so a dash pattern runs along it instead of restarting at every sample.
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < curves.size(); i++) {
            r.setSeriesPaint(i, curves.get(i).colour());
            r.setSeriesStroke(i, stroke(curves.get(i).style(), curves.get(i).width()));
        }
        // Legend lines long enough to show the dash pattern.
        r.setLegendLine(new java.awt.geom.Line2D.Double(-14, 0, 14, 0));
        return r;
    }

    private static Stroke stroke(Style style, float width) {
        switch (style) {
            case DASHED:
                return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {3.7f * width, 1.6f * width}, 0f);
            case DOTTED:
                return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {1f, 1.65f * width}, 0f);
            default:
                return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
    }

    static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICKS);
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeStickyZero(false);
        return axis;
    }

    static void grid(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(Color.BLACK);
    }

    private static void zeroLines(XYPlot plot, boolean faintDashed) {
        Color colour = faintDashed ? FAINT : Color.BLACK;
        Stroke stroke = faintDashed ? stroke(Style.DASHED, 1.5f) : new BasicStroke(0.8f);
        plot.addDomainMarker(new ValueMarker(0, colour, stroke));
        plot.addRangeMarker(new ValueMarker(0, colour, stroke));
    }

    static void legendInside(XYPlot plot, RectangleAnchor corner) {
        legendInside(plot, plot, corner);
    }

    /** As {@link #legendInside(XYPlot, RectangleAnchor)}, listing only the items of {@code source}. */
    static void legendInside(XYPlot plot, LegendItemSource source, RectangleAnchor corner) {
        LegendTitle legend = new LegendTitle(source, new ColumnArrangement(), new ColumnArrangement());
        legend.setItemFont(LEGEND);
        legend.setBackgroundPaint(new Color(255, 255, 255, 225));
        legend.setFrame(new BlockBorder(new Color(0xcccccc)));
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 6));
        boolean left = corner == RectangleAnchor.TOP_LEFT || corner == RectangleAnchor.BOTTOM_LEFT;
        boolean top = corner == RectangleAnchor.TOP_LEFT || corner == RectangleAnchor.TOP_RIGHT;
        double x = left ? 0.02 : 0.98;
        double y = top ? 0.98 : 0.02;
        XYTitleAnnotation annotation = new XYTitleAnnotation(x, y, legend, corner);
        annotation.setMaxWidth(0.6);
        plot.addAnnotation(annotation);
    }

    static PaintScaleLegend colourBar(PaintScale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICKS);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        niceTicks(axis, 10);
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(18);
        bar.setSubdivisionCount(400);
        bar.setAxisOffset(2);
        bar.setMargin(new RectangleInsets(8, 12, 8, 8));
        return bar;
    }

    static JFreeChart chart(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        return chart;
    }

    static void niceTicks(XYPlot plot) {
        niceTicks((NumberAxis) plot.getDomainAxis());
        niceTicks((NumberAxis) plot.getRangeAxis());
    }

    /**
     * About {@link #TICKS_PER_AXIS} ticks at 1, 2, 2.5 or 5 times a power of ten. JFreeChart's automatic
     * choice takes the smallest unit whose labels fit, which draws a dense grid; matplotlib's is sparser.
     * The axis range is already known here: the plot computed it from the data when it was built.
     */
    private static void niceTicks(NumberAxis axis) {
        niceTicks(axis, TICKS_PER_AXIS);
    }

    /** As {@link #niceTicks(NumberAxis)} with about {@code count} intervals. */
    private static void niceTicks(NumberAxis axis, int count) {
        double raw = axis.getRange().getLength() / count;
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double unit = 10 * magnitude;
        for (double m : new double[] {1, 2, 2.5, 5}) {
            if (m * magnitude >= raw) {
                unit = m * magnitude;
                break;
            }
        }
        // As many decimals as the unit needs (0.2 -> "0.4", 2.5 -> "7.5", 1 -> "3"), always with a point.
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(unit) - 1e-9));
        if (Math.abs(unit * Math.pow(10, decimals) - Math.rint(unit * Math.pow(10, decimals))) > 1e-9) {
            decimals++;
        }
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        axis.setTickUnit(new NumberTickUnit(unit, format), false, true);
    }

    private static double step(double[] values) {
        return values[1] - values[0];
    }
}
