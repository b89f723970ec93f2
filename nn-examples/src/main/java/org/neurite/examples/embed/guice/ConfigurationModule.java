package org.neurite.examples.embed.guice;

import com.google.inject.AbstractModule;
import com.google.inject.name.Names;
import java.util.Properties;
import org.neurite.api.Stability;

/**
 * Binds every entry of a configuration as a {@code @Named} string, Guice's own idiom for properties files.
 * An entry {@code neurite.backend=NAME} is what {@code NeuriteModule} reads to pick the backend; without
 * one, the backend is selected by default. The decision lives in the data, so {@code configure()} has no
 * condition.
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ConfigurationModule extends AbstractModule {

    private final Properties configuration;

    /** A module binding a copy of {@code configuration}. */
    public ConfigurationModule(Properties configuration) {
        this.configuration = new Properties();
        this.configuration.putAll(configuration);
    }

    @Override
    protected void configure() {
        Names.bindProperties(binder(), configuration);
    }
}
