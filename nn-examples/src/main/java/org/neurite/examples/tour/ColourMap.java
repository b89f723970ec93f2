package org.neurite.examples.tour;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Matplotlib's {@code RdYlBu_r} colour map cut into bands, as {@code contourf(..., levels=20)} draws it:
 * low values blue, the middle pale yellow, high values red. Banding (rather than a smooth ramp) is what
 * makes the tutorial's straight neuron boundary and the MLP's piecewise-linear regions visible.
 */
final class ColourMap implements PaintScale {

    /** ColorBrewer's RdYlBu, 11 classes, reversed: index 0 is the lowest value. */
    private static final Color[] ANCHORS = {
        new Color(0x313695), new Color(0x4575b4), new Color(0x74add1), new Color(0xabd9e9),
        new Color(0xe0f3f8), new Color(0xffffbf), new Color(0xfee090), new Color(0xfdae61),
        new Color(0xf46d43), new Color(0xd73027), new Color(0xa50026),
    };

    private final double lower;
    private final double upper;
    private final Color[] bands;

    /**
     * A scale over {@code [lower, upper]} with {@code levels} bands; a constant field (lower == upper)
     * gets a tiny range around its value, so it still draws in the middle colour.
     */
    ColourMap(double lower, double upper, int levels) {
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
            bands[i] = ramp(levels == 1 ? 0.5 : i / (levels - 1.0));
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
    private static Color ramp(double t) {
        double pos = t * (ANCHORS.length - 1);
        int i = Math.min(ANCHORS.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        Color a = ANCHORS[i];
        Color b = ANCHORS[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
