/**
 * Data sets from files: {@link org.neurite.io.CsvDatasets} reads CSV files with a header row into
 * {@link org.neurite.core.data.Dataset}s, failing with a {@link org.neurite.io.DataFormatException} that
 * names the file, line and column; {@link org.neurite.io.BundledDatasets} has Iris and the handwritten digits.
 */
package org.neurite.io;
