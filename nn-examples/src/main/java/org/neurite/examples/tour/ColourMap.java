package org.neurite.examples.tour;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Matplotlib's {@code RdYlBu_r} colour map cut into bands, as {@code contourf(..., levels=20)} draws it:
 * low values blue, the middle pale yellow, high values red. Banding (rather than a smooth ramp) is what
 * makes the tutorial's straight neuron boundary and the MLP's piecewise-linear regions visible.
 * {@link #blues} and {@link #greys} are matplotlib's sequential {@code Blues} and {@code gray_r}, for counts
 * and pixel intensities, where a diverging map would suggest a meaningful middle.
 */
final class ColourMap implements PaintScale {

    /** ColorBrewer's RdYlBu, 11 classes, reversed: index 0 is the lowest value. */
    private static final Color[] ANCHORS = {
        new Color(0x313695), new Color(0x4575b4), new Color(0x74add1), new Color(0xabd9e9),
        new Color(0xe0f3f8), new Color(0xffffbf), new Color(0xfee090), new Color(0xfdae61),
        new Color(0xf46d43), new Color(0xd73027), new Color(0xa50026),
    };
    /** ColorBrewer's Blues, 9 classes: white for the lowest value, dark blue for the highest. */
    private static final Color[] BLUES = {
        new Color(0xf7fbff), new Color(0xdeebf7), new Color(0xc6dbef), new Color(0x9ecae1), new Color(0x6baed6),
        new Color(0x4292c6), new Color(0x2171b5), new Color(0x08519c), new Color(0x08306b),
    };
    /** White to black, as matplotlib's {@code gray_r} draws an image's intensities. */
    private static final Color[] GREYS = {Color.WHITE, Color.BLACK};

    private final double lower;
    private final double upper;
    private final Color[] bands;

    /**
     * A scale over {@code [lower, upper]} with {@code levels} bands; a constant field (lower == upper)
     * gets a tiny range around its value, so it still draws in the middle colour.
     */
    ColourMap(double lower, double upper, int levels) {
        this(lower, upper, levels, ANCHORS);
    }

    /** Matplotlib's {@code Blues} in {@code levels} bands over {@code [lower, upper]}. */
    static ColourMap blues(double lower, double upper, int levels) {
        return new ColourMap(lower, upper, levels, BLUES);
    }

    /** White (lowest) to black (highest) in {@code levels} bands over {@code [lower, upper]}. */
    static ColourMap greys(double lower, double upper, int levels) {
        return new ColourMap(lower, upper, levels, GREYS);
    }

    private ColourMap(double lower, double upper, int levels, Color[] anchors) {
        double span = upper - lower;
        if (!(span > 1e-12 * Math.max(1.0, Math.abs(lower)))) {
            double pad = Math.max(1e-6, Math.abs(lower) * 1e-6);
            lower -= pad;
            upper += pad;
        }
        this.lower = lower;
        this.upper = upper;
        this.bands = new Color[levels];
        for (int i = 0; i < levels; i++) {
            bands[i] = ramp(anchors, levels == 1 ? 0.5 : i / (levels - 1.0));
        }
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        double t = (value - lower) / (upper - lower);
        int band = (int) Math.floor(t * bands.length);
        return bands[Math.max(0, Math.min(bands.length - 1, band))];
    }

    /** Linear interpolation between the anchors, {@code t} in [0, 1]. */
    private static Color ramp(Color[] anchors, double t) {
        double pos = t * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        Color a = anchors[i];
        Color b = anchors[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
