package org.neurite.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Layer;
import org.neurite.api.ShapeMismatchException;
import org.neurite.api.Tensor;

/** The seam that training uses: named parameters, copies, training workspaces and their checks. */
class TrainingSeamTest {

    private static Mlp preluNetwork() {
        return Mlp.builder().input(3).dense(2, "prelu").dense(1, "sigmoid").seed(7).build();
    }

    @Test
    void parametersAreAFlatNamedListInLayerOrderWithPreluAlpha() {
        Mlp mlp = preluNetwork();
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.0.alpha", "layers.1.weight",
                "layers.1.bias"), mlp.parameters().stream().map(Parameter::name).toList());
        assertEquals(9, mlp.layers().get(0).parameterCount(), "a [3 -> 2] prelu layer has 9, as in PyTorch");
        assertEquals(12, mlp.parameterCount());
        assertEquals(0.25, mlp.parameters().get(2).tensor().get(0, 0));
    }

    @Test
    void learntAlphaIsWhatTheLayerComputesWithAndWhatItsSpecSays() {
        Mlp mlp = Mlp.builder().input(1).dense("prelu", new double[][] {{1}}, new double[] {0}).build();
        assertEquals(-0.25, mlp.predict(new double[] {-1})[0], 0);
        mlp.parameters().get(2).tensor().set(0, 0, 0.5);
        assertEquals(-0.5, mlp.predict(new double[] {-1})[0], 0);
        assertEquals("prelu(alpha=0.5)", mlp.layers().get(0).activation().spec());
    }

    @Test
    void aCopyHasItsOwnParameters() {
        Mlp mlp = preluNetwork();
        Mlp copy = mlp.copy();
        double[] x = {0.3, -1.2, 2.0};
        assertArrayEquals(mlp.predict(x), copy.predict(x), 0);
        for (int i = 0; i < mlp.parameters().size(); i++) {
            assertNotSame(mlp.parameters().get(i).tensor(), copy.parameters().get(i).tensor());
        }
        double before = mlp.predict(x)[0];
        copy.parameters().get(3).tensor().set(0, 0, 100);
        assertEquals(before, mlp.predict(x)[0], 0, "changing the copy leaves the original serving as before");
    }

    @Test
    void backwardAccumulatesUntilGradientsAreZeroed() {
        Mlp mlp = Mlp.builder().input(2).dense("linear", new double[][] {{2, 3}}, new double[] {1}).build();
        TrainingWorkspace tw = mlp.trainingWorkspace(1);
        tw.input().assign(new double[] {5, 7});
        mlp.forward(tw.forward());
        assertEquals(32, tw.output().get(0, 0));
        tw.zeroGradients();
        for (int pass = 1; pass <= 2; pass++) {
            tw.outputGradient().assign(new double[] {1});
            mlp.backward(tw);
            // d(2·5 + 3·7 + 1)/dW = x, /db = 1, summed over the passes
            assertArrayEquals(new double[][] {{5 * pass, 7 * pass}}, tw.gradient(0).toDoubleArray());
            assertArrayEquals(new double[][] {{pass}}, tw.gradient(1).toDoubleArray());
        }
        tw.gradient(0).set(0, 0, Double.NaN);
        tw.zeroGradients();
        assertArrayEquals(new double[][] {{0, 0}}, tw.gradient(0).toDoubleArray());
    }

    @Test
    void backwardRejectsAnotherModelsWorkspaceAndWrongBuffers() {
        Mlp mlp = preluNetwork();
        TrainingWorkspace other = preluNetwork().trainingWorkspace(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mlp.backward(other));
        assertTrue(e.getMessage().startsWith("workspace: expected one made by this model"), e.getMessage());
        Layer dense = mlp.layers().get(0);
        Tensor x = mlp.backend().zeros(mlp.dtype(), 2, 3);
        Tensor z = mlp.backend().zeros(mlp.dtype(), 2, 2);
        Tensor a = mlp.backend().zeros(mlp.dtype(), 2, 2);
        Tensor g = mlp.backend().zeros(mlp.dtype(), 2, 2);
        List<Tensor> grads = List.of(mlp.backend().zeros(mlp.dtype(), 2, 3), mlp.backend().zeros(mlp.dtype(), 1, 2),
                mlp.backend().zeros(mlp.dtype(), 1, 1));
        ShapeMismatchException s = assertThrows(ShapeMismatchException.class,
                () -> dense.backward(x, z, a, g, mlp.backend().zeros(mlp.dtype(), 2, 4), grads));
        assertEquals("layer 1 (Dense 3 -> 2, prelu(alpha=0.25)): gradInput: expected shape (2, 3), got (2, 4)",
                s.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> dense.backward(x, z, a, g, null, grads.subList(0, 2)));
        assertTrue(n.getMessage().endsWith("parameterGradients: expected 3 tensors (one per parameter), got 2"),
                n.getMessage());
        ShapeMismatchException w = assertThrows(ShapeMismatchException.class,
                () -> dense.backward(x, z, a, g, null, List.of(grads.get(1), grads.get(1), grads.get(2))));
        assertTrue(w.getMessage().endsWith("gradient of weight: expected shape (2, 3), got (1, 2)"), w.getMessage());
    }

    @Test
    void aLayerWithoutBackwardSaysSoWhenTrained() {
        Activation linear = Activations.discover().get("linear");
        Layer frozen = new Layer() {
            public int inputSize() { return 1; }
            public int outputSize() { return 1; }
            public String kind() { return "Frozen"; }
            public Activation activation() { return linear; }
            public Map<String, Tensor> parameters() { return Map.of(); }
            public void forward(Tensor input, Tensor preActivation, Tensor output) {
                input.backend().copy(input, output);
            }
            @Override public String toString() { return "frozen layer"; }
        };
        Mlp mlp = Mlp.builder().input(1).layer(frozen).build();
        TrainingWorkspace tw = mlp.trainingWorkspace(1);
        mlp.forward(tw.forward());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> mlp.backward(tw));
        assertTrue(e.getMessage().startsWith("frozen layer: backward: expected a trainable layer"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, mlp::copy);
    }

    @Test
    void classNamesFitTheOutputs() {
        Mlp mlp = preluNetwork();
        assertEquals(List.of("no", "yes"), mlp.withClassNames(List.of("no", "yes")).classNames().orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mlp.withClassNames(List.of("a", "b", "c")));
        assertEquals("classNames: expected 1 names (one per output) or 2 (a binary classifier), got 3", e.getMessage());
        assertEquals(List.of("no", "yes"),
                mlp.withClassNames(List.of("no", "yes")).copy().withStandardization(null).classNames().orElseThrow());
    }
}
