package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurite.api.Activations;
import org.neurite.examples.custom.CustomActivationExample;

class ActivationsCommandTest {

    @Test
    void defaultTableShowsEveryElementwiseActivationAtTheTutorialsPoints() {
        Object[] r = NeuriteCliTest.run("activations");
        assertEquals(0, r[0], (String) r[2]);
        String out = (String) r[1];
        assertTrue(out.contains("z=-3") && out.contains("z=+3"), out);
        // sigmoid(-3) = 0.0474 and relu(3) = 3, as the tutorial's table shows them.
        assertTrue(out.lines().anyMatch(l -> l.matches("sigmoid\\s+\\+0\\.0474\\s+\\+0\\.2689\\s+\\+0\\.5000.*")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("bent_identity ")), "custom activation listed: " + out);
        assertTrue(!out.contains("softmax "), "row-wise activations have no value at a point");
    }

    @ParameterizedTest
    @ValueSource(strings = {"float64", "float32"})
    void jsonIsOneObjectWithEveryActivationAndRoundTripNumbers(String dtype) {
        Object[] r = NeuriteCliTest.run("activations", "--json", "--dtype", dtype, "--at=-1000,-1e-8,0,0.1,710");
        assertEquals(0, r[0], (String) r[2]);
        Map<?, ?> json = (Map<?, ?>) Json.parse(((String) r[1]).strip());
        assertEquals("ejml", json.get("backend"));
        assertEquals(dtype, json.get("dtype"));
        List<?> points = (List<?>) json.get("points");
        assertEquals(5, points.size());
        assertEquals(dtype.equals("float32") ? (double) 0.1f : 0.1, points.get(3));
        Map<?, ?> activations = (Map<?, ?>) json.get("activations");
        long elementwise = Activations.discover().factories().values().stream().filter(f -> f.elementwise()).count();
        assertEquals(elementwise, activations.size());
        assertTrue(activations.containsKey("bent_identity") && activations.containsKey("gelu"), activations.keySet()::toString);
        Map<?, ?> softplus = (Map<?, ?>) activations.get("softplus");
        assertEquals(710.0, ((List<?>) softplus.get("value")).get(4));
        assertEquals(0.0, ((List<?>) ((Map<?, ?>) activations.get("sigmoid")).get("value")).get(0));
        for (Object entry : activations.values()) {
            for (String key : new String[] {"value", "derivative"}) {
                for (Object v : (List<?>) ((Map<?, ?>) entry).get(key)) {
                    assertTrue(v instanceof Double && Double.isFinite((Double) v), entry::toString);
                }
            }
        }
    }

    @Test
    void badArgumentsExitWithTwo() {
        assertEquals(2, NeuriteCliTest.run("activations", "--dtype", "float16")[0]);
        assertEquals(2, NeuriteCliTest.run("activations", "--at=1,x")[0]);
        assertEquals(2, NeuriteCliTest.run("activations", "--backend", "nope")[0]);
    }

    @Test
    void customActivationIsUsedByName() {
        CustomActivationExample.main(new String[0]);
        assertEquals("bent_identity", Activations.discover().get("BENT_IDENTITY").name());
        assertTrue(Activations.discover().sourceOf("bent_identity").contains("BentIdentityProvider"));
    }
}
