package org.neurite.backend.nd4j;

import java.util.Locale;
import org.neurite.api.DType;
import org.neurite.api.NeuriteException;
import org.neurite.api.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ND4J's native library at most once per class loader and remembers the outcome.
 *
 * <p>This is the first class of the module to touch {@code org.nd4j.linalg.factory.Nd4j}, whose static
 * initialiser loads {@code libnd4jcpu} and OpenBLAS through JavaCPP. When that fails, the JVM marks
 * {@code Nd4j} as unusable and every later use throws a bare {@code NoClassDefFoundError: Could not
 * initialize class}, without the reason; keeping the first failure here lets every later attempt (another
 * registry, a retry) report the real cause.
 */
final class Nd4jRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);

    private static Nd4jBackend backend;
    private static Throwable failure;

    private Nd4jRuntime() {
    }

    /**
     * The backend, loading ND4J on the first call.
     *
     * @throws NeuriteException if the native library cannot be loaded or fails its first product; the cause
     *     is the original error, also on later calls
     */
    static synchronized Nd4jBackend load() {
        if (backend != null) {
            return backend;
        }
        if (failure != null) {
            throw unavailable(failure);
        }
        long start = System.nanoTime();
        try {
            Nd4jBackend loaded = new Nd4jBackend();
            smokeTest(loaded);
            backend = loaded;
            LOG.debug("ND4J loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            return loaded;
        } catch (RuntimeException | LinkageError e) {
            failure = e;
            LOG.debug("ND4J failed to load", e);
            throw unavailable(e);
        }
    }

    /** Runs one tiny product per dtype: the first ND4J op loads OpenBLAS, which may fail on its own. */
    private static void smokeTest(Nd4jBackend b) {
        for (DType dtype : DType.values()) {
            Tensor x = b.zeros(dtype, 1, 1);
            Tensor y = b.zeros(dtype, 1, 1);
            Tensor out = b.zeros(dtype, 1, 1);
            x.set(0, 0, 2);
            y.set(0, 0, 3);
            b.matmul(x, false, y, false, out);
            if (out.get(0, 0) != 6) {
                throw new IllegalStateException("ND4J's " + dtype + " product of 2 and 3 gave " + out.get(0, 0));
            }
        }
    }

    private static NeuriteException unavailable(Throwable cause) {
        return new NeuriteException("ND4J's native library could not be used on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch").toLowerCase(Locale.ROOT)
                + "; put org.nd4j:nd4j-native with this platform's classifier (such as linux-x86_64, linux-arm64,"
                + " macosx-x86_64 or windows-x86_64) on the class path", cause);
    }
}
