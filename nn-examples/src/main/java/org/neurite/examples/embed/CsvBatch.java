package org.neurite.examples.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurite.api.Stability;
import org.neurite.io.CsvRows;
import org.neurite.io.DataFormatException;

/**
 * A batch to score, read from CSV through nn-io's {@link CsvRows} (Commons CSV, UTF-8, a byte order mark
 * skipped, lines bounded): a header {@code id,<feature>,...}, then one row per record with an id and one
 * number per feature. Blank lines and lines starting with {@code #} are skipped; names, ids and numbers may
 * have blanks around them. {@link #stream} reads a file of any size in batches; {@link #read} holds it all.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class CsvBatch {

    /** The sample batch shipped with the example, on the class path. */
    public static final String SAMPLE = "/org/neurite/examples/embed/scoring-batch.csv";

    /** Receives the rows of {@link #stream}, one batch at a time. */
    @FunctionalInterface
    public interface Consumer {
        /** {@code ids[i]} is the id of {@code rows[i]}, for {@code i < count}; both arrays are reused. */
        void accept(String[] ids, double[][] rows, int count) throws IOException;
    }

    private final List<String> featureNames;
    private final List<String> ids;
    private final double[][] rows;

    private CsvBatch(List<String> featureNames, List<String> ids, double[][] rows) {
        this.featureNames = List.copyOf(featureNames);
        this.ids = List.copyOf(ids);
        this.rows = rows;
    }

    /** Opens a batch file (comments skipped) for {@link #stream}. */
    public static CsvRows open(Path file) {
        return CsvRows.openSkippingComments(file);
    }

    /** Opens the sample batch for {@link #stream}. */
    public static CsvRows openSample() {
        InputStream in = CsvBatch.class.getResourceAsStream(SAMPLE);
        if (in == null) {
            throw new IllegalStateException("the sample batch " + SAMPLE + " is missing from the class path");
        }
        return CsvRows.openSkippingComments(new InputStreamReader(in, StandardCharsets.UTF_8), "scoring-batch.csv");
    }

    /**
     * The feature names of a batch's header: {@code id} first, then at least one feature.
     *
     * @throws DataFormatException naming the header's line if it is not such a header
     */
    public static List<String> featureNames(CsvRows rows) {
        List<String> header = rows.header().stream().map(String::strip).toList();
        if (header.size() < 2 || !header.get(0).equalsIgnoreCase("id")) {
            String shown = String.join(",", header);
            throw new DataFormatException(rows.source(), rows.headerLine(), null, "expected a header "
                    + "'id,<feature>,...', got '" + (shown.length() <= 100 ? shown : shown.substring(0, 100) + "...")
                    + "'");
        }
        return header.subList(1, header.size());
    }

    /**
     * Reads every row, {@code batchSize} at a time, into {@code consumer}; memory does not grow with the file.
     *
     * @return the number of rows
     * @throws DataFormatException naming the source, line and column of a malformed value
     */
    public static long stream(CsvRows rows, int batchSize, Consumer consumer) throws IOException {
        int width = featureNames(rows).size();
        String[] ids = new String[batchSize];
        double[][] batch = new double[batchSize][width];
        long count = 0;
        int filled = 0;
        while (rows.next()) {
            for (int c = 0; c < width; c++) {
                batch[filled][c] = rows.number(c + 1);
            }
            ids[filled++] = rows.field(0).strip();
            if (filled == batchSize) {
                consumer.accept(ids, batch, filled);
                count += filled;
                filled = 0;
            }
        }
        if (filled > 0) {
            consumer.accept(ids, batch, filled);
            count += filled;
        }
        return count;
    }

    /**
     * Reads a whole batch (for small ones; {@link #stream} for files of any size).
     *
     * @param source the file's name for error messages
     * @throws DataFormatException naming the source, line and column of a malformed value
     */
    public static CsvBatch read(Reader in, String source) throws IOException {
        try (CsvRows rows = CsvRows.openSkippingComments(in, source)) {
            return read(rows);
        }
    }

    /** Reads a whole batch from a file. */
    public static CsvBatch read(Path file) throws IOException {
        try (CsvRows rows = open(file)) {
            return read(rows);
        }
    }

    private static CsvBatch read(CsvRows rows) throws IOException {
        List<String> names = featureNames(rows);
        List<String> ids = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        stream(rows, 256, (batchIds, batch, count) -> {
            for (int i = 0; i < count; i++) {
                ids.add(batchIds[i]);
                all.add(batch[i].clone());
            }
        });
        return new CsvBatch(names, ids, all.toArray(new double[0][]));
    }

    /** The sample batch shipped with the example. */
    public static CsvBatch sample() {
        try (CsvRows rows = openSample()) {
            return read(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return Arrays.stream(rows).map(double[]::clone).toArray(double[][]::new);
    }

    /** The number of rows. */
    public int size() {
        return rows.length;
    }
}
