/**
 * The tutorial tour: each section of the tutorial (the neuron, weights and biases, activations, the linear
 * collapse, XOR, layers, the step-by-step trace, the MLP, its landscape, the architectures exercise) as a
 * runnable example that prints what Neurite computes and draws the tutorial's figures with JFreeChart.
 *
 * <p>The CLI runs them: {@code neurite tour --out DIR} runs all of them in order and writes
 * {@code tour.txt} and {@code index.html}; each section is also its own command.
 */
package org.neurite.examples.tour;
