/**
 * Optional skeletons for implementers: {@link org.neurite.api.support.ElementwiseActivation} for an
 * activation from its scalar function, {@link org.neurite.api.support.ElementwiseLoss} for a loss from the
 * loss of one element, {@link org.neurite.api.support.Operands} and
 * {@link org.neurite.api.support.LossOperands} for a backend's and a loss's argument checks.
 */
package org.neurite.api.support;
