package org.neurite.backend.nd4j;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;
import org.neurite.api.Activation;
import org.neurite.api.Backend;
import org.neurite.api.DType;
import org.neurite.api.ElementwiseKernel;
import org.neurite.api.Shape;
import org.neurite.api.Tensor;
import org.neurite.api.TensorAllocationException;
import org.neurite.api.support.Operands;

/**
 * The ND4J backend. Matrix products go to the OpenBLAS that ND4J bundles, into the caller's output array
 * ({@link Blas}: the same kernel as {@code Nd4j.gemm}, without its per-call allocations; an allocating
 * {@code mmul} measured 5× slower on this project's machine). The bias add runs as a Java loop over the
 * arrays' native memory at every size ({@link NioKernels}: ND4J's {@code BroadcastAddOp} allocates an op per
 * call and cost a third of a large layer's GEMM); multiply, axpy and scale run as ND4J ops with the output
 * as their {@code z} from {@link #NATIVE_MIN_ELEMENTS} elements on, and below that as Java loops, as do the
 * functions given as Java lambdas ({@link #map}, {@link #zip}, {@link #mapRows}), {@link #sumRows} and
 * {@link #copy}.
 *
 * <p>Every method checks its operands with {@link Operands} before it writes. A tensor without elements
 * never reaches an ND4J op (ND4J's "empty" arrays are not valid operands of every op): products return
 * early, and the Java loops do nothing.
 *
 * <p>Stateless, hence thread-safe. There is one instance per class loader (see {@link Nd4jRuntime}), so
 * tensors made through any registry work with each other.
 */
final class Nd4jBackend implements Backend {

    private static final String[] A_B_OUT = {"a", "b", "out"};
    private static final String[] X_OUT = {"x", "out"};
    private static final String[] X_ROW_OUT = {"x", "row", "out"};
    private static final String[] SRC_DST = {"src", "dst"};

    /**
     * The size from which the element-wise operations that ND4J has run as ND4J ops; smaller ones run as
     * {@link NioKernels} loops. Measured on this project's machine (2 cores, float64): an ND4J op costs
     * 10–80 µs of fixed overhead (op object, shape checks, JNI, OpenMP), so a Java loop is 5–100× faster up
     * to 4,096 elements, no slower at 16,384, and 1.2–1.5× slower from 32,768 on, where ND4J's threads pay off.
     * Both paths give the same values (IEEE-exact sums and products; axpy may differ in the last place).
     */
    static final int NATIVE_MIN_ELEMENTS = 32_768;

    /** Only {@link Nd4jRuntime} makes one, after ND4J has loaded. */
    Nd4jBackend() {
    }

    @Override
    public String name() {
        return Nd4jBackendProvider.NAME;
    }

    /**
     * The size from which {@link #zeros} also checks the process's resident size against JavaCPP's
     * {@code maxphysicalbytes}: reading it costs a system call, which a small tensor need not pay.
     */
    static final long PHYSICAL_CHECK_MIN_BYTES = 1L << 20;

    /**
     * {@inheritDoc}
     *
     * @throws TensorAllocationException before anything is allocated, if the tensor needs more bytes than
     *     JavaCPP's {@code org.bytedeco.javacpp.maxbytes} leaves ({@code Pointer.maxBytes() -
     *     Pointer.totalBytes()}; by default the maximum heap), or, from {@link #PHYSICAL_CHECK_MIN_BYTES} on,
     *     would take the process's resident size past {@code org.bytedeco.javacpp.maxphysicalbytes}
     */
    @Override
    public Tensor zeros(DType dtype, int rows, int cols) {
        // Shape.MAX_ELEMENTS also keeps the NIO views of the native memory, indexed by int, in range.
        Shape shape = Operands.zeros(dtype, rows, cols);
        checkLimits(dtype, shape);
        return new Nd4jTensor(this, dtype, shape);
    }

