/**
 * The service-provider interfaces: what a backend, activation or loss jar implements and registers in
 * {@code META-INF/services}. Users of Neurite do not call these; {@link org.neurite.api.Backends},
 * {@link org.neurite.api.Activations} and {@link org.neurite.api.Losses} do.
 */
package org.neurite.api.spi;
