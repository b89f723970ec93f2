package org.neurite.api;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The text grammar that every registry of named things reads, {@code name} or
 * {@code name(key=value, key=value)}, with the registries' shared error messages; used by
 * {@link Activations} and {@link Losses} so that both accept and reject exactly the same texts.
 *
 * <p>Each message starts with the kind of thing ({@code activation}, {@code loss}) and names the argument,
 * what was expected and what was given; text from the caller is echoed clipped to {@value #ECHO} characters.
 * The text may be untrusted: it is read in one pass, in time linear in its length (no backtracking
 * regular expression). Immutable and thread-safe.
 */
final class SpecParser {

    /** What names look like, in registrations and specs. */
    static final String NAME_GRAMMAR = "[A-Za-z_][A-Za-z0-9_]*";
    /** The most characters of the caller's text that a message repeats. */
    static final int ECHO = 100;

    /** A spec split into its name and the text between its parentheses. */
    record Parsed(String text, String name, String parameters) {

        /** The name in lower case, as registries key it. */
        String key() {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    private final String kind;
    private final String examples;
    private final Function<String, ? extends NeuriteException> unknown;

    /**
     * A parser for one kind of thing.
     *
     * @param kind the word every message starts with, for example {@code activation}
     * @param examples what a malformed text is told to look like, for example {@code 'relu' or 'elu(alpha=1)'}
     * @param unknown makes the exception for an unknown name or parameter from its message
     */
    SpecParser(String kind, String examples, Function<String, ? extends NeuriteException> unknown) {
        this.kind = kind;
        this.examples = examples;
        this.unknown = unknown;
    }

    /**
     * Splits {@code spec} into name and parameter text.
     *
     * @throws IllegalArgumentException if the text is not a name with optional parentheses (or is null)
     */
    Parsed parse(String spec) {
        String text = spec == null ? "" : spec;
        int end = trimEnd(text, text.length());
        int start = skipSpace(text, 0, end);
        int nameEnd = nameEnd(text, start, end);
        int at = skipSpace(text, nameEnd, end);
        String parameters = null;
        if (nameEnd > start && at < end && text.charAt(at) == '(' && text.charAt(end - 1) == ')') {
            parameters = text.substring(at + 1, end - 1);
            at = end;
        }
        if (nameEnd == start || at != end) {
            throw new IllegalArgumentException(kind + ": expected a name such as " + examples + ", got '"
                    + clip(spec == null ? "null" : spec) + "'");
        }
        return new Parsed(spec, text.substring(start, nameEnd), parameters);
    }

    /** True when {@code name} is a name of the grammar ({@value #NAME_GRAMMAR}). */
    static boolean isName(String name) {
        return !name.isEmpty() && nameEnd(name, 0, name.length()) == name.length();
    }

    /** {@code text} clipped to {@value #ECHO} characters for a message, saying how long it was. */
    static String clip(String text) {
        return text.length() <= ECHO ? text : text.substring(0, ECHO) + "... (" + text.length() + " characters)";
    }

    /** The end of the name that starts at {@code from}, or {@code from} if none does. */
    private static int nameEnd(String text, int from, int end) {
        if (from == end || !(isLetter(text.charAt(from)) || text.charAt(from) == '_')) {
            return from;
        }
        int i = from + 1;
        while (i < end && (isLetter(text.charAt(i)) || isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Java's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int skipSpace(String text, int from, int end) {
        int i = from;
        while (i < end && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int end) {
        int i = end;
        while (i > 0 && isSpace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The exception for a name that no provider registers, listing the known names and aliases. */
    NeuriteException unknownName(String name, Collection<String> known) {
        return unknown.apply(kind + ": unknown name '" + clip(name) + "'; known: " + String.join(", ", known));
    }

    /**
     * Checks a name or alias that {@code source} registers.
     *
     * @throws NeuriteException naming the provider, if it is not of the grammar (it could never be looked up)
     */
    void checkRegistered(String name, String source) {
        if (name == null || !isName(name)) {
            throw new NeuriteException(kind + ": the name '" + (name == null ? "null" : clip(name))
                    + "' registered by " + source + " can never be looked up: expected " + NAME_GRAMMAR);
        }
    }

    /**
     * What a factory's {@code create} made for {@code name}.
     *
     * @throws NeuriteException naming the provider and the name, if it made nothing
     */
    <T> T created(T made, String name, String source) {
        if (made == null) {
            throw new NeuriteException(kind + " '" + name + "': the factory of " + source
                    + " returned null from create(...), expected an instance");
        }
        return made;
    }

    /**
     * Reads the parameters of {@code parsed}, in the order written, handing each one's lower-case name and
     * raw value text to {@code action}; every part is checked before the next is read.
     *
     * @param owner the canonical name that messages about parameters name
     * @param known the parameters {@code owner} takes, in the order messages list them
     * @throws IllegalArgumentException if a part is not {@code name=value} or a name is given twice
     * @throws NeuriteException of the unknown kind if a name is not in {@code known}
     */
    void forEachParameter(Parsed parsed, String owner, Collection<String> known, BiConsumer<String, String> action) {
        String text = parsed.parameters();
        if (text == null || text.isBlank()) {
            return;
        }
        Set<String> given = new HashSet<>();
        int from = 0;
        while (from <= text.length()) {
            int comma = text.indexOf(',', from);
            int partEnd = comma < 0 ? text.length() : comma;
            // name = value, each side trimmed; the value is one run of characters other than space.
            int end = trimEnd(text, partEnd);
            int start = skipSpace(text, from, end);
            int nameEnd = nameEnd(text, start, end);
            int eq = skipSpace(text, nameEnd, end);
            int valueStart = eq < end && text.charAt(eq) == '=' ? skipSpace(text, eq + 1, end) : end;
            int valueEnd = valueStart;
            while (valueEnd < end && !isSpace(text.charAt(valueEnd))) {
                valueEnd++;
            }
            if (nameEnd == start || valueStart == end || valueEnd != end) {
                throw new IllegalArgumentException(kind + " '" + clip(parsed.text())
                        + "': expected parameters as name=value separated by commas, got '"
                        + clip(text.substring(start, end)) + "'");
            }
            String name = text.substring(start, nameEnd);
            String key = name.toLowerCase(Locale.ROOT);
            if (!given.add(key)) {
                // A repeated name would silently keep the last value and hide a typo in the other.
                throw new IllegalArgumentException(kind + " '" + clip(parsed.text()) + "': parameter '" + clip(key)
                        + "' is given twice");
            }
            if (!known.contains(key)) {
                throw unknown.apply(kind + " '" + owner + "': unknown parameter '" + clip(name) + "'; known: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
            action.accept(key, text.substring(valueStart, valueEnd));
            from = partEnd + 1;
        }
    }

    /**
     * The number that {@code text} spells, the value of parameter {@code key} of {@code owner}: a plain
     * decimal ({@code 2}, {@code -0.5}, {@code .5}, {@code 1e-3}), or {@code NaN}, {@code Infinity},
     * {@code -Infinity} (which the factories' range checks then name). Java's other spellings
     * ({@code 1d}, {@code 2f}, {@code 0x1p3}) are rejected.
     *
     * @throws IllegalArgumentException if it is not a number
     */
    double number(String owner, String key, String text) {
        if (!isDecimal(text) && !text.equals("NaN") && !text.equals("Infinity") && !text.equals("+Infinity")
                && !text.equals("-Infinity")) {
            throw new IllegalArgumentException(kind + " '" + owner + "': parameter '" + key
                    + "' expected a number, got '" + clip(text) + "'");
        }
        return Double.parseDouble(text);
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, in one pass. */
    private static boolean isDecimal(String text) {
        int n = text.length();
        int i = n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == exponent) {
                return false;
            }
        }
        return i == n;
    }

    /** The message for a name (or alias) that two providers register. */
    String duplicate(String name, String firstSource, String secondSource) {
        return kind + ": the name '" + name + "' is registered twice, by " + firstSource + " and by "
                + secondSource + "; rename one of them";
    }
}
