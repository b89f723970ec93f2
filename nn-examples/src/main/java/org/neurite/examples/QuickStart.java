package org.neurite.examples;

import org.neurite.api.DType;
import org.neurite.api.Stability;
import org.neurite.core.Mlp;

/**
 * The README's quick start. The lines between the markers are copied into README.md, and
 * {@code ReadmeQuickStartTest} checks that both say the same and that this program runs.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class QuickStart {

    private QuickStart() {
    }

    /** Builds the tutorial's [2, 4, 3, 1] network, prints its summary and its outputs on XOR's inputs. */
    public static void main(String[] args) {
        // quickstart:begin
        Mlp mlp = Mlp.builder()
                .input(2)
                .dense(4, "relu")
                .dense(3, "relu")
                .dense(1, "sigmoid")
                .dtype(DType.FLOAT64)   // or FLOAT32
                .seed(42)               // the same seed builds the same network on every backend
                .build();               // on the default backend: -Dneurite.backend=... to choose

        System.out.print(mlp.summary());                      // 31 parameters
        double[][] xor = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] y = mlp.predict(xor);                     // one row per sample
        for (int i = 0; i < xor.length; i++) {
            System.out.printf("%s -> %.4f%n", java.util.Arrays.toString(xor[i]), y[i][0]);
        }
        // quickstart:end
    }
}
