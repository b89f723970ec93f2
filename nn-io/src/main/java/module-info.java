/**
 * Reading data sets from files: CSV through Apache Commons CSV ({@link org.neurite.io.CsvDatasets}), and
 * the bundled Iris and digits sets ({@link org.neurite.io.BundledDatasets}); reading and writing safetensors
 * model files ({@link org.neurite.io.safetensors.SafetensorsFile},
 * {@link org.neurite.io.safetensors.SafetensorsWriter}), whose JSON header Jackson parses.
 *
 * <p>The bundled CSV files live in the module's own package {@code org/neurite/io/data}, which is neither
 * exported nor opened: {@code BundledDatasets} reads them from inside the module, where they are visible.
 */
module org.neurite.io {
    requires transitive org.neurite.core;
    requires org.apache.commons.csv;
    requires com.fasterxml.jackson.databind;

    exports org.neurite.io;
    exports org.neurite.io.safetensors;
}
