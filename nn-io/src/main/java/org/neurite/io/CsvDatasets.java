package org.neurite.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.neurite.api.Stability;
import org.neurite.core.data.Dataset;

/**
 * Reads CSV files into {@link Dataset}s with Apache Commons CSV ({@code CSVFormat.DEFAULT}: comma-separated,
 * fields optionally in double quotes, {@code ""} for a quote inside one, CRLF or LF line ends, empty lines
 * skipped), in UTF-8.
 *
 * <p>The first row is a header naming every column; names must be non-empty and distinct. Every column other
 * than the label (or target) columns is a numeric feature, in header order, named as in the header. A
 * number is a decimal such as {@code 3}, {@code -0.5}, {@code .5} or {@code 1e-3}, with surrounding blanks
 * allowed; anything else ({@code abc}, an empty field, {@code NaN}, {@code Infinity}, a hexadecimal
 * literal) or a value beyond the double range is an error.
 *
 * <p><b>Class labels</b> are strings. The class names are the distinct labels, sorted by numeric value
 * (as doubles, ties in lexical order) when every label is a number in the sense above, so that
 * {@code 2 < 10}; else in lexical order ({@link String#compareTo}). Label {@code i} of the data set is the
 * {@code i}-th name.
 *
 * <p><b>Errors</b> are {@link DataFormatException}s naming the source, the 1-based line (the header is line
 * 1; a record is named by the line it starts on), the column, what was expected and what came. Files are
 * read as a stream, one record at a time, and rejected at their first bad record, so memory stays within a
 * small multiple of the data itself; a value quoted in a message is cut to 40 characters.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class CsvDatasets {

    /** A decimal number; possessive, so a long bad field is rejected in linear time. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][+-]?+\\d++)?+");

    private static final int MAX_QUOTED = 40;

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            // Checked here, so that the message names the file, line and column.
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true)
            .get();

    private CsvDatasets() {
    }

    /**
     * Reads a classification data set from a CSV file.
     *
     * @param file a UTF-8 CSV file with a header row; messages name it by its file name
     * @param labelColumn the header name of the label column
     * @throws DataFormatException if the file is not such a data set, naming the line and column
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Dataset readClassification(Path file, String labelColumn) {
        Objects.requireNonNull(labelColumn, "labelColumn");
        try (CsvRows rows = CsvRows.open(file)) {
            return read(rows, rows.source(), List.of(labelColumn), true);
        }
    }

    /**
     * Reads a classification data set from CSV text, to its end; does not close the reader.
     *
     * @param reader the CSV text
     * @param sourceName what messages call the source, for example a file name
     * @param labelColumn the header name of the label column
     * @throws DataFormatException if the text is not such a data set, naming the line and column
     * @throws UncheckedIOException if the reader fails
     */
    public static Dataset readClassification(Reader reader, String sourceName, String labelColumn) {
        Objects.requireNonNull(labelColumn, "labelColumn");
        return read(reader, sourceName, List.of(labelColumn), true);
    }

    /**
     * Reads a regression data set from a CSV file.
     *
     * @param file a UTF-8 CSV file with a header row; messages name it by its file name
     * @param targetColumns the header names of the target columns, at least one, distinct; the target's
     *     columns come in this order
     * @throws DataFormatException if the file is not such a data set, naming the line and column
     * @throws IllegalArgumentException if no target column is given or one is given twice
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Dataset readRegression(Path file, String... targetColumns) {
        List<String> targets = targetList(targetColumns);
        try (CsvRows rows = CsvRows.open(file)) {
            return read(rows, rows.source(), targets, false);
        }
    }

    /**
     * Reads a regression data set from CSV text, to its end; does not close the reader.
     *
     * @param reader the CSV text
     * @param sourceName what messages call the source, for example a file name
     * @param targetColumns the header names of the target columns, at least one, distinct
     * @throws DataFormatException if the text is not such a data set, naming the line and column
     * @throws IllegalArgumentException if no target column is given or one is given twice
     * @throws UncheckedIOException if the reader fails
     */
    public static Dataset readRegression(Reader reader, String sourceName, String... targetColumns) {
        return read(reader, sourceName, targetList(targetColumns), false);
    }

    private static List<String> targetList(String... targetColumns) {
        Objects.requireNonNull(targetColumns, "targetColumns");
        if (targetColumns.length == 0) {
            throw new IllegalArgumentException("targetColumns: expected at least 1 column name, got none");
        }
        for (int i = 0; i < targetColumns.length; i++) {
            Objects.requireNonNull(targetColumns[i], "targetColumns[" + i + "]");
            for (int j = 0; j < i; j++) {
                if (targetColumns[j].equals(targetColumns[i])) {
                    throw new IllegalArgumentException("targetColumns[" + i + "]: expected distinct names, got '"
                            + targetColumns[i] + "' a second time");
                }
            }
        }
        return List.of(targetColumns);
    }

    private static Dataset read(Reader reader, String source, List<String> targetNames, boolean classification) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "sourceName");
        try (CsvRows rows = CsvRows.open(new UnclosedReader(reader), source)) {
            return read(rows, source, targetNames, classification);
        }
    }

    private static Dataset read(CsvRows rows, String source, List<String> targetNames, boolean classification) {
        long headerLine = rows.headerLine();
        List<String> header = rows.header();
        int[] targetIndex = new int[targetNames.size()];
        for (int t = 0; t < targetIndex.length; t++) {
            int index = rows.column(targetNames.get(t));
            if (index < 0) {
                throw new DataFormatException(source, headerLine, null, "expected a "
                        + (classification ? "label" : "target") + " column " + quote(targetNames.get(t))
                        + " in the header, got the columns " + shown(header));
            }
            targetIndex[t] = index;
        }
        int width = header.size();
        boolean[] isTarget = new boolean[width];
        for (int index : targetIndex) {
            isTarget[index] = true;
        }
        int[] featureIndex = new int[width - targetIndex.length];
        List<String> featureNames = new ArrayList<>(featureIndex.length);
        for (int i = 0, f = 0; i < width; i++) {
            if (!isTarget[i]) {
                featureIndex[f++] = i;
                featureNames.add(header.get(i));
            }
        }
        if (featureIndex.length == 0) {
            throw new DataFormatException(source, headerLine, null, "expected at least 1 feature column besides "
                    + targetNames + ", got the columns " + shown(header));
        }

        List<double[]> features = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        int[] labels = new int[16];
        Map<String, Integer> labelIndex = new HashMap<>();
        List<String> labelNames = new ArrayList<>();
        while (rows.next()) {
            long line = rows.line();
            if (features.size() == Integer.MAX_VALUE - 8) {
                throw new DataFormatException(source, line, null, "expected at most " + features.size()
                        + " data rows, got more");
            }
            double[] x = new double[featureIndex.length];
            for (int f = 0; f < featureIndex.length; f++) {
                x[f] = rows.number(featureIndex[f]);
            }
            if (classification) {
                String label = rows.field(targetIndex[0]);
                if (label.isEmpty()) {
                    throw new DataFormatException(source, line, targetNames.get(0),
                            "expected a class label, got an empty field");
                }
                Integer index = labelIndex.get(label);
                if (index == null) {
                    index = labelNames.size();
                    labelIndex.put(label, index);
                    labelNames.add(label);
                }
                if (features.size() == labels.length) {
                    labels = Arrays.copyOf(labels, labels.length * 2);
                }
                labels[features.size()] = index;
            } else {
                double[] y = new double[targetIndex.length];
                for (int t = 0; t < targetIndex.length; t++) {
                    y[t] = rows.number(targetIndex[t]);
                }
                targets.add(y);
            }
            features.add(x);
        }
        if (features.isEmpty()) {
            throw new DataFormatException(source, headerLine + 1, null,
                    "expected a data row after the header, got the end of the file");
        }
        double[][] x = features.toArray(new double[0][]);
        features = null;
        Dataset data;
        if (classification) {
            int[] order = classOrder(labelNames);
            int[] rank = new int[order.length];
            List<String> classNames = new ArrayList<>(order.length);
            for (int i = 0; i < order.length; i++) {
                rank[order[i]] = i;
                classNames.add(labelNames.get(order[i]));
            }
            int[] y = new int[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = rank[labels[i]];
            }
            data = Dataset.classification(x, y, classNames);
        } else {
            data = Dataset.regression(x, targets.toArray(new double[0][]));
        }
        return data.withFeatureNames(featureNames);
    }

    /**
     * The header's columns by name, in order.
     *
     * @throws DataFormatException if the header is empty, or a name is blank or given twice
     */
    static Map<String, Integer> columns(List<String> header, String source, long headerLine) {
        if (header.isEmpty()) {
            throw new DataFormatException(source, 1, null, "expected a header row, got an empty file");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isBlank()) {
                throw new DataFormatException(source, headerLine, null, "expected a name for column " + (i + 1)
                        + " of the header, got " + quote(name));
            }
            Integer before = columns.putIfAbsent(name, i);
            if (before != null) {
                throw new DataFormatException(source, headerLine, name, "expected distinct column names, got "
                        + quote(name) + " as columns " + (before + 1) + " and " + (i + 1));
            }
        }
        return columns;
    }

    /** The indices of {@code names} in class order: numeric when all are numbers, else lexical. */
    private static int[] classOrder(List<String> names) {
        boolean numeric = names.stream().allMatch(n -> NUMBER.matcher(n.strip()).matches());
        Comparator<Integer> lexical = Comparator.comparing(names::get);
        Comparator<Integer> order = numeric
                ? Comparator.<Integer>comparingDouble(i -> Double.parseDouble(names.get(i).strip())).thenComparing(lexical)
                : lexical;
        return java.util.stream.IntStream.range(0, names.size()).boxed().sorted(order)
                .mapToInt(Integer::intValue).toArray();
    }

    static double number(String field, String source, long line, String column) {
        String s = field.strip();
        if (NUMBER.matcher(s).matches()) {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        }
        throw new DataFormatException(source, line, column, "expected a finite number, got " + quote(field));
    }

    /** The line a record starts on: the parser's line at its end, less the line breaks inside its fields. */
    static long startLine(CSVRecord record, long endLine) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return Math.max(1, endLine - breaks);
    }

    static RuntimeException readFailure(String source, long line, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CsvText.Problem p) {
            return new DataFormatException(source, p.line, null, p.getMessage(), p);
        }
        if (cause instanceof CSVException) {
            return new DataFormatException(source, Math.max(1, line), null,
                    "expected well-formed CSV, got: " + cause.getMessage(), cause);
        }
        if (cause instanceof CharacterCodingException) {
            return new DataFormatException(source, Math.max(1, line), null,
                    "expected UTF-8 text, got bytes that are not (" + cause + ")", cause);
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(source + ": cannot read", io);
        }
        return e instanceof RuntimeException r ? r : new UncheckedIOException(source + ": cannot read",
                new IOException(e));
    }

    /** The text with a leading U+FEFF (a UTF-8 byte order mark) skipped, so that a quoted first name parses. */
    static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    private static String quote(String value) {
        if (value.length() <= MAX_QUOTED) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, MAX_QUOTED) + "...' (" + value.length() + " characters)";
    }

    /** A list of names as messages show it: cut to about 100 characters. */
    static String shown(List<String> names) {
        String s = String.valueOf(names);
        return s.length() <= 100 ? s : s.substring(0, 100) + "...] (" + names.size() + " columns)";
    }

    static String sourceName(Path file) {
        Path name = file.getFileName();
        return name != null ? name.toString() : file.toString();
    }

    /** Leaves the caller's reader open when the parser closes. */
    static final class UnclosedReader extends FilterReader {
        UnclosedReader(Reader in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller's reader: the caller closes it
        }
    }
}
