package org.neurite.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text under {@link CsvRows}: strict UTF-8 decoding that reports the exact line of the first bad byte,
 * and a bound on the length of a line, so that a file that is no CSV ({@code /dev/zero}, a binary file, one
 * 10 MB line) ends in a clear error instead of an {@link OutOfMemoryError}.
 */
final class CsvText {

    private CsvText() {
    }

    /** A problem in the text at a known line; {@link CsvDatasets#readFailure} makes it a {@link DataFormatException}. */
    static final class Problem extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        Problem(long line, String problem, Throwable cause) {
            super(problem, cause);
            this.line = line;
        }
    }

    /** Decodes UTF-8 strictly: the characters before a malformed byte are delivered, then the next read throws. */
    static final class StrictUtf8 extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
        private boolean eof;
        private boolean flushed;
        private CoderResult error;

        StrictUtf8(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (error != null) {
                error.throwException();
            }
            if (len < 2) {
                // Room for a surrogate pair, so that the decoder always makes progress.
                char[] two = new char[2];
                int n = read(two, 0, 2);
                if (n == 2) {
                    throw new IOException("StrictUtf8: single-character reads of supplementary characters");
                }
                if (n == 1) {
                    cbuf[off] = two[0];
                }
                return n;
            }
            CharBuffer out = CharBuffer.wrap(cbuf, off, len);
            while (out.position() == off) {
                if (flushed) {
                    return -1;
                }
                CoderResult r = decoder.decode(bytes, out, eof);
                if (r.isError()) {
                    if (out.position() > off) {
                        error = r;
                        break;
                    }
                    r.throwException();
                }
                if (r.isOverflow()) {
                    break;
                }
                if (eof) {
                    decoder.flush(out);
                    flushed = true;
                    break;
                }
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            int n = out.position() - off;
            return n == 0 && flushed ? -1 : n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Counts lines and rejects one longer than {@code max} characters, naming it; a decoding error too. */
    static final class BoundedLines extends FilterReader {
        private final int max;
        private long line = 1;
        private long length;
        private boolean afterCr;

        BoundedLines(Reader in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(cbuf, off, len);
            } catch (CharacterCodingException e) {
                throw new Problem(line, "expected UTF-8 text, got bytes that are not UTF-8 (" + e.getMessage()
                        + "); save the file as UTF-8", e);
            }
            for (int i = off; i < off + n; i++) {
                char c = cbuf[i];
                if (c == '\n') {
                    if (!afterCr) {
                        line++;
                    }
                    length = 0;
                } else if (c == '\r') {
                    line++;
                    length = 0;
                } else if (++length > max) {
                    throw new Problem(line, "expected a line of at most " + max + " characters, got a longer one"
                            + " (is it a CSV file?)", null);
                }
                afterCr = c == '\r';
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skip is not supported");
        }
    }
}
