package org.neurite.core.activation;

/**
 * Row-wise {@code log softmax}, computed directly, never as {@code log(softmax)}:
 * {@code a_j = (z_j - m) - log1p(Σ_{k≠k*} e^(z_k - m))} with {@code m = z_k*} the row's maximum. Leaving
 * the maximum's own term (exactly 1) out of the sum and using {@code log1p} keeps the digits of a tiny
 * log-sum: for the row {@code [0, -30]} the first output is {@code -9.4e-14}, which {@code log} of a sum
 * near 1 would get wrong in the third digit.
 *
 * <p>The backward pass is {@code gradZ = gradA - softmax(z)·Σ_k gradA_k}, with softmax recomputed from the
 * input {@code z} (not as {@code e^a} from a float32-rounded output).
 */
final class LogSoftmax extends RowwiseActivation {

    LogSoftmax() {
        super("log_softmax");
    }

    @Override
    void forwardRow(double[] z, double[] out) {
        if (z.length == 0) {
            return;
        }
        int arg = argmax(z);
        double m = z[arg];
        double rest = 0;
        for (int j = 0; j < z.length; j++) {
            if (j != arg) {
                rest += Math.exp(z[j] - m);
            }
        }
        double logSum = Math.log1p(rest);
        for (int j = 0; j < z.length; j++) {
            out[j] = (z[j] - m) - logSum;
        }
    }

    @Override
    void backwardRow(double[] z, double[] gradA, double[] gradZ) {
        if (z.length == 0) {
            return;
        }
        double m = max(z);
        double sum = 0;
        double total = 0;
        for (int j = 0; j < z.length; j++) {
            sum += Math.exp(z[j] - m);
            total += gradA[j];
        }
        for (int j = 0; j < z.length; j++) {
            gradZ[j] = gradA[j] - Math.exp(z[j] - m) / sum * total;
        }
    }

    @Override
    boolean backwardReadsOutput() {
        return false;
    }

    private static int argmax(double[] z) {
        int arg = 0;
        for (int j = 1; j < z.length; j++) {
            if (z[j] > z[arg]) {
                arg = j;
            }
        }
        return arg;
    }
}
