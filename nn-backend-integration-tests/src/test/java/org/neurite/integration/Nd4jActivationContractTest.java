package org.neurite.integration;

import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.tck.ActivationContractTest;

/**
 * Runs the backend kit's activation contract on ND4J. It lives here, beside the other tests that need
 * nn-core's built-in activations on the class path, so that nn-backend-nd4j never depends on nn-core.
 */
class Nd4jActivationContractTest extends ActivationContractTest {

    private static final Backend BACKEND = Backends.get("nd4j");

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
