package org.neurite.backend.nd4j;

import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.tck.TensorContractTest;

/** Runs the backend test kit's tensor contract on ND4J, found through ServiceLoader as users find it. */
class Nd4jTensorContractTest extends TensorContractTest {

    private static final Backend BACKEND = Backends.get("nd4j");

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
