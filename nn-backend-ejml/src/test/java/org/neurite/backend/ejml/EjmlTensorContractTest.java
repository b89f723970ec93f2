package org.neurite.backend.ejml;

import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.tck.TensorContractTest;

/** Runs the backend test kit's tensor contract on EJML, found through ServiceLoader as users find it. */
class EjmlTensorContractTest extends TensorContractTest {

    private static final Backend BACKEND = Backends.get("ejml");

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
