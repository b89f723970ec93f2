package org.neurite.backend.nd4j;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Matrix products straight through the OpenBLAS that ND4J itself calls ({@code openblas_nolapack}, the
 * library its {@code CpuLevel3} uses), on the tensors' NIO views of their native memory. {@code Nd4j.gemm}
 * computes the same product but builds an op object, a context and native pointers on every call (about
 * 33 KB per training step, measured with JMH's {@code -prof gc}); this path allocates nothing.
 */
final class Blas {

    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    private Blas() {
    }

    /**
     * {@code c = alpha · op(a) · op(b) + beta · c} for row-major tensors with {@code c (m, n)} and inner
     * dimension {@code k}, all non-empty; with {@code beta = 0} BLAS does not read {@code c}.
     */
    static void gemm(double alpha, Nd4jTensor a, boolean transposeA, Nd4jTensor b, boolean transposeB,
                     double beta, Nd4jTensor c, int m, int n, int k) {
        int ta = transposeA ? TRANS : NO_TRANS;
        int tb = transposeB ? TRANS : NO_TRANS;
        if (c.d != null) {
            openblas_nolapack.cblas_dgemm(ROW_MAJOR, ta, tb, m, n, k, alpha, a.d, a.cols(), b.d, b.cols(), beta, c.d,
                    c.cols());
        } else {
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, ta, tb, m, n, k, (float) alpha, a.f, a.cols(), b.f, b.cols(),
                    (float) beta, c.f, c.cols());
        }
    }
}
