package org.neurite.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.neurite.api.Stability;

/**
 * The rows of a CSV file with a header, one at a time, in the format and with the errors of
 * {@link CsvDatasets} (whose readers use it): for files too large to hold, such as a batch to predict.
 * Memory does not grow with the file: only the current record is held.
 *
 * <pre>{@code
 * try (CsvRows rows = CsvRows.open(path)) {
 *     int x = rows.column("x");
 *     while (rows.next()) {
 *         double value = rows.number(x);        // a bad cell names the file, line and column
 *     }
 * }
 * }</pre>
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class CsvRows implements AutoCloseable {

    /**
     * The longest line read, in characters: a longer one (a binary file, {@code /dev/zero}, one huge line) is a
     * {@link DataFormatException} naming its line, so that memory stays bounded whatever the file holds.
     */
    public static final int MAX_LINE_LENGTH = 1 << 20;

    private final String source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final long headerLine;
    private CSVRecord record;
    private long line;

    private CsvRows(CSVParser parser, String source) {
        this.source = source;
        this.parser = parser;
        this.headerLine = Math.max(1, parser.getCurrentLineNumber());
        this.header = List.copyOf(parser.getHeaderNames());
        this.columns = CsvDatasets.columns(header, source, headerLine);
        this.records = parser.iterator();
    }

    /**
     * Opens a UTF-8 CSV file (a leading byte order mark is skipped) and reads its header; messages name it by
     * its file name. Bytes that are not UTF-8 are a {@link DataFormatException} naming their line.
     *
     * @throws DataFormatException if the header is missing, has a blank name or a name twice
     * @throws UncheckedIOException if the file cannot be read, saying why (no such file, a folder, ...)
     */
    public static CsvRows open(Path file) {
        return open(file, CsvDatasets.FORMAT);
    }

    /** As {@link #open(Path)}, skipping comment lines: those that start with {@code #}. */
    public static CsvRows openSkippingComments(Path file) {
        return open(file, CsvDatasets.FORMAT.builder().setCommentMarker('#').get());
    }

    /** As {@link #open(Reader, String)}, skipping comment lines: those that start with {@code #}. */
    public static CsvRows openSkippingComments(Reader reader, String sourceName) {
        return open(reader, sourceName, CsvDatasets.FORMAT.builder().setCommentMarker('#').get());
    }

    private static CsvRows open(Path file, CSVFormat format) {
        String source = CsvDatasets.sourceName(file);
        Reader reader;
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("it is a folder, not a file");
            }
            reader = new java.io.BufferedReader(new CsvText.StrictUtf8(Files.newInputStream(file)), 8192);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read " + file + ": " + reason(e), e);
        }
        try {
            return open(reader, source, format);
        } catch (RuntimeException e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Reads the header of CSV text; closing the rows closes {@code reader}.
     *
     * @param sourceName what messages call the source, for example a file name
     * @throws DataFormatException if the header is missing, has a blank name or a name twice
     */
    public static CsvRows open(Reader reader, String sourceName) {
        return open(reader, sourceName, CsvDatasets.FORMAT);
    }

    private static CsvRows open(Reader reader, String sourceName, CSVFormat format) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(CsvDatasets.withoutByteOrderMark(
                            new CsvText.BoundedLines(reader, MAX_LINE_LENGTH)))
                    .setFormat(format).get();
        } catch (IOException | UncheckedIOException e) {
            throw CsvDatasets.readFailure(sourceName, 1, e);
        }
        return new CsvRows(parser, sourceName);
    }

    /**
     * Why a file cannot be read or written, in words: the JDK's file exceptions carry only the path
     * ({@code no such file}, {@code permission denied}, the system's reason, else the message).
     */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What messages call the source. */
    public String source() {
        return source;
    }

    /** The header's names, in order. */
    public List<String> header() {
        return header;
    }

    /** The line of the header (1 unless blank lines come first). */
    public long headerLine() {
        return headerLine;
    }

    /** The index of the column named {@code name}, or -1 if the header has none. */
    public int column(String name) {
        return columns.getOrDefault(name, -1);
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the text
     * @throws DataFormatException if the record is malformed CSV or has not one field per header column
     * @throws UncheckedIOException if the text cannot be read
     */
    public boolean next() {
        try {
            if (!records.hasNext()) {
                record = null;
                return false;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw CsvDatasets.readFailure(source, parser.getCurrentLineNumber(), e);
        }
        line = CsvDatasets.startLine(record, parser.getCurrentLineNumber());
        if (record.size() > header.size() && record.getRecordNumber() == 1) {
            throw new DataFormatException(source, headerLine, null, "expected a header naming every column, got "
                    + header.size() + " names for the " + record.size() + " fields of line " + line
                    + "; add the missing names to the header");
        }
        if (record.size() != header.size()) {
            throw new DataFormatException(source, line, null, "expected " + header.size()
                    + " fields (one per header column), got " + record.size());
        }
        return true;
    }

    /** The line the current record starts on (the header is line 1). */
    public long line() {
        return line;
    }

    /** The current record's field in {@code column}, as written. */
    public String field(int column) {
        if (record == null) {
            throw new IllegalStateException(source + ": no current record (call next() first)");
        }
        return record.get(column);
    }

    /**
     * The current record's field in {@code column} as a number, in the syntax of {@link CsvDatasets}.
     *
     * @throws DataFormatException naming the line and column if it is not a finite number
     */
    public double number(int column) {
        return CsvDatasets.number(field(column), source, line, header.get(column));
    }

    /** Closes the text. */
    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot close the reader", e);
        }
    }
}
