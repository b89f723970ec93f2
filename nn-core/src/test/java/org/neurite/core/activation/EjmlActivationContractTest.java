package org.neurite.core.activation;

import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.tck.ActivationContractTest;

/**
 * Runs the backend kit's activation contract on EJML. It lives in nn-core's tests rather than
 * nn-backend-ejml's: the contract needs the built-in activations on the class path, and nn-backend-ejml
 * cannot depend on nn-core (even for tests) while nn-core's tests depend on nn-backend-ejml. Another backend
 * runs the same kit from its own module, with nn-core as a test dependency.
 */
class EjmlActivationContractTest extends ActivationContractTest {

    private static final Backend BACKEND = Backends.get("ejml");

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
