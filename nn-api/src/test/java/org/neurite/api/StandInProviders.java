package org.neurite.api;

import java.lang.reflect.Proxy;
import org.neurite.api.spi.BackendProvider;

/**
 * Backend providers that {@link BackendsTest} registers through a real {@link java.util.ServiceLoader}
 * file: public, with public no-argument constructors, as {@code ServiceLoader} requires.
 */
public final class StandInProviders {

    private StandInProviders() {
    }

    /** A provider that works: named {@code good}, priority 10. */
    public static class Good implements BackendProvider {
        @Override
        public String name() {
            return "good";
        }

        @Override
        public int priority() {
            return 10;
        }

        @Override
        public String libraryVersion() {
            return "Good 1.0";
        }

        @Override
        public Backend create() {
            return named(name());
        }
    }

    /** A provider whose {@code name()} throws. */
    public static final class NameThrows extends Good {
        @Override
        public String name() {
            throw new IllegalStateException("no name today");
        }
    }

    /** A provider whose {@code name()} returns {@code null}. */
    public static final class NameNull extends Good {
        @Override
        public String name() {
            return null;
        }
    }

    /** A backend that only knows its name. */
    static Backend named(String name) {
        return (Backend) Proxy.newProxyInstance(StandInProviders.class.getClassLoader(),
                new Class<?>[] {Backend.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> name;
                    case "toString" -> "Backend[" + name + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
