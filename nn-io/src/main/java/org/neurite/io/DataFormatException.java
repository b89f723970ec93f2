package org.neurite.io;

import org.neurite.api.NeuriteException;
import org.neurite.api.Stability;

/**
 * A data file that cannot be read as the data set asked for. The message names the file, the line (1-based,
 * the header being line 1) and the column where they are known, then what was expected and what came:
 * {@code digits.csv: line 17, column pixel_3: expected a finite number, got 'abc'}.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public class DataFormatException extends NeuriteException {
    private static final long serialVersionUID = 1L;

    /** The source name. */
    private final String source;
    /** The 1-based line, or 0 if none. */
    private final long line;
    /** The column name, or null. */
    private final String column;

    /**
     * An exception whose message is {@code source: line N, column C: problem}, leaving out the line if it
     * is 0 and the column if it is null.
     *
     * @param source the file or source name
     * @param line the 1-based line (the header is line 1), or 0 if the problem has none
     * @param column the column's name from the header, or null
     * @param problem what was expected and what came
     */
    public DataFormatException(String source, long line, String column, String problem) {
        this(source, line, column, problem, null);
    }

    /** As {@link #DataFormatException(String, long, String, String)}, with a cause. */
    public DataFormatException(String source, long line, String column, String problem, Throwable cause) {
        super(source + (line > 0 ? ": line " + line : "") + (column != null ? ", column " + column : "")
                + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** The file or source name the problem is in. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem (the header is line 1), or 0 if it has none. */
    public long line() {
        return line;
    }

    /** The name of the column of the problem, or null if it has none. */
    public String column() {
        return column;
    }
}
