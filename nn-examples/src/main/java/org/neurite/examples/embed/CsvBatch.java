package org.neurite.examples.embed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurite.api.Stability;

/**
 * A batch to score, read from CSV: a header {@code id,<feature>,...}, then one row per line with an id and
 * one number per feature. Blank lines and lines starting with {@code #} are skipped. No quoting: ids and
 * numbers never contain commas.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class CsvBatch {

    /** The sample batch shipped with the example, on the class path. */
    public static final String SAMPLE = "/org/neurite/examples/embed/scoring-batch.csv";

    private final List<String> featureNames;
    private final List<String> ids;
    private final double[][] rows;

    private CsvBatch(List<String> featureNames, List<String> ids, double[][] rows) {
        this.featureNames = List.copyOf(featureNames);
        this.ids = List.copyOf(ids);
        this.rows = rows;
    }

    /**
     * Reads a batch.
     *
     * @param source the file's name for error messages
     * @throws IllegalArgumentException naming the source, line and column of a malformed value
     */
    public static CsvBatch read(Reader in, String source) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        List<String> header = null;
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (header == null) {
                if (!cells[0].strip().equalsIgnoreCase("id") || cells.length < 2) {
                    throw new IllegalArgumentException(source + " line " + number
                            + ": expected a header 'id,<feature>,...', got '" + text + "'");
                }
                header = Arrays.stream(cells).map(String::strip).toList();
                continue;
            }
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(source + " line " + number + ": expected " + header.size()
                        + " columns (" + String.join(",", header) + "), got " + cells.length);
            }
            double[] row = new double[cells.length - 1];
            for (int c = 1; c < cells.length; c++) {
                row[c - 1] = number(cells[c].strip(), source, number, header.get(c));
            }
            ids.add(cells[0].strip());
            rows.add(row);
        }
        if (header == null) {
            throw new IllegalArgumentException(source + ": expected a header 'id,<feature>,...', got an empty file");
        }
        return new CsvBatch(header.subList(1, header.size()), ids, rows.toArray(new double[0][]));
    }

    /** Reads a batch from a file. */
    public static CsvBatch read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    /** The sample batch shipped with the example. */
    public static CsvBatch sample() {
        try (InputStream in = CsvBatch.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the sample batch " + SAMPLE + " is missing from the class path");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), "scoring-batch.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(String cell, String source, int line, String column) {
        try {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the position
        }
        throw new IllegalArgumentException(source + " line " + line + ", column " + column
                + ": expected a finite number, got '" + cell + "'");
    }

    /** The feature columns' names, in order (the header without {@code id}). */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The ids, one per row. */
    public List<String> ids() {
        return ids;
    }

    /** The features, one array per row; a copy. */
    public double[][] rows() {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** The number of rows. */
    public int size() {
        return rows.length;
    }
}
