package org.neurite.core.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code name(key=value, ...)} text and the checks its values go through. Package-private: the
 * public parsers are {@link Optimizers#parse}, {@link Schedules#parse} and {@link GradientClipping#parse}.
 *
 * @param name the lower-cased name before the parentheses
 * @param params the parameters in the order written, keys lower-cased, values trimmed
 */
record Spec(String name, Map<String, String> params) {

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\((.*)\\))?\\s*",
            Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Parses {@code name}, {@code name()} or {@code name(k=v, ...)}.
     *
     * @param kind what is parsed, the start of every message ("optimizer", "schedule", "clipping")
     * @param example a valid text, quoted in the message about a malformed one
     */
    static Spec parse(String kind, String text, String example) {
        if (text == null) {
            throw new IllegalArgumentException(kind + ": spec: expected text like '" + example + "', got null");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(kind + ": spec: expected name(key=value, ...) like '" + example
                    + "', got '" + text + "'");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        String inside = m.group(2);
        if (inside != null && !inside.isBlank()) {
            for (String part : inside.split(",", -1)) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part.trim() : part.substring(0, eq).trim();
                if (eq < 0 || !KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException(name + ": parameter: expected key=value, got '"
                            + part.trim() + "' in '" + text + "'");
                }
                key = key.toLowerCase(Locale.ROOT);
                if (params.put(key, part.substring(eq + 1).trim()) != null) {
                    throw new IllegalArgumentException(name + ": " + key + ": expected once, got twice in '"
                            + text + "'");
                }
            }
        }
        return new Spec(name, Collections.unmodifiableMap(params));
    }

    /** Rejects a parameter not in {@code known}, listing those. */
    void requireKnown(List<String> known) {
        for (String key : params.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(name + ": parameter: expected one of " + known + ", got '"
                        + key + "'");
            }
        }
    }

    /** A number by {@link Double#parseDouble}, or {@code fallback} when absent. */
    double number(String key, double fallback) {
        String text = params.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + key + ": expected a number, got '" + text + "'", e);
        }
    }

    /** A required number. */
    double number(String key) {
        require(key, "a number");
        return number(key, Double.NaN);
    }

    /** An integer, or {@code fallback} when absent. */
    int integer(String key, int fallback) {
        String text = params.get(key);
        return text == null ? fallback : parseInt(key, text);
    }

    /** A required integer. */
    int integer(String key) {
        require(key, "an integer");
        return integer(key, 0);
    }

    /** {@code true}/{@code false} (any case) or {@code 1}/{@code 0}, or {@code fallback} when absent. */
    boolean bool(String key, boolean fallback) {
        String text = params.get(key);
        if (text == null) {
            return fallback;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> {
                return true;
            }
            case "false", "0" -> {
                return false;
            }
            default -> throw new IllegalArgumentException(name + ": " + key
                    + ": expected true, false, 1 or 0, got '" + text + "'");
        }
    }

    /** One of {@code choices} (any case), or {@code fallback} when absent. */
    String choice(String key, String fallback, List<String> choices) {
        String text = params.get(key);
        if (text == null) {
            return fallback;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            throw new IllegalArgumentException(name + ": " + key + ": expected one of " + choices + ", got '"
                    + text + "'");
        }
        return lower;
    }

    /** Integers separated by {@code ;} (required). */
    List<Integer> integers(String key) {
        require(key, "integers separated by ';'");
        String text = params.get(key);
        String[] parts = text.split(";", -1);
        Integer[] values = new Integer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parseInt(key, parts[i].trim());
        }
        return List.of(values);
    }

    private void require(String key, String what) {
        if (!params.containsKey(key)) {
            throw new IllegalArgumentException(name + ": " + key + ": expected " + what
                    + " (it is required), got nothing");
        }
    }

    private int parseInt(String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + key + ": expected an integer, got '" + text + "'", e);
        }
    }

    // ---- checks shared by the factories; each returns its value ----

    /** A finite value {@code >= 0}. */
    static double nonNegative(String owner, String arg, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + arg + ": expected a finite value >= 0, got " + value);
        }
        return value;
    }

    /** A finite value {@code > 0}. */
    static double positive(String owner, String arg, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + arg + ": expected a finite value > 0, got " + value);
        }
        return value;
    }

    /** Any finite value. */
    static double finite(String owner, String arg, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(owner + ": " + arg + ": expected a finite value, got " + value);
        }
        return value;
    }

    /** A value in {@code [0, 1)}. */
    static double unitOpen(String owner, String arg, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(owner + ": " + arg + ": expected a value in [0, 1), got " + value);
        }
        return value;
    }

    /** A value in {@code [0, 1]}. */
    static double unitClosed(String owner, String arg, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(owner + ": " + arg + ": expected a value in [0, 1], got " + value);
        }
        return value;
    }

    /** An integer {@code >= min}. */
    static int atLeast(String owner, String arg, int min, int value) {
        if (value < min) {
            throw new IllegalArgumentException(owner + ": " + arg + ": expected an integer >= " + min + ", got "
                    + value);
        }
        return value;
    }
}
