/**
 * Training: {@link org.neurite.core.train.Trainer} fits a copy of an {@link org.neurite.core.Mlp} to a
 * {@link org.neurite.core.data.Dataset} with a loss, an optimizer, mini-batches, validation, early stopping
 * and listeners, and returns the trained model with its {@link org.neurite.core.train.History}.
 * <b>Experimental</b>: the shape of this API may still change.
 */
package org.neurite.core.train;
