/**
 * Optional skeletons for implementers: {@link org.neurite.api.support.ElementwiseActivation} for an
 * activation from its scalar function, {@link org.neurite.api.support.Operands} for a backend's argument
 * checks.
 */
package org.neurite.api.support;
