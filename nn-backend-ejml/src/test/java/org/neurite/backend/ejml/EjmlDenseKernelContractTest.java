package org.neurite.backend.ejml;

import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.tck.DenseKernelContractTest;

/** Runs the backend test kit's fused dense kernel contract on EJML. */
class EjmlDenseKernelContractTest extends DenseKernelContractTest {

    private static final Backend BACKEND = Backends.get("ejml");

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