    /**
     * Refuses a tensor beyond JavaCPP's limits, which ND4J itself does not apply: libnd4j allocates (and
     * zeroes) an array's buffer outside JavaCPP's accounting, so without this check a request of any size
     * grows the process until the machine runs out. Computing the bounds allocates nothing.
     */
    private static void checkLimits(DType dtype, Shape shape) {
        long bytes = shape.size() * (dtype == DType.FLOAT64 ? Double.BYTES : Float.BYTES);
        long left = Pointer.maxBytes() - Pointer.totalBytes();
        if (Pointer.maxBytes() > 0 && bytes > left) {
            throw refused(dtype, shape, bytes, left, "the off-heap limit of " + left + " bytes"
                    + (Pointer.totalBytes() > 0 ? " left" : "") + " (org.bytedeco.javacpp.maxbytes="
                    + Pointer.maxBytes() + ", by default the maximum heap)", Nd4jRuntime.MAX_BYTES);
        }
        long maxPhysical = Pointer.maxPhysicalBytes();
        if (maxPhysical > 0 && bytes >= PHYSICAL_CHECK_MIN_BYTES) {
            long resident = Pointer.physicalBytes();
            if (resident + bytes > maxPhysical) {
                throw refused(dtype, shape, bytes, maxPhysical - resident, "the resident-size limit of "
                        + (maxPhysical - resident) + " bytes left (org.bytedeco.javacpp.maxphysicalbytes="
                        + maxPhysical + ", resident now " + resident + ")", Nd4jRuntime.MAX_PHYSICAL_BYTES);
            }
        }
    }

    private static TensorAllocationException refused(DType dtype, Shape shape, long bytes, long limit, String what,
                                                     String property) {
        return new TensorAllocationException("nd4j: a " + dtype + " tensor of " + shape.rows() + " x "
                + shape.cols() + " needs " + bytes + " bytes, more than " + what + "; raise it with -D" + property
                + "=SIZE (for example 8g), or use smaller batches", bytes, limit);
    }

