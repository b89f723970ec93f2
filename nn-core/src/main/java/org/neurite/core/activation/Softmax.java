package org.neurite.core.activation;

/**
 * Row-wise softmax {@code a_j = e^(z_j - m) / Σ_k e^(z_k - m)} with {@code m} the row's maximum, so that no
 * exponent is positive: {@code softmax([1000, 1000, 999])} is exact. The backward pass is the
 * Jacobian-vector product {@code gradZ = a ⊙ (gradA - Σ_k gradA_k·a_k)}, read from the output {@code a}.
 */
final class Softmax extends RowwiseActivation {

    Softmax() {
        super("softmax");
    }

    @Override
    void forwardRow(double[] z, double[] out) {
        double m = max(z);
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            double e = Math.exp(z[j] - m);
            out[j] = e;
            sum += e;
        }
        for (int j = 0; j < z.length; j++) {
            out[j] /= sum;
        }
    }

    @Override
    void backwardRow(double[] a, double[] gradA, double[] gradZ) {
        double dot = 0;
        for (int j = 0; j < a.length; j++) {
            dot += gradA[j] * a[j];
        }
        for (int j = 0; j < a.length; j++) {
            gradZ[j] = a[j] * (gradA[j] - dot);
        }
    }

    @Override
    boolean backwardReadsOutput() {
        return true;
    }
}
