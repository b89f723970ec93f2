package org.neurite.spark;

import java.util.List;
import org.neurite.api.Layer;
import org.neurite.core.Mlp;

/** How a classifier's outputs become class probabilities, decided from its last layer's activation. */
enum Probabilities {
    /** The outputs are probabilities already (a softmax layer). */
    AS_IS,
    /** The outputs are log-probabilities (a log_softmax layer). */
    EXP,
    /** The outputs are logits. */
    SOFTMAX,
    /** One output, a probability (a sigmoid layer): {@code [1 - p, p]}. */
    BINARY,
    /** One output, a logit: {@code [1 - sigmoid(z), sigmoid(z)]}. */
    BINARY_LOGIT;

    static Probabilities of(Mlp model) {
        List<Layer> layers = model.layers();
        String last = layers.get(layers.size() - 1).activation().name().toLowerCase(java.util.Locale.ROOT);
        if (model.outputSize() == 1) {
            return last.equals("sigmoid") ? BINARY : BINARY_LOGIT;
        }
        return switch (last) {
            case "softmax" -> AS_IS;
            case "log_softmax" -> EXP;
            default -> SOFTMAX;
        };
    }

    /** The number of probabilities for {@code outputs} outputs. */
    int width(int outputs) {
        return outputs == 1 ? 2 : outputs;
    }

    /** Writes the probabilities of the output row at {@code y[offset .. offset + outputs)} into {@code p}. */
    void apply(double[] y, int offset, int outputs, double[] p) {
        switch (this) {
            case AS_IS -> System.arraycopy(y, offset, p, 0, outputs);
            case EXP -> {
                for (int j = 0; j < outputs; j++) {
                    p[j] = Math.exp(y[offset + j]);
                }
            }
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < outputs; j++) {
                    max = Math.max(max, y[offset + j]);
                }
                double sum = 0;
                for (int j = 0; j < outputs; j++) {
                    p[j] = Math.exp(y[offset + j] - max);
                    sum += p[j];
                }
                for (int j = 0; j < outputs; j++) {
                    p[j] /= sum;
                }
            }
            case BINARY -> {
                p[1] = y[offset];
                p[0] = 1 - y[offset];
            }
            case BINARY_LOGIT -> {
                double z = y[offset];
                p[1] = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
                p[0] = 1 - p[1];
            }
            default -> throw new AssertionError(this);
        }
    }
}