    @Override
    public void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        gemm(1.0, a, transposeA, b, transposeB, 0.0, out);
    }

    @Override
    public void gemm(double alpha, Tensor a, boolean transposeA, Tensor b, boolean transposeB, double beta,
                     Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.matmul(a, transposeA, b, transposeB, out);
        Nd4jTensor o = (Nd4jTensor) out;
        if (o.size() == 0) {
            return;
        }
        if (a.shape().size() == 0) {
            // An empty inner dimension: every product is an empty sum, so out = beta·out (0 for beta = 0,
            // whatever out held).
            if (beta == 0) {
                o.array.assign(0);
            } else {
                scale(out, beta, out);
            }
            return;
        }
        // With beta = 0 BLAS does not read C, so whatever the preallocated output held (even NaN) is replaced.
        Blas.gemm(alpha, (Nd4jTensor) a, transposeA, (Nd4jTensor) b, transposeB, beta, o, out.rows(), out.cols(),
                transposeA ? a.rows() : a.cols());
    }

    /**
     * The product through {@link Blas} into {@code z}, then, for an activation with a
     * {@link Activation#kernel() kernel}, the bias and the activation in one pass over the native memory
     * ({@link DenseLoops}); any other activation (a user's own, softmax) follows the bias add through its own
     * {@link Activation#forward}.
     */
    @Override
    public void denseForward(Tensor x, Tensor w, Tensor bias, Activation f, Tensor z, Tensor a) {
        ElementwiseKernel kernel = f.kernel().orElse(null);
        if (kernel == null) {
            Backend.super.denseForward(x, w, bias, f, z, a);
            return;
        }
        Operands.dense(this, x, w, bias, z, a); // every operand before the first write
        matmul(x, false, w, true, z);
        DenseLoops.biasAndActivation((Nd4jTensor) z, (Nd4jTensor) bias, kernel, (Nd4jTensor) a);
    }

    /**
     * {@code dZ} as the kernel's own loop when the activation has one ({@link DenseLoops#backward}), then the
     * accumulating products and the bias gradient as {@link Backend#denseBackward}'s default makes them.
     */
    @Override
    public void denseBackward(Tensor x, Tensor w, Tensor z, Tensor a, Activation f, Tensor gradA, Tensor gradX,
                              Tensor gradW, Tensor gradBias) {
        ElementwiseKernel kernel = f.kernel().orElse(null);
        if (kernel == null) {
            Backend.super.denseBackward(x, w, z, a, f, gradA, gradX, gradW, gradBias);
            return;
        }
        Operands.denseBackward(this, x, w, z, a, gradA, gradX, gradW, gradBias);
        DenseLoops.backward((Nd4jTensor) z, kernel, (Nd4jTensor) gradA);
        gemm(1, gradA, true, x, false, 1, gradW);
        sumRows(gradA, 1, gradBias);
        if (gradX != null) {
            matmul(gradA, false, w, false, gradX);
        }
    }

    @Override
    public void addRowVector(Tensor x, Tensor row, Tensor out) {
        Operands.sameBackendAndDtype(this, X_ROW_OUT, x, row, out);
        Operands.rowVector(x, row, out);
        Nd4jTensor o = (Nd4jTensor) out;
        NioKernels.addRowVector((Nd4jTensor) x, (Nd4jTensor) row, o);
    }

    @Override
    public void map(Tensor x, DoubleUnaryOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sameShape("out", x.shape(), out);
        NioKernels.map((Nd4jTensor) x, f, (Nd4jTensor) out);
    }

    @Override
    public void zip(Tensor a, Tensor b, DoubleBinaryOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        NioKernels.zip((Nd4jTensor) a, (Nd4jTensor) b, f, (Nd4jTensor) out);
    }

    @Override
    public void mapRows(Tensor x, RowOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sameShape("out", x.shape(), out);
        NioKernels.mapRows((Nd4jTensor) x, f, (Nd4jTensor) out);
    }

    @Override
    public void zipRows(Tensor a, Tensor b, RowBinaryOperator f, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        NioKernels.zipRows((Nd4jTensor) a, (Nd4jTensor) b, f, (Nd4jTensor) out);
    }

    @Override
    public void multiply(Tensor a, Tensor b, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        Nd4jTensor o = (Nd4jTensor) out;
        if (o.size() < NATIVE_MIN_ELEMENTS) {
            NioKernels.multiply((Nd4jTensor) a, (Nd4jTensor) b, o);
        } else {
            ((Nd4jTensor) a).array.muli(((Nd4jTensor) b).array, o.array);
        }
    }

    @Override
    public void addScaled(Tensor a, double alpha, Tensor b, Tensor out) {
        Operands.sameBackendAndDtype(this, A_B_OUT, a, b, out);
        Operands.elementwise(a, b, out);
        Nd4jTensor o = (Nd4jTensor) out;
        if (o.size() < NATIVE_MIN_ELEMENTS) {
            NioKernels.addScaled((Nd4jTensor) a, alpha, (Nd4jTensor) b, o);
        } else {
            // ND4J's axpy computes z = p·x + y, so x is our b and y our a.
            Nd4j.exec(new Axpy(((Nd4jTensor) b).array, ((Nd4jTensor) a).array, o.array, alpha));
        }
    }

    @Override
    public void scale(Tensor x, double alpha, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sameShape("out", x.shape(), out);
        Nd4jTensor o = (Nd4jTensor) out;
        if (o.size() < NATIVE_MIN_ELEMENTS) {
            NioKernels.scale((Nd4jTensor) x, alpha, o);
        } else {
            ((Nd4jTensor) x).array.mul(alpha, o.array);
        }
    }

    @Override
    public void sumRows(Tensor x, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sumRows(x, out);
        // Not ND4J's sum: see NioKernels.sumRows. It is not on the forward path.
        NioKernels.sumRows((Nd4jTensor) x, 0, (Nd4jTensor) out);
    }

    @Override
    public void sumRows(Tensor x, double beta, Tensor out) {
        Operands.sameBackendAndDtype(this, X_OUT, x, out);
        Operands.sumRows(x, out);
        NioKernels.sumRows((Nd4jTensor) x, beta, (Nd4jTensor) out);
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        Operands.sameBackendAndDtype(this, SRC_DST, src, dst);
        Operands.sameShape("dst", src.shape(), dst);
        NioKernels.copy((Nd4jTensor) src, (Nd4jTensor) dst);
    }

    @Override
    public String toString() {
        return "Backend[" + name() + "]";
    }
}
