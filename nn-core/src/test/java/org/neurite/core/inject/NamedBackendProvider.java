package org.neurite.core.inject;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.neurite.api.Backend;
import org.neurite.api.spi.BackendProvider;

/**
 * A backend provider for selection tests: its backend knows its name and nothing else, and it counts how
 * often it was loaded, so that a test can see when (and whether) loading happened.
 */
final class NamedBackendProvider implements BackendProvider {

    private final String name;
    private final int priority;
    final AtomicInteger creations = new AtomicInteger();

    NamedBackendProvider(String name, int priority) {
        this.name = name;
        this.priority = priority;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public String libraryVersion() {
        return "test";
    }

    @Override
    public Backend create() {
        creations.incrementAndGet();
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name", "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(name + ": " + method.getName());
                });
    }
}
