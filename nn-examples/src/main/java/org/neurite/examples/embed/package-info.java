/**
 * An application that embeds Neurite: a small scoring service, {@link org.neurite.examples.embed.ScoringService},
 * that scores batches read from CSV files with a model using an activation of the application's own,
 * {@code scaled_tanh}.
 *
 * <p>This package is plain Java and never needs Guice: {@link org.neurite.examples.embed.PlainScoring} wires
 * the service through the plain API, and a test proves it with Guice absent from the class path. The same
 * service is wired by Guice in {@code org.neurite.examples.embed.guice}, which is the only part of the
 * application that uses Guice; both wirings build the same model and give the same scores.
 */
package org.neurite.examples.embed;
