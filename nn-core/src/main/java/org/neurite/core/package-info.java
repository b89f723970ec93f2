/**
 * Neurite's models: {@link org.neurite.core.Mlp} built by {@link org.neurite.core.MlpBuilder},
 * {@link org.neurite.core.DenseLayer}, {@link org.neurite.core.Neuron}, and the forward pass's
 * {@link org.neurite.core.Workspace} and {@link org.neurite.core.ForwardTrace}.
 */
package org.neurite.core;
