package org.neurite.backend.nd4j;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the kernel of the OpenBLAS that ND4J bundles before it loads, so that the backend reaches its
 * machine's fast GEMM without the user setting anything.
 *
 * <p>ND4J 1.0.0-M2.1 bundles OpenBLAS 0.3.19, built for every x86 kernel ({@code DYNAMIC_ARCH}). When the
 * library loads, its constructor reads {@code getenv("OPENBLAS_CORETYPE")} once, and without it looks the
 * CPU's family and model up in a table that ends in 2021: a Xeon it does not list (Sapphire, Emerald and
 * Granite Rapids) falls back to its {@code Cooperlake} kernel (float64 GEMM 30% slower than {@code SkylakeX}
 * on this project's AVX-512 Xeon) or worse. Current OpenBLAS versions pick by the instruction sets instead;
 * this class does the same for 0.3.19: from the CPU's flags in {@code /proc/cpuinfo} it names the kernel
 * ({@link #forCpu}) and puts it into the process's environment with libc's {@code setenv} (through JNA,
 * which ND4J itself depends on), before ND4J first loads OpenBLAS.
 *
 * <p>What wins, first to last: the user's own {@code OPENBLAS_CORETYPE} (never touched); the system property
 * {@value #PROPERTY} (a kernel name, or {@value #OPENBLAS_OWN} to leave the choice to OpenBLAS); the choice
 * from the CPU flags. Off Linux, or when the flags name no kernel this class knows, or OpenBLAS is already
 * loaded, nothing is set and OpenBLAS chooses as it always did.
 */
final class OpenBlasKernel {

    private static final Logger LOG = LoggerFactory.getLogger(OpenBlasKernel.class);

    /** The variable OpenBLAS reads when it loads. */
    static final String ENV = "OPENBLAS_CORETYPE";
    /** A kernel name to use instead of the one chosen from the CPU flags, or {@value #OPENBLAS_OWN}. */
    static final String PROPERTY = "neurite.nd4j.openblasCoretype";
    /** The value of {@value #PROPERTY} that leaves the choice to OpenBLAS's own detection. */
    static final String OPENBLAS_OWN = "openblas";

    /** The x86-64 kernels of OpenBLAS 0.3.19 that {@link #forCpu} names, spelled as its {@code corename[]}. */
    static final String SKYLAKEX = "SkylakeX";
    static final String HASWELL = "Haswell";
    static final String ZEN = "Zen";
    static final String SANDYBRIDGE = "Sandybridge";

    /** The AVX-512 subsets that OpenBLAS's SkylakeX kernels use (F, CD, BW, DQ, VL: Skylake-SP's set). */
    private static final List<String> SKYLAKEX_FLAGS =
            List.of("avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    /**
     * dlopen's flags for the OpenBLAS already in the process: {@code RTLD_LAZY | RTLD_NOLOAD}, and not JNA's
     * default {@code RTLD_GLOBAL}. JavaCPP loads two copies of OpenBLAS ({@code libopenblas.so.0} for libnd4j,
     * {@code libopenblas_nolapack.so.0} for the cblas calls), each with its own symbols; promoting one to the
     * global scope binds the other's lazily resolved internals to it (a buffer allocated by one copy, freed
     * by the other: "BLAS : Bad memory unallocation!", then a crash, measured). {@code RTLD_NOLOAD} (glibc's
     * 4) makes dlopen return the loaded copy, never load one.
     */
    private static final Map<String, Object> LOADED_LOCAL = Map.of(Library.OPTION_OPEN_FLAGS, 1 | 4);
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path MAPS = Path.of("/proc/self/maps");

    private OpenBlasKernel() {
    }

    /**
     * The kernel for a CPU with these {@code /proc/cpuinfo} flags, or {@code null} to leave the choice to
     * OpenBLAS. Only kernels whose instructions the flags list (Linux lists an AVX flag only when the
     * operating system saves those registers): {@code SkylakeX} with AVX-512 F, CD, BW, DQ and VL on any
     * vendor (as current OpenBLAS picks for AMD's Zen 4 too); else with AVX2 and FMA {@code Zen} on AMD and
     * Hygon, {@code Haswell} on others (both the same AVX2 kernels, tuned differently); else with AVX
     * {@code Sandybridge}; else {@code null}, for CPUs too old for any of them, whose kernels 0.3.19's table
     * knows.
     *
     * @param vendor the {@code vendor_id}, for example {@code GenuineIntel} or {@code AuthenticAMD}
     * @param flags the {@code flags}, lower case
     */
    static String forCpu(String vendor, Set<String> flags) {
        if (flags.containsAll(SKYLAKEX_FLAGS)) {
            return SKYLAKEX;
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return "AuthenticAMD".equals(vendor) || "HygonGenuine".equals(vendor) ? ZEN : HASWELL;
        }
        return flags.contains("avx") ? SANDYBRIDGE : null;
    }

    /**
     * What {@link #beforeLoad} does in this environment, without doing it.
     *
     * @param userEnv the process's {@value #ENV}, or {@code null}
     * @param property {@value #PROPERTY}, or {@code null}
     * @param fromCpu {@link #forCpu}'s answer for this machine, or {@code null}
     * @return the kernel to set (or {@code null} for none) and why
     */
    static Choice choose(String userEnv, String property, String fromCpu) {
        if (userEnv != null) {
            return new Choice(null, ENV + "=" + userEnv + " is set: OpenBLAS obeys it");
        }
        if (property != null && !property.isBlank()) {
            String name = property.strip();
            return name.equalsIgnoreCase(OPENBLAS_OWN)
                    ? new Choice(null, "-D" + PROPERTY + "=" + OPENBLAS_OWN + ": OpenBLAS's own CPU detection")
                    : new Choice(name, "-D" + PROPERTY + "=" + name);
        }
        return fromCpu != null ? new Choice(fromCpu, "chosen from the CPU's flags")
                : new Choice(null, "no known kernel for this CPU: OpenBLAS's own CPU detection");
    }

    /**
     * A kernel to put into {@value #ENV}, or none.
     *
     * @param coretype the kernel name, or {@code null} to set nothing
     * @param reason why, for the log
     */
    record Choice(String coretype, String reason) {
    }

    /**
     * Sets {@value #ENV} for the OpenBLAS that ND4J is about to load, as {@link #choose} decides. Must run
     * before ND4J first loads (Nd4jRuntime calls it first); when OpenBLAS is already in the process (loaded
     * by other code) it changes nothing. Never fails: a problem is logged, and OpenBLAS then chooses itself.
     */
    static void beforeLoad() {
        try {
            if (openBlasPath() != null) {
                LOG.debug("OpenBLAS is already loaded: its kernel is chosen ({})", corename());
                return;
            }
            Choice choice = choose(System.getenv(ENV), System.getProperty(PROPERTY), fromThisCpu());
            if (choice.coretype() == null) {
                LOG.debug("OpenBLAS kernel not set: {}", choice.reason());
                return;
            }
            // Java cannot change its own process's environment; libc's setenv can, and OpenBLAS's getenv
            // reads that environment. ND4J has not loaded yet, so no native thread reads it meanwhile.
            int rc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("setenv")
                    .invokeInt(new Object[] {ENV, choice.coretype(), 0});
            if (rc != 0) {
                LOG.warn("setenv({}={}) failed with {}: OpenBLAS chooses its kernel itself", ENV, choice.coretype(),
                        rc);
                return;
            }
            LOG.debug("{}={} for ND4J's OpenBLAS ({})", ENV, choice.coretype(), choice.reason());
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("could not choose OpenBLAS's kernel ({}): OpenBLAS chooses it itself", e.toString());
        }
    }

    /** The kernel the loaded OpenBLAS runs ({@code openblas_get_corename()}), or {@code "unknown"}. */
    static String corename() {
        try {
            String path = openBlasPath();
            if (path != null) {
                return NativeLibrary.getInstance(path, LOADED_LOCAL).getFunction("openblas_get_corename")
                        .invokeString(new Object[0], false);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.debug("openblas_get_corename failed", e);
        }
        return "unknown";
    }

    /** {@link #forCpu} for the first processor of {@code /proc/cpuinfo}, or {@code null} off Linux. */
    static String fromThisCpu() throws IOException {
        if (!Files.isReadable(CPUINFO)) {
            return null;
        }
        String vendor = "";
        Set<String> flags = new HashSet<>();
        // The first processor's lines only: on a large machine the file repeats them for every CPU.
        try (BufferedReader in = Files.newBufferedReader(CPUINFO)) {
            for (String line = in.readLine(); line != null && flags.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                String key = colon < 0 ? "" : line.substring(0, colon).strip();
                if (key.equals("vendor_id")) {
                    vendor = line.substring(colon + 1).strip();
                } else if (key.equals("flags")) {
                    String list = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
                    flags.addAll(List.of(list.split("\\s+")));
                }
            }
        }
        return forCpu(vendor, flags);
    }

    /** The file of the libopenblas mapped into this process (Linux), or {@code null}. */
    private static String openBlasPath() throws IOException {
        if (!Files.isReadable(MAPS)) {
            return null;
        }
        for (String line : Files.readAllLines(MAPS)) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.contains("/libopenblas")) {
                return line.substring(slash);
            }
        }
        return null;
    }
}
