package org.neurite.backend.nd4j;

import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.tck.DenseKernelContractTest;

/** Runs the backend test kit's fused dense kernel contract on ND4J. */
class Nd4jDenseKernelContractTest extends DenseKernelContractTest {

    private static final Backend BACKEND = Backends.get("nd4j");

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
