/**
 * The backend test kit: abstract JUnit 5 contract tests that a backend runs by extending them and naming
 * its {@link org.neurite.api.Backend}: {@link org.neurite.tck.TensorContractTest} for the tensor operations,
 * with one tolerance per dtype ({@link org.neurite.tck.Tolerances}), and
 * {@link org.neurite.tck.ActivationContractTest} for every activation against the reference values that
 * {@code org/neurite/tck/activations/generate_fixtures.py} (in this jar) computes with mpmath. Besides the
 * contract tests, {@link org.neurite.tck.GradientChecker} (which needs no JUnit) checks the gradients of any
 * activation, loss or layer against finite differences and returns a {@link org.neurite.tck.GradientReport}.
 */
package org.neurite.tck;
