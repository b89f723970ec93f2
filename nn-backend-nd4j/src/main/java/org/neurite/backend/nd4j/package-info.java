/**
 * The ND4J backend: native CPU math through libnd4j and OpenBLAS, registered as {@code nd4j}.
 *
 * <p>Only {@link org.neurite.backend.nd4j.Nd4jBackendProvider} is public; applications reach the backend
 * through {@link org.neurite.api.Backends}. The native library loads when the backend is first selected,
 * never when it is merely discovered, and a failure to load marks the backend unavailable with its cause.
 */
package org.neurite.backend.nd4j;
