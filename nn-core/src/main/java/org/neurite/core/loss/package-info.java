/**
 * The built-in losses, registered by {@link org.neurite.core.loss.BuiltinLossProvider}; users find them by
 * name through {@link org.neurite.api.Losses}, never by class. Each computes exactly what PyTorch 1.13's
 * {@code torch.nn.functional} loss of the same name computes, value and autograd gradient, checked against
 * fixtures that PyTorch itself wrote.
 */
package org.neurite.core.loss;
