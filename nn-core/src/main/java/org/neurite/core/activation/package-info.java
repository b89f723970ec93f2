/**
 * The built-in activations, registered by {@link org.neurite.core.activation.BuiltinActivationProvider};
 * users find them by name through {@link org.neurite.api.Activations}, never by class.
 * {@link org.neurite.core.activation.ActivationTable} evaluates every element-wise activation of a registry
 * at given points, for listings such as the command line's.
 */
package org.neurite.core.activation;
