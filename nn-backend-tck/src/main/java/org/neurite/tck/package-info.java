/**
 * The backend test kit: abstract JUnit 5 contract tests that a backend runs by extending them and naming
 * its {@link org.neurite.api.Backend}, with one tolerance per dtype ({@link org.neurite.tck.Tolerances}).
 */
package org.neurite.tck;
