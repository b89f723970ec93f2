package org.neurite.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenBlasKernelTest {

    private static final Set<String> AVX512 = Set.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512cd",
            "avx512bw", "avx512dq", "avx512vl", "avx512_bf16");
    private static final Set<String> AVX2 = Set.of("sse4_2", "avx", "avx2", "fma");

    @Test
    void avx512WithSkylakeSetGetsSkylakeXOnEveryVendor() {
        assertEquals("SkylakeX", OpenBlasKernel.forCpu("GenuineIntel", AVX512));
        assertEquals("SkylakeX", OpenBlasKernel.forCpu("AuthenticAMD", AVX512)); // Zen 4
    }

    @Test
    void avx512WithoutAllOfSkylakeXsSubsetsFallsToTheAvx2Kernels() {
        // Knights Landing: AVX-512 F and CD, no VL/BW/DQ; OpenBLAS's SkylakeX kernels need VL.
        Set<String> knightsLanding = Set.of("avx", "avx2", "fma", "avx512f", "avx512cd", "avx512er", "avx512pf");
        assertEquals("Haswell", OpenBlasKernel.forCpu("GenuineIntel", knightsLanding));
    }

    @Test
    void avx2GetsZenOnAmdAndHygonAndHaswellOnOthers() {
        assertEquals("Zen", OpenBlasKernel.forCpu("AuthenticAMD", AVX2));
        assertEquals("Zen", OpenBlasKernel.forCpu("HygonGenuine", AVX2));
        assertEquals("Haswell", OpenBlasKernel.forCpu("GenuineIntel", AVX2));
        assertEquals("Haswell", OpenBlasKernel.forCpu("", AVX2));
    }

    @Test
    void avxAloneGetsSandybridgeAndOlderCpusAreLeftToOpenBlas() {
        assertEquals("Sandybridge", OpenBlasKernel.forCpu("GenuineIntel", Set.of("sse4_2", "avx")));
        // AVX2 without FMA is not a Haswell.
        assertEquals("Sandybridge", OpenBlasKernel.forCpu("GenuineIntel", Set.of("avx", "avx2")));
        assertNull(OpenBlasKernel.forCpu("GenuineIntel", Set.of("sse2", "sse4_2")));
        assertNull(OpenBlasKernel.forCpu("", Set.of()));
    }

    @Test
    void theUsersVariableWinsThenThePropertyThenTheCpu() {
        assertNull(OpenBlasKernel.choose("Haswell", "Zen", "SkylakeX").coretype());
        assertNull(OpenBlasKernel.choose("", null, "SkylakeX").coretype(), "even empty, the user's variable is theirs");
        assertEquals("Zen", OpenBlasKernel.choose(null, " Zen ", "SkylakeX").coretype());
        assertNull(OpenBlasKernel.choose(null, "OpenBLAS", "SkylakeX").coretype());
        assertEquals("SkylakeX", OpenBlasKernel.choose(null, "", "SkylakeX").coretype());
        assertEquals("SkylakeX", OpenBlasKernel.choose(null, null, "SkylakeX").coretype());
        assertNull(OpenBlasKernel.choose(null, null, null).coretype());
    }

    @Test
    void withNothingSetOpenBlasRunsTheKernelTheCpuFlagsName() throws Exception {
        ChildJvm.Output found = ChildJvm.run(Map.of(OpenBlasKernel.ENV, ""), List.of(), KernelProbe.class);
        assertEquals("2.0", found.get("products"), "the identity's last element, once per dtype");
        assumeTrue(!"null".equals(found.get("fromCpu")), "no kernel is chosen on this CPU");
        assertEquals(found.get("fromCpu"), found.get("corename"), found.stderr());
    }

    @Test
    void theUsersVariableWins() throws Exception {
        // Sandybridge runs on every CPU from 2011 on, and is no CPU's automatic choice here.
        ChildJvm.Output found = ChildJvm.run(Map.of(OpenBlasKernel.ENV, "Sandybridge"),
                List.of("-D" + OpenBlasKernel.PROPERTY + "=Haswell"), KernelProbe.class);
        assertEquals("Sandybridge", found.get("corename"), found.stderr());
    }

    @Test
    void thePropertyNamesTheKernel() throws Exception {
        ChildJvm.Output found = ChildJvm.run(Map.of(OpenBlasKernel.ENV, ""),
                List.of("-D" + OpenBlasKernel.PROPERTY + "=Sandybridge"), KernelProbe.class);
        assertEquals("Sandybridge", found.get("corename"), found.stderr());
    }
}
