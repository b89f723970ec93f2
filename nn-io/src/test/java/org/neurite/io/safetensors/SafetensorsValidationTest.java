package org.neurite.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One hand-made bad file per validation rule: the exception's type, its rule, its tensor and its whole message. */
class SafetensorsValidationTest {
    private static final String W = "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Bytes.write(dir, "bad.safetensors", bytes);
    }

    /** Opens {@code bytes} as a file, expecting the rule broken with the message {@code file: rest}. */
    private void fails(byte[] bytes, String rule, String tensor, String rest) throws IOException {
        Path p = file(bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafetensorsFile.open(p).close());
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals(tensor, e.tensor(), e.getMessage());
        assertEquals(p.toString(), e.file());
        assertEquals(p + ": " + rest, e.getMessage());
    }

    private void fails(String json, int data, String rule, String tensor, String rest) throws IOException {
        fails(Bytes.file(json, data), rule, tensor, rest);
    }

    @Test
    void fileShorterThanTheLengthField() throws IOException {
        fails(new byte[5], "file-too-short", null,
                "file-too-short: expected at least 8 bytes (the header's length), got 5 bytes");
    }

    @Test
    void headerLengthOverTheLimit() throws IOException {
        fails(Bytes.file(100_000_001L, new byte[0], new byte[0]), "header-too-large", null,
                "header-too-large: expected a header length of at most 100000000, got 100000001");
        fails(Bytes.file(-1L, new byte[0], new byte[0]), "header-too-large", null,
                "header-too-large: expected a header length of at most 100000000, got 18446744073709551615");
    }

    @Test
    void headerLengthBeyondTheFile() throws IOException {
        fails(Bytes.file(50, "{}".getBytes(StandardCharsets.US_ASCII), new byte[8]), "header-beyond-file", null,
                "header-beyond-file: expected a header length of at most 10 (the bytes after the length field), got 50");
    }

    @Test
    void headerNotUtf8() throws IOException {
        String expected = "header-not-utf8: expected a header of UTF-8 text, got an ill-formed UTF-8 sequence at byte 3 ";
        fails(Bytes.file(6, new byte[] {'{', '"', 'a', (byte) 0xff, '"', '}'}, new byte[0]), "header-not-utf8", null,
                expected + "(0xff)");
        fails(Bytes.file(7, new byte[] {'{', '"', 'a', (byte) 0xc0, (byte) 0xaf, '"', '}'}, new byte[0]),
                "header-not-utf8", null, expected + "(0xc0)"); // overlong '/'
        fails(Bytes.file(8, new byte[] {'{', '"', 'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'}, new byte[0]),
                "header-not-utf8", null, expected + "(0xed)"); // a surrogate
    }

    @Test
    void headerNotAnObject() throws IOException {
        fails(" {}", 0, "header-not-object", null, "header-not-object: expected '{' at byte 0 (a JSON object), got ' {}'");
        fails("[]", 0, "header-not-object", null, "header-not-object: expected '{' at byte 0 (a JSON object), got '[]'");
        fails("", 0, "header-not-object", null, "header-not-object: expected '{' at byte 0 (a JSON object), got an empty header");
    }

    @Test
    void headerNotJson() throws IOException {
        fails("{\"w\":", 0, "header-not-json", null, "header-not-json: expected JSON, got 'Unexpected end-of-input within/between"
                + " Object entries' at byte 5");
        fails("{'w':1}", 0, "header-not-json", null, "header-not-json: expected JSON, got 'Unexpected character ('''"
                + " (code 39)): was expecting double-quote to start field name' at byte 1");
        fails(Bytes.file(4, new byte[] {'{', 0, '}', ' '}, new byte[0]), "header-not-json", null,
                "header-not-json: expected JSON, got a NUL byte at byte 1");
    }

    @Test
    void duplicateKeys() throws IOException {
        fails("{" + W + "," + W + "}", 8, "duplicate-key", "w",
                "tensor 'w': duplicate-key: expected each key once in the header, got 'w' twice");
        fails("{\"w\":{\"dtype\":\"F32\",\"dtype\":\"F32\"}}", 8, "duplicate-key", "w",
                "tensor 'w': duplicate-key: expected each key once in its entry, got 'dtype' twice");
        fails("{\"__metadata__\":{\"k\":\"a\",\"k\":\"b\"}}", 0, "duplicate-key", null,
                "duplicate-key: expected each key once in __metadata__, got 'k' twice");
    }

    @Test
    void trailingGarbage() throws IOException {
        fails("{" + W + "}  x", 8, "trailing-garbage", null, "trailing-garbage: expected only whitespace (padding) "
                + "after the header's closing '}' at byte 53, got byte 0x78 at byte 56");
        fails("{}}", 0, "trailing-garbage", null, "trailing-garbage: expected only whitespace (padding) after the "
                + "header's closing '}' at byte 1, got byte 0x7d at byte 2");
    }

    @Test
    void emptyName() throws IOException {
        fails("{\"\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "empty-name", "",
                "tensor '': empty-name: expected a non-empty tensor name, got ''");
    }

    @Test
    void entryNotAnObject() throws IOException {
        fails("{\"w\":[1]}", 0, "entry-not-object", "w",
                "tensor 'w': entry-not-object: expected an object {\"dtype\", \"shape\", \"data_offsets\"}, got an array");
    }

    @Test
    void unknownField() throws IOException {
        fails("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"extra\":1}}", 8, "unknown-field", "w",
                "tensor 'w': unknown-field: expected only the fields dtype, shape and data_offsets, got the field 'extra'");
    }

    @Test
    void missingField() throws IOException {
        fails("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", 8, "missing-field", "w",
                "tensor 'w': missing-field: expected the field 'shape', got none");
    }

    @Test
    void illTypedFields() throws IOException {
        String offsets = "tensor 'w': field-type: expected data_offsets to be an array of two integers from 0 to "
                + Long.MAX_VALUE + ", got ";
        fails("{\"w\":{\"dtype\":5}}", 0, "field-type", "w",
                "tensor 'w': field-type: expected dtype to be a string, got the number '5'");
        fails("{\"w\":{\"shape\":\"2\"}}", 0, "field-type", "w",
                "tensor 'w': field-type: expected shape to be an array of integers, got the string '2'");
        fails("{\"w\":{\"data_offsets\":[0]}}", 0, "field-type", "w", offsets + "1 element");
        fails("{\"w\":{\"data_offsets\":[0,8,9]}}", 0, "field-type", "w", offsets + "more than two elements");
        fails("{\"w\":{\"data_offsets\":[-1,8]}}", 0, "field-type", "w", offsets + "element 0: the number '-1'");
        fails("{\"w\":{\"data_offsets\":[0,1.5]}}", 0, "field-type", "w", offsets + "element 1: the number '1.5'");
        fails("{\"w\":{\"data_offsets\":{}}}", 0, "field-type", "w", offsets + "an object");
    }

    @Test
    void unknownDtype() throws IOException {
        String known = "[BOOL, U8, I8, F8_E5M2, F8_E4M3, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64]";
        fails("{\"w\":{\"dtype\":\"F128\"}}", 0, "unknown-dtype", "w",
                "tensor 'w': unknown-dtype: expected dtype to be one of " + known + ", got 'F128'");
        fails("{\"w\":{\"dtype\":\"f32\"}}", 0, "unknown-dtype", "w",
                "tensor 'w': unknown-dtype: expected dtype to be one of " + known + ", got 'f32'");
    }

    @Test
    void badDimensions() throws IOException {
        String dim = "tensor 'w': bad-dimension: expected shape[1] to be an integer from 0 to " + Long.MAX_VALUE + ", got ";
        fails("{\"w\":{\"shape\":[2,-2]}}", 0, "bad-dimension", "w", dim + "the number '-2'");
        fails("{\"w\":{\"shape\":[2,2.0]}}", 0, "bad-dimension", "w", dim + "the number '2.0'");
        fails("{\"w\":{\"shape\":[2,\"2\"]}}", 0, "bad-dimension", "w", dim + "the string '2'");
        fails("{\"w\":{\"shape\":[2,[2]]}}", 0, "bad-dimension", "w", dim + "an array");
        fails("{\"w\":{\"shape\":[2,99999999999999999999]}}", 0, "bad-dimension", "w", dim + "the number '99999999999999999999'");
    }

    @Test
    void sizeOverflow() throws IOException {
        fails("{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,0],\"data_offsets\":[0,0]}}", 0,
                "size-overflow", "w", "tensor 'w': size-overflow: expected shape [4294967296, 4294967296, 0] x 4 bytes to be"
                        + " at most 9223372036854775807 bytes, got an overflow");
        fails("{\"w\":{\"dtype\":\"F64\",\"shape\":[4611686018427387904],\"data_offsets\":[0,0]}}", 0, "size-overflow", "w",
                "tensor 'w': size-overflow: expected shape [4611686018427387904] x 8 bytes to be at most"
                        + " 9223372036854775807 bytes, got an overflow");
    }

    @Test
    void sizeMismatch() throws IOException {
        fails("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4, "size-mismatch", "w",
                "tensor 'w': size-mismatch: expected end - begin = 8 (shape [2] x 4 bytes), got 4 ([0, 4])");
    }

    @Test
    void offsetsReversed() throws IOException {
        fails("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8, "offsets-reversed", "w",
                "tensor 'w': offsets-reversed: expected data_offsets [begin, end] with begin <= end, got [8, 0]");
    }

    @Test
    void holeBetweenTensors() throws IOException {
        fails("{" + W + ",\"v\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}", 16, "offset-hole", "v",
                "tensor 'v': offset-hole: expected begin = 8 (where the tensors before it in offset order end), got 12"
                        + " (a hole of 4 bytes)");
        fails("{\"v\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "offset-hole", "v",
                "tensor 'v': offset-hole: expected begin = 0 (where the tensors before it in offset order end), got 4"
                        + " (a hole of 4 bytes)");
    }

    @Test
    void overlappingTensors() throws IOException {
        fails("{" + W + ",\"v\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12, "offset-overlap", "v",
                "tensor 'v': offset-overlap: expected begin = 8 (where the tensors before it in offset order end), got 4"
                        + " (an overlap of 4 bytes)");
    }

    @Test
    void dataSectionNotEndingWithTheLastTensor() throws IOException {
        String rest = "data-length: expected a data section of 8 bytes (where the last tensor ends), got ";
        fails("{" + W + "}", 12, "data-length", null, rest + "12 bytes (the file's size - 8 - the header's)");
        fails("{" + W + "}", 6, "data-length", null, rest + "6 bytes (the file's size - 8 - the header's)");
    }

    @Test
    void metadataNotStrings() throws IOException {
        fails("{\"__metadata__\":[1]}", 0, "metadata-not-strings", null,
                "metadata-not-strings: expected __metadata__ to be an object of string values, got an array");
        fails("{\"__metadata__\":{\"k\":1}}", 0, "metadata-not-strings", null,
                "metadata-not-strings: expected __metadata__ key 'k' to have a string value, got the number '1'");
    }

    @Test
    void tensorNamedLikeTheMetadata() throws IOException {
        fails("{\"__metadata__\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "metadata-name",
                "__metadata__", "tensor '__metadata__': metadata-name: expected the name __metadata__ to hold the metadata"
                        + " (an object of strings), not a tensor, got a tensor entry (its shape is an array)");
    }

    @Test
    void absentTensorAndUndecodableDtype() throws IOException {
        Path p = file(Bytes.file("{\"i\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8));
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            ModelFormatException absent = assertThrows(ModelFormatException.class, () -> f.tensor("x"));
            assertEquals("no-such-tensor", absent.rule());
            assertEquals(p + ": tensor 'x': no-such-tensor: expected one of the file's 1 tensors, got no tensor of that"
                    + " name", absent.getMessage());
            ModelFormatException dtype = assertThrows(ModelFormatException.class, () -> f.read("i", new double[2], 0));
            assertEquals("not-floating-point", dtype.rule());
            assertEquals(p + ": tensor 'i': not-floating-point: expected F16, BF16, F32 or F64 (dtype I32 cannot be read"
                    + " as floating-point values), got I32", dtype.getMessage());
            assertThrows(ModelFormatException.class, () -> f.read("i", new float[2], 0));
            assertThrows(ModelFormatException.class, () -> f.read("x", new float[2], 0));
        }
    }

    @Test
    void zeroElementTensorsAndPaddingAreLegal() throws IOException {
        String json = "{\"__metadata__\":{\"k\":\"v\"},\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},"
                + "\"b\":{\"dtype\":\"I64\",\"shape\":[3,0],\"data_offsets\":[0,0]}," + W + ","
                + "\"c\":{\"dtype\":\"BOOL\",\"shape\":[],\"data_offsets\":[8,9]}}  \n\t\r ";
        try (SafetensorsFile f = SafetensorsFile.open(file(Bytes.file(json, 9)))) {
            assertEquals(Map.of("k", "v"), f.metadata());
            assertEquals(List.of("a", "b", "w", "c"), f.tensors().stream().map(TensorInfo::name).toList());
            assertEquals(0, f.tensor("b").elements());
            assertEquals(1, f.tensor("c").elements());
            assertArrayEquals(new long[] {3, 0}, f.tensor("b").shape());
            f.read("a", new double[0], 0);
            double[] w = {7, 7, 7};
            f.read("w", w, 1);
            assertArrayEquals(new double[] {7, 0, 0}, w);
            assertThrows(IndexOutOfBoundsException.class, () -> f.read("w", new double[2], 1));
        }
    }
}
