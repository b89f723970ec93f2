/**
 * Optimizers (SGD, Adam, AdamW, RMSprop, Adagrad), gradient clipping and learning-rate schedules that
 * reproduce PyTorch 1.13's {@code torch.optim}, {@code torch.optim.lr_scheduler} and
 * {@code torch.nn.utils.clip_grad_*}: the same defaults, formulas and order of floating-point operations
 * (the single-tensor, non-foreach code path), on flat {@code double[]} master copies of the parameters, so
 * that they do not depend on a backend and are exact in float64.
 *
 * <p>Exactness: where torch's CPU kernels fuse a multiply and an add ({@code add(x, alpha=a)},
 * {@code addcmul}, the squares of {@code torch.norm}), Neurite calls {@link java.lang.Math#fma}; powers and
 * cosines use {@link java.lang.Math#pow} and {@link java.lang.Math#cos}, which on HotSpot agree with the C
 * library Python calls. Fed the same gradients, the trajectories of the tests' PyTorch 1.13 fixtures (an
 * AVX2 build) are reproduced bit for bit; on other builds expect differences of an ulp or so.
 *
 * <p>Entry points: {@link org.neurite.core.optim.Optimizers}, {@link org.neurite.core.optim.Schedules} and
 * {@link org.neurite.core.optim.GradientClipping}; each parses the text form ({@code spec()}) it writes.
 */
package org.neurite.core.optim;
