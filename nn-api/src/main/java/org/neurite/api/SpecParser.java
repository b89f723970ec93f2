package org.neurite.api;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text grammar that every registry of named things reads, {@code name} or
 * {@code name(key=value, key=value)}, with the registries' shared error messages; used by
 * {@link Activations} and {@link Losses} so that both accept and reject exactly the same texts.
 *
 * <p>Each message starts with the kind of thing ({@code activation}, {@code loss}) and names the argument,
 * what was expected and what was given. Immutable and thread-safe.
 */
final class SpecParser {

    private static final Pattern SPEC = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\((.*)\\))?\\s*");
    private static final Pattern PARAM = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*([^,\\s]+)\\s*");

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
        Matcher m = SPEC.matcher(spec == null ? "" : spec);
        if (!m.matches()) {
            throw new IllegalArgumentException(kind + ": expected a name such as " + examples + ", got '"
                    + spec + "'");
        }
        return new Parsed(spec, m.group(1), m.group(2));
    }

    /** The exception for a name that no provider registers, listing the known names and aliases. */
    NeuriteException unknownName(String name, Collection<String> known) {
        return unknown.apply(kind + ": unknown name '" + name + "'; known: " + String.join(", ", known));
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
        for (String part : text.split(",", -1)) {
            Matcher p = PARAM.matcher(part);
            if (!p.matches()) {
                throw new IllegalArgumentException(kind + " '" + parsed.text()
                        + "': expected parameters as name=value separated by commas, got '" + part.trim() + "'");
            }
            String key = p.group(1).toLowerCase(Locale.ROOT);
            if (!given.add(key)) {
                // A repeated name would silently keep the last value and hide a typo in the other.
                throw new IllegalArgumentException(kind + " '" + parsed.text() + "': parameter '" + key
                        + "' is given twice");
            }
            if (!known.contains(key)) {
                throw unknown.apply(kind + " '" + owner + "': unknown parameter '" + p.group(1) + "'; known: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
            action.accept(key, p.group(2));
        }
    }

    /**
     * The number that {@code text} spells, the value of parameter {@code key} of {@code owner}.
     *
     * @throws IllegalArgumentException if it is not a number
     */
    double number(String owner, String key, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind + " '" + owner + "': parameter '" + key
                    + "' expected a number, got '" + text + "'", e);
        }
    }

    /** The message for a name (or alias) that two providers register. */
    String duplicate(String name, String firstSource, String secondSource) {
        return kind + ": the name '" + name + "' is registered twice, by " + firstSource + " and by "
                + secondSource + "; rename one of them";
    }
}
