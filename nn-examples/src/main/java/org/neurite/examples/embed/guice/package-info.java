/**
 * The scoring service wired by Guice: the only package of the example application that uses Guice, as
 * an application would keep its container wiring apart from its services.
 *
 * <p>{@link org.neurite.examples.embed.guice.ScoringApplication#start} creates the injector from
 * Neurite's {@code NeuriteModule}, the application's {@link org.neurite.examples.embed.guice.ScoringModule}
 * (its activation, its model, its service) and a
 * {@link org.neurite.examples.embed.guice.ConfigurationModule} that binds a properties file, where
 * {@code neurite.backend} names the backend.
 */
package org.neurite.examples.embed.guice;
