package org.neurite.backend.nd4j;

import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.Tensor;

/**
 * Run by {@link OpenBlasKernelTest} in a fresh JVM (OpenBLAS chooses its kernel once per process): loads
 * the backend, then prints the kernel OpenBLAS runs and the one the CPU's flags name, then runs products
 * through both copies of OpenBLAS (the backend's cblas calls and ND4J's own ops): asking for the kernel must
 * leave them working (it once bound one copy's internals to the other, and the JVM crashed within a few
 * hundred products).
 */
public final class KernelProbe {

    private KernelProbe() {
    }

    /** Prints {@code corename=...}, {@code fromCpu=...} and {@code products=...}. */
    public static void main(String[] args) throws Exception {
        Backend backend = new Nd4jBackendProvider().create();
        System.out.println("corename=" + OpenBlasKernel.corename());
        System.out.println("fromCpu=" + OpenBlasKernel.fromThisCpu());
        double sum = 0;
        for (DType dtype : DType.values()) {
            Tensor a = backend.zeros(dtype, 256, 256);
            Tensor c = backend.zeros(dtype, 256, 256);
            for (int i = 0; i < 256; i++) {
                a.set(i, i, 1);
            }
            for (int i = 0; i < 1000; i++) {
                backend.matmul(a, false, a, true, c);
                ((Nd4jTensor) a).array.mmul(((Nd4jTensor) c).array); // ND4J's own op: libnd4j's copy
            }
            sum += c.get(255, 255);
        }
        System.out.println("products=" + sum);
    }
}
