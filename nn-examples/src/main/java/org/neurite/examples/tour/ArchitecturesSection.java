package org.neurite.examples.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jfree.chart.JFreeChart;
import org.neurite.api.Layer;
import org.neurite.core.Mlp;

/**
 * The tutorial's closing exercise: three MLPs "with the same total parameters", wide, deep and balanced,
 * with their landscapes. Their parameter counts are counted by Neurite and printed beside the tutorial's
 * figures, which are wrong (and the three totals are not equal either).
 */
final class ArchitecturesSection implements Section {

    /** One architecture of the exercise and the parameter count the tutorial claims for it. */
    private record Architecture(String name, int[] sizes, String tutorialSays) { }

    private static final List<Architecture> ARCHITECTURES = List.of(
            new Architecture("Wide and shallow", new int[] {2, 32, 1}, "66"),
            new Architecture("Narrow and deep", new int[] {2, 4, 4, 4, 4, 1}, "~60"),
            new Architecture("Balanced", new int[] {2, 8, 8, 1}, "~89"));

    @Override
    public String command() {
        return "architectures";
    }

    @Override
    public String title() {
        return "Exercise: depth versus width";
    }

    @Override
    public Part part() {
        return Part.NETWORK;
    }

    @Override
    public String description() {
        return "Three architectures side by side with their true parameter counts and landscapes "
                + "(architectures_landscapes.png).";
    }

    @Override
    public void run(TourContext ctx) {
        Grid grid = Grid.square(-3, 3, 80);
        List<Landscape> landscapes = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        String best = null;
        int mostRegions = -1;
        ctx.printf("Each network: ReLU hidden layers, sigmoid output, the same seed (java.util.Random(%d)).%n%n",
                ctx.seedFor(7));
        // Laid out to fit the tour's 100 columns: "Tutorial" is the count the tutorial says, "Counted" Neurite's.
        ctx.printf("%-16s %-18s %-8s %-7s %-21s %-7s %s%n", "Architecture", "Layer sizes", "Tutorial",
                "Counted", "Per layer", "Regions", "Output range");
        ctx.println("-".repeat(99));
        for (Architecture a : ARCHITECTURES) {
            Mlp mlp = TutorialMlp.reluSigmoid(ctx, ctx.seedFor(7), a.sizes());
            Landscape landscape = Landscape.of(grid, mlp.trace(grid.points()));
            StringJoiner perLayer = new StringJoiner(" + ");
            for (Layer l : mlp.layers()) {
                perLayer.add(String.valueOf(l.parameterCount()));
            }
            ctx.printf("%-16s %-18s %-8s %-7d %-21s %-7d [%.4f, %.4f]%n", a.name(), TutorialMlp.sizes(mlp),
                    a.tutorialSays(), mlp.parameterCount(), perLayer, landscape.regions(), landscape.min(),
                    landscape.max());
            counts.add(mlp.parameterCount());
            if (landscape.regions() > mostRegions) {
                mostRegions = landscape.regions();
                best = a.name();
            }
            landscapes.add(landscape);
            titles.add(a.name() + " " + TutorialMlp.sizes(mlp) + ", " + mlp.parameterCount() + " params");
        }
        ctx.println();
        ctx.println("Per layer: (inputs x outputs) weights + outputs biases; e.g. [2, 32, 1] = (2*32 + 32) + "
                + "(32*1 + 1).");
        ctx.printf("The totals are %s: %s.%n", counts.stream().distinct().count() == 1 ? "equal" : "NOT equal",
                counts);
        ctx.printf("Most linear regions on the 80 x 80 grid (the most complex boundaries): %s, %d regions.%n",
                best, mostRegions);
        ctx.println("(Regions: distinct on/off patterns of the ReLU units over the grid's 6400 points; within one "
                + "region the network is a single affine map.)");
        // One colour scale for the three panels, so that one colour is one output value in all of them.
        double lo = landscapes.stream().mapToDouble(Landscape::min).min().orElseThrow();
        double hi = landscapes.stream().mapToDouble(Landscape::max).max().orElseThrow();
        List<JFreeChart> panels = new ArrayList<>();
        for (int i = 0; i < landscapes.size(); i++) {
            panels.add(landscapes.get(i).chart(titles.get(i), "Output", lo, hi));
        }
        ctx.figure("architectures_landscapes.png", "The three untrained networks' landscapes side by side, on "
                + "one colour scale, [" + Fmt.num(lo, 4) + ", " + Fmt.num(hi, 4) + "], shared by the three panels.",
                Charts.render(1800, 550, panels.toArray(new JFreeChart[0])));
    }
}
