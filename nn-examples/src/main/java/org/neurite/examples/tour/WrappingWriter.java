package org.neurite.examples.tour;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the tour's 100-column limit lives: a writer that passes every line through unchanged unless it is
 * longer than {@link #WIDTH}, and breaks such a line at word boundaries, each continuation indented two
 * spaces more than the line it continues (so a reader, and {@link IndexPage}, sees where a wrapped line
 * ends). Every section prints through one, so a section never has to measure its own prose; tables are
 * laid out to fit and pass through as they are.
 *
 * <p>It works on whole lines: text up to the next {@code '\n'} is held back until the line is complete
 * (a table row is often printed in several calls), and {@link #flush()} passes on only complete lines.
 * {@link #finishLine()} writes out a last line that never got its newline.
 */
final class WrappingWriter extends Writer {

    /** The longest line the tour prints. */
    static final int WIDTH = 100;
    /** How much deeper a continuation line is indented than the line it continues. */
    static final String CONTINUATION = "  ";

    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    WrappingWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * {@code line} (without its line separator) as the lines it wraps into: itself if it fits in
     * {@link #WIDTH} columns; otherwise broken at the last space that keeps each piece within the width,
     * or, for a word longer than the width, at the first space after it.
     */
    static List<String> wrap(String line) {
        List<String> lines = new ArrayList<>();
        String own = line.substring(0, line.length() - line.stripLeading().length());
        // A deeply indented line continues at the plain indent, so that every continuation has room for words.
        String indent = own.length() > WIDTH / 2 ? CONTINUATION : own + CONTINUATION;
        String rest = line;
        while (rest.length() > WIDTH) {
            int firstWord = rest.length() - rest.stripLeading().length();
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= firstWord) {
                cut = rest.indexOf(' ', Math.max(WIDTH, firstWord));
            }
            if (cut < 0 || rest.substring(cut).isBlank()) {
                break;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '\n') {
                emit(true);
            } else {
                line.append(c);
            }
        }
    }

    /** Writes a pending line that has no newline yet, as it is (a section's last, unterminated line). */
    void finishLine() throws IOException {
        if (line.length() > 0) {
            emit(false);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finishLine();
        out.close();
    }

    private void emit(boolean newline) throws IOException {
        // A "\r\n" line keeps its '\r' at the end of the last piece; inserted breaks use the same separator.
        boolean crlf = line.length() > 0 && line.charAt(line.length() - 1) == '\r';
        String text = crlf ? line.substring(0, line.length() - 1) : line.toString();
        String separator = crlf ? "\r\n" : "\n";
        line.setLength(0);
        List<String> pieces = wrap(text);
        for (int i = 0; i < pieces.size(); i++) {
            out.write(pieces.get(i));
            if (i < pieces.size() - 1 || newline) {
                out.write(separator);
            }
        }
    }
}
