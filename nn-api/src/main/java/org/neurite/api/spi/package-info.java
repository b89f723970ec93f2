/**
 * The service-provider interfaces: what a backend jar or an activation jar implements and registers in
 * {@code META-INF/services}. Users of Neurite do not call these; {@link org.neurite.api.Backends} and
 * {@link org.neurite.api.Activations} do.
 */
package org.neurite.api.spi;
