package org.neurite.examples.custom;

import org.neurite.api.Stability;
import org.neurite.core.Mlp;

/** Uses the custom {@code bent_identity} by name, exactly as a built-in activation is used. */
@Stability(Stability.Status.EXPERIMENTAL)
public final class CustomActivationExample {

    private CustomActivationExample() {
    }

    /** Builds a small network with a {@code bent_identity} hidden layer and prints its summary and outputs. */
    public static void main(String[] args) {
        Mlp mlp = Mlp.builder().input(2).dense(3, "bent_identity").dense(1, "sigmoid").seed(42).build();
        System.out.print(mlp.summary());
        double[][] y = mlp.predict(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        for (double[] row : y) {
            System.out.printf("%.4f%n", row[0]);
        }
    }
}
