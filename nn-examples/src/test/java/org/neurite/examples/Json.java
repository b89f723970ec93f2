package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, minimal JSON reader for the CLI tests: objects, arrays, strings without escapes, numbers, {@code true}
 * and {@code false} (no {@code null}: the CLI leaves out what it has no value for).
 */
final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /** Parses {@code text}, which must hold exactly one JSON value. */
    static Object parse(String text) {
        return new Json(text).parseDocument();
    }

    private Object parseDocument() {
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
        for (Object literal : new Object[] {true, false}) {
            if (s.startsWith(literal.toString(), i)) {
                i += literal.toString().length();
                return literal;
            }
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
