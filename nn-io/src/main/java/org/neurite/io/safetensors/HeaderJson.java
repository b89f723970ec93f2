package org.neurite.io.safetensors;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A header's JSON as the reference writer (serde_json, compact) spells it: no spaces, {@code __metadata__}
 * first, then each tensor's {@code dtype}, {@code shape}, {@code data_offsets}; strings escaped as serde_json
 * escapes them (quote and backslash, the short escapes for backspace, form feed, newline, carriage
 * return and tab, other control characters as a backslash-u escape in lower-case hex, everything else as it
 * is); padded with spaces to a multiple of 8 bytes.
 */
final class HeaderJson {
    private HeaderJson() {
    }

    /** The padded header's UTF-8 bytes for the metadata (written if not empty) and the entries, in order. */
    static byte[] of(Map<String, String> metadata, Iterable<TensorInfo> entries) {
        StringBuilder b = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            b.append("\"__metadata__\":{");
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                string(b, e.getKey()).append(':');
                string(b, e.getValue()).append(',');
            }
            b.setCharAt(b.length() - 1, '}');
            b.append(',');
        }
        for (TensorInfo t : entries) {
            string(b, t.name()).append(":{\"dtype\":\"").append(t.dtype().name()).append("\",\"shape\":");
            b.append(Arrays.toString(t.shape()).replace(" ", "")).append(",\"data_offsets\":[").append(t.begin())
                    .append(',').append(t.end()).append("]},");
        }
        if (b.length() > 1) {
            b.setLength(b.length() - 1);
        }
        b.append('}');
        byte[] json = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    private static StringBuilder string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
