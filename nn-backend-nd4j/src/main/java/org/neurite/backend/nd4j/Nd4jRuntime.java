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
 *
 * <p>Before ND4J first loads, it chooses OpenBLAS's kernel ({@link OpenBlasKernel}) and bounds the off-heap
 * memory by default (see {@link #boundOffHeapMemory}).
 */
final class Nd4jRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);

    /** JavaCPP's limit of the off-heap bytes it allocates, read once when {@code Pointer} initialises. */
    static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    /** JavaCPP's limit of the process's resident size, checked when it allocates. */
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";
    /** What the resident-size limit allows beyond twice the heap: the JVM's own native memory, ND4J's code. */
    static final long PHYSICAL_MARGIN = 512L << 20;

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
            OpenBlasKernel.beforeLoad();
            boundOffHeapMemory();
            Nd4jBackend loaded = new Nd4jBackend();
            smokeTest(loaded);
            backend = loaded;
            LOG.debug("ND4J loaded in {} ms; OpenBLAS kernel {}", (System.nanoTime() - start) / 1_000_000,
                    OpenBlasKernel.corename());
            return loaded;
        } catch (RuntimeException | LinkageError e) {
            failure = e;
            LOG.debug("ND4J failed to load", e);
            throw unavailable(e);
        }
    }

    /**
     * Sets JavaCPP's limits, unless the user has set them (in either of the spellings JavaCPP reads, e.g.
     * {@code maxbytes} or {@code maxBytes}): {@value #MAX_BYTES} to the maximum heap ({@code -Xmx}), and
     * {@value #MAX_PHYSICAL_BYTES} to twice the heap plus {@link #PHYSICAL_MARGIN}. JavaCPP reads them once,
     * when its {@code Pointer} class initialises, so this must run before ND4J first loads; after that it
     * changes nothing, and {@link Nd4jBackend#zeros} checks against the limits JavaCPP really has. A JVM
     * without a heap limit is left to JavaCPP's own defaults.
     */
    static void boundOffHeapMemory() {
        long heap = Runtime.getRuntime().maxMemory();
        if (heap == Long.MAX_VALUE) {
            return;
        }
        setUnlessGiven(MAX_BYTES, "org.bytedeco.javacpp.maxBytes", heap);
        setUnlessGiven(MAX_PHYSICAL_BYTES, "org.bytedeco.javacpp.maxPhysicalBytes", 2 * heap + PHYSICAL_MARGIN);
    }

    private static void setUnlessGiven(String key, String camelCaseKey, long bytes) {
        if (System.getProperty(key) == null && System.getProperty(camelCaseKey) == null) {
            System.setProperty(key, Long.toString(bytes));
            LOG.debug("{}={} (the default tied to the heap)", key, bytes);
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
        String platform = platform();
        return new NeuriteException("ND4J's native library could not be loaded for platform " + platform
                + "; put org.nd4j:nd4j-native with the classifier " + platform
                + " on the class path next to nd4j-native itself", cause);
    }

    /**
     * The platform JavaCPP looks for, named as nd4j-native's classifiers are ({@code linux-x86_64},
     * {@code macosx-arm64}, {@code windows-x86_64}, ...): the system property JavaCPP obeys when it is set,
     * else the operating system and architecture, translated as JavaCPP translates them.
     */
    static String platform() {
        String forced = System.getProperty("org.bytedeco.javacpp.platform");
        if (forced != null && !forced.isBlank()) {
            return forced;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("mac") ? "macosx" : os.startsWith("windows") ? "windows"
                : os.startsWith("linux") ? "linux" : os.replaceAll("\\W", "");
        String archName = switch (arch) {
            case "amd64", "x86-64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> arch;
        };
        return osName + "-" + archName;
    }
}
