package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<?, ?> json = assertInstanceOf(Map.class, new Json(out).parseDocument());
        assertEquals(Set.of("backend", "cases"), json.keySet());
        assertEquals("ejml", json.get("backend"));
        List<?> cases = assertInstanceOf(List.class, json.get("cases"));
        Set<String> seen = new TreeSet<>();
        for (Object o : cases) {
            Map<?, ?> c = assertInstanceOf(Map.class, o);
            assertEquals(Set.of("name", "dtype", "samples_per_s", "ns_per_call", "gflops"), c.keySet());
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

    /** A strict, minimal JSON reader: objects, arrays, strings without escapes, numbers, literals. */
    private static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object parseDocument() {
            Object v = value();
            ws();
            assertEquals(s.length(), i, "trailing text after the JSON value: " + s.substring(i));
            return v;
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                do {
                    ws();
                    String key = string();
                    ws();
                    expect(':');
                    assertTrue(m.put(key, value()) == null, "duplicate key " + key);
                    ws();
                } while (tryConsume(','));
                expect('}');
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                do {
                    l.add(value());
                    ws();
                } while (tryConsume(','));
                expect(']');
                return l;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            assertTrue(i > start, "expected a JSON value at " + start + ": " + s);
            return Double.parseDouble(s.substring(start, i));
        }

        private String string() {
            expect('"');
            int end = s.indexOf('"', i);
            String v = s.substring(i, end);
            assertTrue(v.indexOf('\\') < 0, "escapes are not expected: " + v);
            i = end + 1;
            return v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean tryConsume(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            assertTrue(tryConsume(c), "expected '" + c + "' at " + i + ": " + s);
        }
    }
}
