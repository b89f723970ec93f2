/**
 * Guice integration: install {@link org.neurite.core.inject.NeuriteModule} and inject a configured
 * {@link org.neurite.api.Backend}, the {@link org.neurite.api.Activations} registry and a
 * {@link org.neurite.core.inject.ModelFactory}.
 *
 * <p>This is the only package of Neurite that uses Guice, and Guice is an optional dependency of nn-core:
 * an application that never touches this package never needs Guice on its class path (an ArchUnit rule
 * and a test run without Guice keep it so). An application that uses it adds {@code com.google.inject:guice}
 * 7 itself.
 *
 * <p>Following Guice's own advice: {@code configure()} only declares bindings (no conditions, no I/O, no
 * native loading); backends and {@code ServiceLoader} providers are loaded on first injection, inside
 * singleton provider methods; the values a user may change are {@code OptionalBinder}s, and activations are
 * contributed through a {@code MapBinder}, Guice's plugin mechanism.
 */
package org.neurite.core.inject;
