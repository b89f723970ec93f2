package org.neurite.backend.nd4j;

import java.lang.reflect.Proxy;
import java.util.List;
import org.neurite.api.Backend;
import org.neurite.api.BackendNotFoundException;
import org.neurite.api.Backends;
import org.neurite.api.spi.BackendProvider;

/**
 * Run by {@link Nd4jNativeFailureTest} in a JVM where JavaCPP looks for a platform that does not exist, so
 * that ND4J's native library really fails to load. Prints one {@code key=value} line per finding.
 */
public final class NativeFailureProbe {

    private NativeFailureProbe() {
    }

    /** Selects automatically, then by name, then creates the provider again, and prints each outcome. */
    public static void main(String[] args) {
        Backends registry = Backends.of(List.of(new Nd4jBackendProvider(), new FallbackProvider()));
        System.out.println("automatic=" + registry.select().name());
        try {
            registry.select("nd4j");
            System.out.println("explicit=loaded");
        } catch (BackendNotFoundException e) {
            System.out.println("explicit=" + e.getMessage().replace('\n', ' '));
        }
        try {
            new Nd4jBackendProvider().create();
            System.out.println("again=loaded");
        } catch (RuntimeException e) {
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
            }
            System.out.println("again=" + chain.toString().replace('\n', ' '));
        }
    }

    /** A working stand-in with a lower priority than ND4J, so that automatic selection must skip ND4J. */
    public static final class FallbackProvider implements BackendProvider {
        @Override
        public String name() {
            return "fallback";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public String libraryVersion() {
            return "none";
        }

        @Override
        public Backend create() {
            return (Backend) Proxy.newProxyInstance(NativeFailureProbe.class.getClassLoader(),
                    new Class<?>[] {Backend.class}, (proxy, method, a) -> {
                        if (method.getName().equals("name")) {
                            return "fallback";
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
