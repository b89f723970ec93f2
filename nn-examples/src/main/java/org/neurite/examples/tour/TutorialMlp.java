package org.neurite.examples.tour;

import java.util.List;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.core.init.Initializer;
import org.neurite.core.init.Initializers;

/**
 * The tutorial's {@code MLP(layer_sizes, activations)} class on Neurite: its initialisation is
 * {@code randn * sqrt(2 / n_in)} for ReLU layers (He normal) and {@code randn * sqrt(1 / n_in)} for the
 * others, which the tutorial calls Xavier but is LeCun normal. Neurite's own default would pick Xavier
 * for sigmoid; the tour keeps the tutorial's scheme so its networks are the tutorial's networks. The MLP
 * and landscape sections write their one network each out with {@link Mlp#builder()} in this scheme, as
 * API examples; the architectures exercise builds three from their sizes here.
 */
final class TutorialMlp {

    /** How the tour describes the initialisation it uses. */
    static final String INIT_NOTE = "Initialisation as in the tutorial's MLP: He normal, randn*sqrt(2/n_in), for "
            + "ReLU layers; randn*sqrt(1/n_in) for the others (the tutorial calls that Xavier; it is LeCun normal).";

    private TutorialMlp() {
    }

    /**
     * @param sizes the input size then each layer's size, for example {@code {2, 4, 3, 1}}
     * @param activations one per layer
     * @param seed the builder's seed: all layers draw from one {@code Random(seed)}, in order, as numpy does
     */
    static Mlp build(TourContext ctx, long seed, int[] sizes, List<String> activations) {
        if (activations.size() != sizes.length - 1) {
            throw new IllegalArgumentException("activations: expected " + (sizes.length - 1) + ", got "
                    + activations.size());
        }
        MlpBuilder b = Mlp.builder().backend(ctx.backend()).dtype(ctx.dtype()).activations(ctx.activations())
                .seed(seed)
                .input(sizes[0]);
        for (int i = 1; i < sizes.length; i++) {
            String act = activations.get(i - 1);
            Initializer init = act.equals("relu") ? Initializers.heNormal() : Initializers.lecunNormal();
            b.dense(sizes[i], act, init);
        }
        return b.build();
    }

    /** ReLU on every hidden layer and sigmoid on the output, the tutorial's default. */
    static Mlp reluSigmoid(TourContext ctx, long seed, int... sizes) {
        String[] acts = new String[sizes.length - 1];
        java.util.Arrays.fill(acts, "relu");
        acts[acts.length - 1] = "sigmoid";
        return build(ctx, seed, sizes, List.of(acts));
    }

    /** The layer sizes as {@code [2, 8, 4, 1]}. */
    static String sizes(Mlp mlp) {
        StringBuilder sb = new StringBuilder("[").append(mlp.inputSize());
        mlp.layers().forEach(l -> sb.append(", ").append(l.outputSize()));
        return sb.append(']').toString();
    }
}
