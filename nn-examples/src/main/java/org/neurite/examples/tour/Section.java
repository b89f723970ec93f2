package org.neurite.examples.tour;

import org.neurite.api.Stability;

/**
 * One section of the tutorial, runnable alone (its own CLI command) or as part of the {@link Tour}.
 * A section prints through {@link TourContext#out()} and saves figures through {@link TourContext#figure};
 * every number it prints is computed by Neurite on the context's backend and dtype.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface Section {

    /** The CLI command that runs this section alone, for example {@code neuron}. */
    String command();

    /** The section's title, as the tutorial names it, for headings and {@code index.html}. */
    String title();

    /** One line for the command's {@code --help}. */
    String description();

    /** Prints the section and writes its figures. */
    void run(TourContext context);

    /**
     * The part of the tutorial the section belongs to, under which {@code index.html} lists it. The default
     * is {@link Part#LEARNING}: the sections after the forward-pass tutorial are about training.
     */
    default Part part() {
        return Part.LEARNING;
    }

    /**
     * The tour's parts, after the tutorial's own headings: the neuron and its activations up to the XOR fix
     * ("The Artificial Neuron" to "Fixing XOR with Non-Linearity"), then layers and the MLP ("Layers: Input,
     * Hidden, Output" to "Testing the MLP on Simple Data"), then what its "What's Next" announces, "Part 3:
     * How Neural Networks Learn".
     */
    enum Part {
        /** The neuron, weights and biases, activation functions and why non-linearity matters. */
        NEURON("The neuron: weights, biases, activations and non-linearity"),
        /** Dense layers, forward propagation and the multi-layer perceptron, untrained. */
        NETWORK("Layers, forward propagation and the multi-layer perceptron"),
        /** Losses, gradient descent, backpropagation and training. */
        LEARNING("How neural networks learn");

        private final String title;

        Part(String title) {
            this.title = title;
        }

        /** The part's title, without its number. */
        public String title() {
            return title;
        }

        /** The part's number, from 1. */
        public int number() {
            return ordinal() + 1;
        }
    }
}
