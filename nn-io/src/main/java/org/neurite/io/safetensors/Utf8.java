package org.neurite.io.safetensors;

/** A strict UTF-8 check that allocates nothing: the rules of Rust's {@code str::from_utf8}, which the reference uses. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The index of the first byte that does not start a well-formed UTF-8 sequence (overlong forms, surrogates,
     * code points above U+10FFFF and cut sequences are all ill-formed), or -1 if all of {@code b} is well-formed.
     */
    static int firstInvalid(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                n = 1;
            } else if (c >= 0xe0 && c <= 0xef) {
                n = 2;
                lo = c == 0xe0 ? 0xa0 : 0x80;
                hi = c == 0xed ? 0x9f : 0xbf;
            } else if (c >= 0xf0 && c <= 0xf4) {
                n = 3;
                lo = c == 0xf0 ? 0x90 : 0x80;
                hi = c == 0xf4 ? 0x8f : 0xbf;
            } else {
                return i;
            }
            if (i + n >= b.length) {
                return i;
            }
            int second = b[i + 1] & 0xff;
            if (second < lo || second > hi) {
                return i;
            }
            for (int k = 2; k <= n; k++) {
                int cont = b[i + k] & 0xff;
                if (cont < 0x80 || cont > 0xbf) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }

    /**
     * The index of the byte where the UTF-16 character at {@code chars} starts in well-formed UTF-8 {@code b}
     * (a 4-byte sequence is 2 characters), or {@code b.length} if {@code chars} is the whole text or more.
     */
    static int byteIndexOfChar(byte[] b, long chars) {
        long seen = 0;
        int i = 0;
        while (i < b.length && seen < chars) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
            seen += n == 4 ? 2 : 1;
            i += n;
        }
        return Math.min(i, b.length);
    }
}
