package org.neurite.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.api.Activation;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.BackendMismatchException;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.api.Layer;
import org.neurite.api.Shape;
import org.neurite.api.ShapeMismatchException;
import org.neurite.api.Tensor;

/** The builder and the model check their arguments at once, naming the layer, the tensor and the row. */
class MlpBuilderChecksTest {

    private static final Backend EJML = Backends.get("ejml");

    private static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    @Test
    void aLayerOfAnotherDtypeFailsAtBuildNamingTheLayer() {
        Activation relu = Activations.discover().get("relu");
        DenseLayer f32 = DenseLayer.of("mine", EJML, DType.FLOAT32, new double[][] {{1, 2}}, new double[] {0}, relu);
        MlpBuilder builder = Mlp.builder().backend(EJML).input(2).layer(f32);
        BackendMismatchException e = assertThrows(BackendMismatchException.class, builder::build);
        assertMessage(e, "layer 1", "mine", "weight", "float64", "float32");
    }

    @Test
    void aLayerOfAnotherBackendFailsAtBuildNamingTheLayer() {
        Backend other = (Backend) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Backend.class},
                (p, m, args) -> m.getName().equals("name") ? "other" : null);
        Tensor foreign = (Tensor) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Tensor.class},
                (p, m, args) -> switch (m.getName()) {
                    case "backend" -> other;
                    case "dtype" -> DType.FLOAT64;
                    case "shape" -> Shape.of(1, 2);
                    default -> null;
                });
        Layer layer = new Layer() {
            public int inputSize() { return 2; }
            public int outputSize() { return 1; }
            public String kind() { return "Odd"; }
            public Activation activation() { return Activations.discover().get("linear"); }
            public Map<String, Tensor> parameters() { return Map.of("w", foreign); }
            public void forward(Tensor input, Tensor preActivation, Tensor output) { }
        };
        MlpBuilder builder = Mlp.builder().backend(EJML).input(2).layer(layer);
        BackendMismatchException e = assertThrows(BackendMismatchException.class, builder::build);
        assertMessage(e, "layer 1", "'w'", "ejml", "other");
    }

    @Test
    void raggedHandWrittenWeightsFailInDenseNamingLayerAndRow() {
        MlpBuilder builder = Mlp.builder().input(2).dense("relu", new double[][] {{1, 1}, {1, 1}}, new double[] {0, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.dense("linear", new double[][] {{1, 2}, {3, 4}, {5}}, new double[] {0, 0, 0}));
        assertMessage(e, "layer 2", "row 2", "2 values", "got 1");
        assertEquals(1, builder.build().layers().size(), "the failed call added nothing");
    }

    @Test
    void activationsAfterADenseLayerIsRejectedClearly() {
        MlpBuilder builder = Mlp.builder().input(2).dense(3, "relu");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.activations(Activations.discover()));
        assertMessage(e, "activations", "before", "layer 1");
        Mlp.builder().activations(Activations.discover()).input(2).dense(3, "relu").build();
    }

    @Test
    void anInputTensorOfTheWrongDtypeNamesLayerTensorAndTheModelsDtype() {
        Mlp mlp = Mlp.builder().backend(EJML).input(2).dense(1, "sigmoid").seed(1).build();
        Tensor f32 = EJML.zeros(DType.FLOAT32, 3, 2);
        BackendMismatchException e = assertThrows(BackendMismatchException.class, () -> mlp.forward(f32));
        assertMessage(e, "layer 1", "input", "float64", "float32");
        e = assertThrows(BackendMismatchException.class, () -> mlp.forward(f32, mlp.workspace(3)));
        assertMessage(e, "layer 1", "input", "float64", "float32");
    }

    @Test
    void aTooShortOutArrayIsNamedOutWithTheSizeExpected() {
        Mlp mlp = Mlp.builder().input(2).dense(3, "sigmoid").seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mlp.predict(new double[] {1, 2}, new double[0]));
        assertMessage(e, "out", "3", "got 0");
    }

    @Test
    void aRaggedBatchRowIsNamedByIndex() {
        Mlp mlp = Mlp.builder().input(2).dense(1, "sigmoid").seed(1).build();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> mlp.predict(new double[][] {{1, 2}, {3, 4}, {5}}));
        assertMessage(e, "layer 1", "row 2 has length 1, expected 2");
        e = assertThrows(ShapeMismatchException.class, () -> mlp.predict(new float[][] {{1, 2}, {3}}));
        assertMessage(e, "layer 1", "row 1 has length 1, expected 2");
        e = assertThrows(ShapeMismatchException.class, () -> mlp.trace(new double[][] {{1, 2, 3}}));
        assertMessage(e, "layer 1", "row 0 has length 3, expected 2");
    }
}
