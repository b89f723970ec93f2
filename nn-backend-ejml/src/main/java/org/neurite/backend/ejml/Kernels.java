package org.neurite.backend.ejml;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;

/**
 * Which EJML kernel computes a product, measured on nn-benchmarks (see README, "Performance"):
 *
 * <ul>
 *   <li><b>Threads.</b> EJML's {@code CommonOps_MT_*} split the rows of the product over a fork-join
 *       pool. Handing work to the pool and joining costs tens of microseconds (about 40 µs per product on
 *       the 2-core benchmark machine, RawEjmlBenchmark's {@code *_MT} on {@code tiny_single}), so a product
 *       goes multi-threaded only from {@link #DEFAULT_PARALLEL_MIN_WORK} multiply-adds up: about 2 ms of
 *       single-threaded work at EJML's 4–5 GFLOP/s, where that overhead is under 2% and two cores nearly
 *       halve the time. The dense layers of {@code [784, 1024, 1024, 10]} at batch 256 (2·10⁸ multiply-adds)
 *       are far above it; every layer of {@code [2, 8, 4, 1]}, even at batch 10,000 (3·10⁵), is below.
 *       {@code -Dneurite.ejml.parallelMinWork=N} moves it (0: always, a huge value: never).</li>
 *   <li><b>{@code X·Wᵀ} on a batch.</b> EJML's {@code multTransB} takes a dot product of two rows per
 *       element, which the JIT cannot vectorize (a floating-point sum must keep its order); {@code mult}
 *       on {@code Wᵀ} runs its "reorder" loop, row of {@code C} += scalar · row of {@code Wᵀ}, which
 *       it does vectorize. For at least {@link #TRANSPOSE_MIN_ROWS} rows and {@link #TRANSPOSE_MIN_COLS}
 *       output columns (where {@code mult} uses that loop) the backend transposes {@code W} into a
 *       per-thread buffer, an {@code O(n·k)} copy beside the {@code O(m·n·k)} product, and calls
 *       {@code mult}. Both orders add the products of each element in the same sequence, so the results
 *       are the same values (up to the sign of a zero sum).</li>
 *
 *   <li><b>Small {@code X·Wᵀ}.</b> Up to {@link #SMALL_WORK} multiply-adds (a single sample through a
 *       small layer) the product runs as {@code multTransB}'s own loop written here, which skips EJML's
 *       entry checks and dispatch: at tens of nanoseconds per layer those are a visible part of the pass.
 *       Same loop, same order of additions, same results.</li>
 * </ul>
 *
 * <p>The per-thread buffer keeps the largest transposed weight matrix a thread has used (8 MiB for a
 * float64 1024 × 1024 layer); it is never shared, so concurrent passes stay independent.
 */
final class Kernels {

    /** Multiply-adds from which a product runs multi-threaded by default: 4·10⁶ (8 MFLOP). */
    static final long DEFAULT_PARALLEL_MIN_WORK = 4_000_000L;
    /** Rows of {@code X} from which {@code X·Wᵀ} transposes {@code W} and runs {@code mult}. */
    static final int TRANSPOSE_MIN_ROWS = 32;
    /** Output columns from which {@code X·Wᵀ} transposes {@code W} (EJML's {@code mult} switches there). */
    static final int TRANSPOSE_MIN_COLS = 16;

    /** Multiply-adds up to which {@code X·Wᵀ} runs as a plain loop here rather than through EJML. */
    static final long SMALL_WORK = 4096;

    private Kernels() {
    }

    /** {@code c = a·bᵀ} for {@code a (m, k)}, {@code b (n, k)}: EJML's multTransB loop, without its checks. */
    static void multTransBSmall(double[] a, double[] b, double[] c, int m, int n, int k) {
        for (int i = 0, ai = 0, ci = 0; i < m; i++, ai += k) {
            for (int j = 0, bj = 0; j < n; j++, bj += k) {
                double total = 0;
                for (int t = 0; t < k; t++) {
                    total += a[ai + t] * b[bj + t];
                }
                c[ci++] = total;
            }
        }
    }

    /** As {@link #multTransBSmall(double[], double[], double[], int, int, int)} in float. */
    static void multTransBSmall(float[] a, float[] b, float[] c, int m, int n, int k) {
        for (int i = 0, ai = 0, ci = 0; i < m; i++, ai += k) {
            for (int j = 0, bj = 0; j < n; j++, bj += k) {
                float total = 0;
                for (int t = 0; t < k; t++) {
                    total += a[ai + t] * b[bj + t];
                }
                c[ci++] = total;
            }
        }
    }

