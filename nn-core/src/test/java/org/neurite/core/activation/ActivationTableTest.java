package org.neurite.core.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.api.Activation;
import org.neurite.core.ActivationTable;
import org.neurite.api.Activations;
import org.neurite.api.DType;
import org.neurite.api.spi.ActivationFactory;
import org.neurite.api.spi.ActivationProvider;
import org.neurite.api.support.ElementwiseActivation;

class ActivationTableTest {

    private static final double[] POINTS = {-3, -1, 0, 1, 3};

    /** A user's activation, to show that the table lists whatever the registry holds. */
    public static final class BentIdentityProvider implements ActivationProvider {
        @Override
        public Collection<ActivationFactory> activations() {
            return List.of(SimpleFactory.of("bent_identity", () -> new ElementwiseActivation("bent_identity") {
                @Override
                public double apply(double z) {
                    return (Math.sqrt(z * z + 1) - 1) / 2 + z;
                }

                @Override
                public double derivative(double z) {
                    return z / (2 * Math.sqrt(z * z + 1)) + 1;
                }
            }));
        }
    }

    @Test
    void listsEveryElementwiseActivationAtItsDefaults() {
        ActivationTable table = ActivationTable.evaluate(Eval.REGISTRY, Eval.BACKEND, DType.FLOAT64, POINTS);
        assertEquals("ejml", table.backend());
        assertEquals(DType.FLOAT64, table.dtype());
        assertArrayEquals(POINTS, table.points());
        assertFalse(table.entries().containsKey("softmax"));
        assertFalse(table.entries().containsKey("identity"), "aliases are not listed twice");
        assertEquals(new ArrayList<>(table.entries().keySet()), Eval.REGISTRY.names().stream()
                .filter(n -> Eval.REGISTRY.factories().get(n).elementwise()).toList());
        assertEquals("leaky_relu(alpha=0.01)", table.entries().get("leaky_relu").spec());
        for (Map.Entry<String, ActivationTable.Entry> e : table.entries().entrySet()) {
            ElementwiseActivation f = Eval.elementwise(e.getKey());
            for (int i = 0; i < POINTS.length; i++) {
                assertEquals(f.apply(POINTS[i]), e.getValue().value()[i], e.getKey());
                assertEquals(f.derivative(POINTS[i]), e.getValue().derivative()[i], e.getKey() + "'");
            }
        }
    }

    @Test
    void includesUserActivations() {
        List<ActivationProvider> providers = new ArrayList<>(Activations.loadProviders());
        providers.add(new BentIdentityProvider());
        Activations registry = Activations.of(providers);
        ActivationTable table = ActivationTable.evaluate(registry, Eval.BACKEND, DType.FLOAT64, POINTS);
        assertTrue(table.entries().containsKey("bent_identity"));
        Activation bent = registry.get("bent_identity");
        assertEquals(((ElementwiseActivation) bent).apply(3), table.entries().get("bent_identity").value()[4]);
    }

    @Test
    void float32RoundsThePointsAndTheResults() {
        double[] points = {0.1, -1e-8};
        ActivationTable table = ActivationTable.evaluate(Eval.REGISTRY, Eval.BACKEND, DType.FLOAT32, points);
        assertArrayEquals(new double[] {(float) 0.1, (float) -1e-8}, table.points());
        double sigmoid = table.entries().get("sigmoid").value()[0];
        assertEquals((double) (float) sigmoid, sigmoid, "a float32 result");
        assertEquals((float) new Sigmoid().apply((float) 0.1), (float) sigmoid);
    }
}
