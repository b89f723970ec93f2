package org.neurite.io.safetensors;

/** Text from a file, made fit for a message: quoted, control characters escaped, cut after 100 characters. */
final class Shown {
    /** The most characters of a name or value a message shows. */
    static final int MAX = 100;

    private Shown() {
    }

    /** {@code s} in single quotes, escaped and cut. */
    static String quote(String s) {
        int n = Math.min(s.length(), MAX);
        if (n < s.length() && Character.isHighSurrogate(s.charAt(n - 1))) {
            n--;
        }
        StringBuilder b = new StringBuilder(n + 24).append('\'');
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('\'');
        if (s.length() > MAX) {
            b.append("... (").append(s.length()).append(" characters)");
        }
        return b.toString();
    }
}
