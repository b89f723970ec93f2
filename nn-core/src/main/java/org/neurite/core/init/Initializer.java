package org.neurite.core.init;

import java.util.Random;
import org.neurite.api.Stability;

/**
 * Draws a layer's initial weights.
 *
 * <p>Weights are drawn in Java, from a {@link Random} seeded by the model builder, and only then copied into
 * the backend's tensors: the same seed therefore builds the same network on every backend and dtype
 * (float32 rounds the same doubles). {@link Random}'s algorithm is fixed by its specification, so a seed
 * also reproduces across JDK versions.
 */
@Stability(Stability.Status.STABLE)
@FunctionalInterface
public interface Initializer {

    /**
     * Fills a weight matrix of shape {@code (fanOut, fanIn)}, row-major.
     *
     * @param weights modified; {@code fanOut * fanIn} long
     * @param fanIn the number of inputs of the layer
     * @param fanOut the number of outputs of the layer
     * @param random the seeded source; advance it only by the draws made
     */
    void fill(double[] weights, int fanIn, int fanOut, Random random);
}
