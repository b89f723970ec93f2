/**
 * The backend test kit: abstract JUnit 5 contract tests that a backend runs by extending them and naming
 * its {@link org.neurite.api.Backend}: {@link org.neurite.tck.TensorContractTest} for the tensor operations,
 * with one tolerance per dtype ({@link org.neurite.tck.Tolerances}), and
 * {@link org.neurite.tck.ActivationContractTest} for every activation against the reference values that
 * {@code org/neurite/tck/activations/generate_fixtures.py} (in this jar) computes with mpmath.
 */
package org.neurite.tck;
