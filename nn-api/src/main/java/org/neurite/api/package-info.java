/**
 * Neurite's user API: {@link org.neurite.api.Tensor}, {@link org.neurite.api.Backend} and its selection
 * ({@link org.neurite.api.Backends}), {@link org.neurite.api.Activation} and its registry
 * ({@link org.neurite.api.Activations}), {@link org.neurite.api.Loss} and its registry
 * ({@link org.neurite.api.Losses}), {@link org.neurite.api.Layer}, and the typed exceptions.
 * Depends on the JDK alone.
 */
package org.neurite.api;
