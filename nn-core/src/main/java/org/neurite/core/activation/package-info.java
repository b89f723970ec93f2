/**
 * The built-in activations, registered by {@link org.neurite.core.activation.BuiltinActivationProvider};
 * users find them by name through {@link org.neurite.api.Activations}, never by class.
 */
package org.neurite.core.activation;