    static void multiply(DMatrixRMaj a, boolean transposeA, DMatrixRMaj b, boolean transposeB, DMatrixRMaj c,
                         boolean parallel, ThreadLocal<DMatrixRMaj> scratch) {
        if (transposeA) {
            if (transposeB) {
                if (parallel) {
                    CommonOps_MT_DDRM.multTransAB(a, b, c);
                } else {
                    CommonOps_DDRM.multTransAB(a, b, c);
                }
            } else if (parallel) {
                CommonOps_MT_DDRM.multTransA(a, b, c);
            } else {
                CommonOps_DDRM.multTransA(a, b, c);
            }
        } else if (transposeB) {
            if ((long) a.numRows * b.numRows * a.numCols <= SMALL_WORK) {
                multTransBSmall(a.data, b.data, c.data, a.numRows, b.numRows, a.numCols);
            } else if (a.numRows >= TRANSPOSE_MIN_ROWS && b.numRows >= TRANSPOSE_MIN_COLS) {
                DMatrixRMaj bt = scratch.get();
                if (parallel) {
                    CommonOps_MT_DDRM.transpose(b, bt);
                    CommonOps_MT_DDRM.mult(a, bt, c);
                } else {
                    CommonOps_DDRM.transpose(b, bt);
                    CommonOps_DDRM.mult(a, bt, c);
                }
            } else if (parallel) {
                CommonOps_MT_DDRM.multTransB(a, b, c);
            } else {
                CommonOps_DDRM.multTransB(a, b, c);
            }
        } else if (parallel) {
            CommonOps_MT_DDRM.mult(a, b, c);
        } else {
            CommonOps_DDRM.mult(a, b, c);
        }
    }

    static void multiply(FMatrixRMaj a, boolean transposeA, FMatrixRMaj b, boolean transposeB, FMatrixRMaj c,
                         boolean parallel, ThreadLocal<FMatrixRMaj> scratch) {
        if (transposeA) {
            if (transposeB) {
                if (parallel) {
                    CommonOps_MT_FDRM.multTransAB(a, b, c);
                } else {
                    CommonOps_FDRM.multTransAB(a, b, c);
                }
            } else if (parallel) {
                CommonOps_MT_FDRM.multTransA(a, b, c);
            } else {
                CommonOps_FDRM.multTransA(a, b, c);
            }
        } else if (transposeB) {
            if ((long) a.numRows * b.numRows * a.numCols <= SMALL_WORK) {
                multTransBSmall(a.data, b.data, c.data, a.numRows, b.numRows, a.numCols);
            } else if (a.numRows >= TRANSPOSE_MIN_ROWS && b.numRows >= TRANSPOSE_MIN_COLS) {
                FMatrixRMaj bt = scratch.get();
                if (parallel) {
                    CommonOps_MT_FDRM.transpose(b, bt);
                    CommonOps_MT_FDRM.mult(a, bt, c);
                } else {
                    CommonOps_FDRM.transpose(b, bt);
                    CommonOps_FDRM.mult(a, bt, c);
                }
            } else if (parallel) {
                CommonOps_MT_FDRM.multTransB(a, b, c);
            } else {
                CommonOps_FDRM.multTransB(a, b, c);
            }
        } else if (parallel) {
            CommonOps_MT_FDRM.mult(a, b, c);
        } else {
            CommonOps_FDRM.mult(a, b, c);
        }
    }

    /** {@code c += alpha · op(a) · op(b)}, EJML's {@code multAdd*} kernels, multi-threaded when asked. */
    static void multiplyAdd(double alpha, DMatrixRMaj a, boolean transposeA, DMatrixRMaj b, boolean transposeB,
                            DMatrixRMaj c, boolean parallel) {
        if (transposeA && transposeB) {
            if (parallel) {
                CommonOps_MT_DDRM.multAddTransAB(alpha, a, b, c);
            } else {
                CommonOps_DDRM.multAddTransAB(alpha, a, b, c);
            }
        } else if (transposeA) {
            if (parallel) {
                CommonOps_MT_DDRM.multAddTransA(alpha, a, b, c);
            } else {
                CommonOps_DDRM.multAddTransA(alpha, a, b, c);
            }
        } else if (transposeB) {
            if (parallel) {
                CommonOps_MT_DDRM.multAddTransB(alpha, a, b, c);
            } else {
                CommonOps_DDRM.multAddTransB(alpha, a, b, c);
            }
        } else if (parallel) {
            CommonOps_MT_DDRM.multAdd(alpha, a, b, c);
        } else {
            CommonOps_DDRM.multAdd(alpha, a, b, c);
        }
    }

    /** As {@link #multiplyAdd(double, DMatrixRMaj, boolean, DMatrixRMaj, boolean, DMatrixRMaj, boolean)} in float. */
    static void multiplyAdd(float alpha, FMatrixRMaj a, boolean transposeA, FMatrixRMaj b, boolean transposeB,
                            FMatrixRMaj c, boolean parallel) {
        if (transposeA && transposeB) {
            if (parallel) {
                CommonOps_MT_FDRM.multAddTransAB(alpha, a, b, c);
            } else {
                CommonOps_FDRM.multAddTransAB(alpha, a, b, c);
            }
        } else if (transposeA) {
            if (parallel) {
                CommonOps_MT_FDRM.multAddTransA(alpha, a, b, c);
            } else {
                CommonOps_FDRM.multAddTransA(alpha, a, b, c);
            }
        } else if (transposeB) {
            if (parallel) {
                CommonOps_MT_FDRM.multAddTransB(alpha, a, b, c);
            } else {
                CommonOps_FDRM.multAddTransB(alpha, a, b, c);
            }
        } else if (parallel) {
            CommonOps_MT_FDRM.multAdd(alpha, a, b, c);
        } else {
            CommonOps_FDRM.multAdd(alpha, a, b, c);
        }
    }
}
