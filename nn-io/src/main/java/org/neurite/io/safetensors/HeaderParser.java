package org.neurite.io.safetensors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a header's JSON, one token at a time, into tensor entries and metadata, checking every rule about
 * one entry on the way (the layout rules across entries are {@link Layout}'s). Streaming keeps what a header
 * can make the reader allocate proportional to the header's own size: no tree is built, and a value of the
 * wrong kind is rejected at its first token, so no nesting is ever walked.
 */
final class HeaderParser {
    /** The key of the metadata object. */
    static final String METADATA = "__metadata__";
    /** The reference's limit on a header's length in bytes. */
    static final long MAX_HEADER = 100_000_000L;
    private static final String NOT_JSON = "header-not-json";
    private static final String FIELD_TYPE = "field-type";
    private static final String OFFSET_RANGE = "integers from 0 to " + Long.MAX_VALUE;
    private static final String DUPLICATE = "Duplicate field '";

    /**
     * Strict JSON (no comments, NaN, leading zeros or trailing commas: Jackson's defaults), duplicate keys an
     * error; names not canonicalized, so that a hostile header's many names grow no symbol table; strings
     * and names as long as a header may be.
     */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                    .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength((int) MAX_HEADER)
                            .maxNameLength((int) MAX_HEADER).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A parsed header: the metadata (in file order) and the tensor entries (in file order). */
    record Header(Map<String, String> metadata, List<TensorInfo> tensors) {
    }

    private final String file;
    private final byte[] header;
    private final JsonParser p;
    /** The entry being read: a tensor's name, METADATA, or null at the top level. */
    private String inside;

    private HeaderParser(String file, byte[] header, JsonParser p) {
        this.file = file;
        this.header = header;
        this.p = p;
    }

    /** Parses {@code header}, the bytes between the length field and the data, of the file named {@code file}. */
    static Header parse(String file, byte[] header) {
        int bad = Utf8.firstInvalid(header);
        if (bad >= 0) {
            throw new ModelFormatException(file, null, "header-not-utf8", "a header of UTF-8 text",
                    "an ill-formed UTF-8 sequence at byte " + bad + " (0x" + Integer.toHexString(header[bad] & 0xff)
                            + ")");
        }
        if (header.length == 0 || header[0] != '{') {
            throw new ModelFormatException(file, null, "header-not-object", "'{' at byte 0 (a JSON object)",
                    header.length == 0 ? "an empty header" : Shown.quote(new String(header, 0,
                            Math.min(header.length, Shown.MAX), java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (header.length > 1 && header[1] == 0) {
            // Jackson would take "{\0" for UTF-16 or UTF-32; it is never JSON in UTF-8.
            throw new ModelFormatException(file, null, NOT_JSON, "JSON", "a NUL byte at byte 1");
        }
        try (JsonParser p = JSON.createParser(header)) {
            return new HeaderParser(file, header, p).parseObject();
        } catch (IOException e) {
            throw new ModelFormatException(file, null, NOT_JSON, "JSON", "an unreadable header: " + e, e);
        }
    }

    private Header parseObject() {
        next();
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorInfo> tensors = new ArrayList<>();
        while (next() != JsonToken.END_OBJECT) {
            String name = name();
            if (name.isEmpty()) {
                throw new ModelFormatException(file, name, "empty-name", "a non-empty tensor name", "''");
            }
            JsonToken value = next();
            if (name.equals(METADATA)) {
                inside = METADATA;
                readMetadata(value, metadata);
            } else {
                inside = name;
                tensors.add(readEntry(name, value));
            }
            inside = null;
        }
        int end = byteOffset(p.currentLocation());
        for (int i = end; i < header.length; i++) {
            byte b = header[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                throw new ModelFormatException(file, null, "trailing-garbage",
                        "only whitespace (padding) after the header's closing '}' at byte " + (end - 1),
                        "byte 0x" + Integer.toHexString(b & 0xff) + " at byte " + i);
            }
        }
        return new Header(Collections.unmodifiableMap(metadata), Collections.unmodifiableList(tensors));
    }

    private void readMetadata(JsonToken value, Map<String, String> metadata) {
        if (value != JsonToken.START_OBJECT) {
            throw new ModelFormatException(file, null, "metadata-not-strings",
                    "__metadata__ to be an object of string values", describe(value));
        }
        while (next() != JsonToken.END_OBJECT) {
            String key = name();
            JsonToken v = next();
            if (v != JsonToken.VALUE_STRING) {
                if (key.equals("dtype") || key.equals("shape") || key.equals("data_offsets")) {
                    throw new ModelFormatException(file, METADATA, "metadata-name",
                            "the name __metadata__ to hold the metadata (an object of strings), not a tensor",
                            "a tensor entry (its " + key + " is " + describe(v) + ")");
                }
                throw new ModelFormatException(file, null, "metadata-not-strings",
                        "__metadata__ key " + Shown.quote(key) + " to have a string value", describe(v));
            }
            metadata.put(key, text());
        }
    }

    private TensorInfo readEntry(String name, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            throw new ModelFormatException(file, name, "entry-not-object",
                    "an object {\"dtype\", \"shape\", \"data_offsets\"}", describe(value));
        }
        SafetensorsDType dtype = null;
        long[] shape = null;
        long[] offsets = null;
        while (next() != JsonToken.END_OBJECT) {
            String field = name();
            JsonToken v = next();
            switch (field) {
                case "dtype" -> dtype = readDtype(name, v);
                case "shape" -> shape = readShape(name, v);
                case "data_offsets" -> offsets = readOffsets(name, v);
                default -> throw new ModelFormatException(file, name, "unknown-field",
                        "only the fields dtype, shape and data_offsets", "the field " + Shown.quote(field));
            }
        }
        String missing = dtype == null ? "dtype" : shape == null ? "shape" : offsets == null ? "data_offsets" : null;
        if (missing != null) {
            throw new ModelFormatException(file, name, "missing-field", "the field '" + missing + "'", "none");
        }
        return Layout.entry(file, name, dtype, shape, offsets[0], offsets[1]);
    }

    private SafetensorsDType readDtype(String name, JsonToken v) {
        if (v != JsonToken.VALUE_STRING) {
            throw new ModelFormatException(file, name, FIELD_TYPE, "dtype to be a string", describe(v));
        }
        String text = text();
        SafetensorsDType dtype = SafetensorsDType.byName(text);
        if (dtype == null) {
            throw new ModelFormatException(file, name, "unknown-dtype",
                    "dtype to be one of " + Arrays.toString(SafetensorsDType.values()), Shown.quote(text));
        }
        return dtype;
    }

    private long[] readShape(String name, JsonToken v) {
        if (v != JsonToken.START_ARRAY) {
            throw new ModelFormatException(file, name, FIELD_TYPE, "shape to be an array of integers",
                    describe(v));
        }
        long[] dims = new long[4];
        int n = 0;
        for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
            long d = nonNegativeLong(t);
            if (d < 0) {
                throw new ModelFormatException(file, name, "bad-dimension",
                        "shape[" + n + "] to be an integer from 0 to " + Long.MAX_VALUE, describe(t));
            }
            if (n == dims.length) {
                dims = Arrays.copyOf(dims, 2 * n);
            }
            dims[n++] = d;
        }
        return Arrays.copyOf(dims, n);
    }

    private long[] readOffsets(String name, JsonToken v) {
        String expected = "data_offsets to be an array of two " + OFFSET_RANGE;
        if (v != JsonToken.START_ARRAY) {
            throw new ModelFormatException(file, name, FIELD_TYPE, expected, describe(v));
        }
        long[] offsets = new long[2];
        int n = 0;
        for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
            long o = nonNegativeLong(t);
            if (n == 2 || o < 0) {
                throw new ModelFormatException(file, name, FIELD_TYPE, expected,
                        n == 2 ? "more than two elements" : "element " + n + ": " + describe(t));
            }
            offsets[n++] = o;
        }
        if (n < 2) {
            throw new ModelFormatException(file, name, FIELD_TYPE, expected, n + " element" + (n == 1 ? "" : "s"));
        }
        return offsets;
    }

    /** The current token's value if it is an integer from 0 to Long.MAX_VALUE, else -1. */
    private long nonNegativeLong(JsonToken t) {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            return -1;
        }
        try {
            JsonParser.NumberType type = p.getNumberType();
            return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG
                    ? Math.max(-1, p.getLongValue()) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string " + Shown.quote(text());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + Shown.quote(text());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> t.asString();
        };
    }

    private String name() {
        try {
            return p.currentName();
        } catch (IOException e) {
            throw jsonError(e);
        }
    }

    private String text() {
        try {
            return p.getText();
        } catch (IOException e) {
            throw jsonError(e);
        }
    }

    private JsonToken next() {
        try {
            return p.nextToken();
        } catch (IOException e) {
            throw jsonError(e);
        }
    }

    /**
     * The byte offset of a location: Jackson's parser over text without canonicalized names reads characters,
     * so its locations count UTF-16 characters.
     */
    private int byteOffset(JsonLocation at) {
        return at.getByteOffset() >= 0 ? (int) at.getByteOffset()
                : at.getCharOffset() >= 0 ? Utf8.byteIndexOfChar(header, at.getCharOffset()) : -1;
    }

    /** Jackson's error as the rule it breaks: a duplicate key, or anything else that is not JSON. */
    private ModelFormatException jsonError(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e);
        if (message != null && message.startsWith(DUPLICATE) && message.endsWith("'")) {
            String key = message.substring(DUPLICATE.length(), message.length() - 1);
            String where = inside == null ? "the header" : inside.equals(METADATA) ? "__metadata__" : "its entry";
            String tensor = inside == null ? (key.equals(METADATA) ? null : key)
                    : inside.equals(METADATA) ? null : inside;
            return new ModelFormatException(file, tensor, "duplicate-key", "each key once in " + where, Shown.quote(key) + " twice", e);
        }
        long at = e instanceof JsonProcessingException j && j.getLocation() != null ? byteOffset(j.getLocation()) : -1;
        return new ModelFormatException(file, null, NOT_JSON, "JSON",
                Shown.quote(String.valueOf(message)) + (at >= 0 ? " at byte " + at : ""), e);
    }
}
