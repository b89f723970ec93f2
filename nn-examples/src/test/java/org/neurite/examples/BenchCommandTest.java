package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code neurite bench}: the output's form, never its timings (a unit test must not depend on the
 * machine's speed). A short hidden budget keeps the test to a few seconds.
 */
class BenchCommandTest {

    @Test
    void jsonIsOneObjectWithEveryCaseAndDtype() {
        Object[] r = NeuriteCliTest.run("bench", "--json", "--backend", "ejml", "--seconds", "2");
        assertEquals(0, r[0], (String) r[2]);
        String out = ((String) r[1]).strip();
        assertEquals(1, out.lines().count(), out);
        Map<?, ?> json = assertInstanceOf(Map.class, Json.parse(out));
        assertEquals(Set.of("backend", "cases"), json.keySet());
        assertEquals("ejml", json.get("backend"));
        List<?> cases = assertInstanceOf(List.class, json.get("cases"));
        Set<String> seen = new TreeSet<>();
        for (Object o : cases) {
            Map<?, ?> c = assertInstanceOf(Map.class, o);
            assertEquals(Set.of("name", "dtype", "samples_per_s", "ns_per_call", "gflops", "ns_per_call_min",
                    "ns_per_call_max", "warm_up_settled"), c.keySet());
            // The reported time is the best round's, beside the spread of the rounds.
            double min = assertInstanceOf(Double.class, c.get("ns_per_call_min"));
            double max = assertInstanceOf(Double.class, c.get("ns_per_call_max"));
            assertEquals(min, (Double) c.get("ns_per_call"), 0.1, c.toString());
            assertTrue(max >= min, c.toString());
            assertInstanceOf(Boolean.class, c.get("warm_up_settled"));
            assertTrue(Set.of("tiny_single", "tiny_batch10000", "mnist_b256").contains(c.get("name")), c.toString());
            assertTrue(Set.of("float32", "float64").contains(c.get("dtype")), c.toString());
            for (String k : List.of("samples_per_s", "ns_per_call", "gflops")) {
                double v = assertInstanceOf(Double.class, c.get(k));
                assertTrue(v > 0 && Double.isFinite(v), k + " = " + v);
            }
            seen.add(c.get("name") + "/" + c.get("dtype"));
        }
        assertEquals(6, seen.size(), seen.toString());
    }

    @Test
    void tableListsEveryCase() {
        Object[] r = NeuriteCliTest.run("bench", "--seconds", "2");
        assertEquals(0, r[0], (String) r[2]);
        String out = (String) r[1];
        assertTrue(out.contains("backend ejml"), out);
        long backends = out.lines().filter(l -> l.startsWith("backend ")).count();
        for (String name : List.of("tiny_single", "tiny_batch10000", "mnist_b256")) {
            assertEquals(2 * backends, out.lines().filter(l -> l.startsWith(name + " ")).count(), out);
        }
    }

    @Test
    void unknownBackendIsABadArgument() {
        Object[] r = NeuriteCliTest.run("bench", "--json", "--backend", "nope", "--seconds", "1");
        assertEquals(2, r[0]);
        String err = ((String) r[2]).strip();
        assertTrue(err.startsWith("neurite: ") && err.contains("nope"), err);
        assertEquals("", ((String) r[1]).strip());
    }
}
