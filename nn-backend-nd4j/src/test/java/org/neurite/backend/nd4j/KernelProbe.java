package org.neurite.backend.nd4j;

/**
 * Run by {@link OpenBlasKernelTest} in a fresh JVM (OpenBLAS chooses its kernel once per process): loads
 * the backend, then prints the kernel OpenBLAS runs and the one the CPU's flags name.
 */
public final class KernelProbe {

    private KernelProbe() {
    }

    /** Prints {@code corename=...} and {@code fromCpu=...}. */
    public static void main(String[] args) throws Exception {
        new Nd4jBackendProvider().create();
        System.out.println("corename=" + OpenBlasKernel.corename());
        System.out.println("fromCpu=" + OpenBlasKernel.fromThisCpu());
    }
}
