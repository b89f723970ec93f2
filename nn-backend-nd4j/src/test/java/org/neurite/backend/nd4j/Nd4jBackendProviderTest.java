package org.neurite.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.neurite.api.Backend;
import org.neurite.api.Backends;

/** The provider is cheap to find and describe, and loads ND4J only in {@code create()}. */
class Nd4jBackendProviderTest {

    @Test
    void discoveringAndDescribingTheProviderLoadsNoNd4jOrJavaCppClass() throws Exception {
        try (RecordingClassLoader loader = new RecordingClassLoader(testClassPath())) {
            Class<?> backends = loader.loadClass(Backends.class.getName());
            Object registry = backends.getMethod("discover").invoke(null);
            assertEquals(List.of("nd4j"), backends.getMethod("names").invoke(registry));

            Class<?> providerClass = loader.loadClass(Nd4jBackendProvider.class.getName());
            Object provider = providerClass.getConstructor().newInstance();
            assertEquals("nd4j", providerClass.getMethod("name").invoke(provider));
            assertEquals(50, providerClass.getMethod("priority").invoke(provider));
            String version = (String) providerClass.getMethod("libraryVersion").invoke(provider);
            assertTrue(version.startsWith("ND4J "), version);

            assertTrue(loader.loaded.contains(Nd4jBackendProvider.class.getName()), "the probe saw the provider load");
            List<String> native_ = loader.loaded.stream()
                    .filter(n -> n.startsWith("org.nd4j.") || n.startsWith("org.bytedeco."))
                    .sorted().toList();
            assertEquals(List.of(), native_, "classes of ND4J or JavaCPP loaded before create()");
        }
    }

    @Test
    void theLibraryVersionIsTheNd4jJarOnTheClassPathAndTheOneWeBuiltAgainst() throws IOException {
        Properties build = new Properties();
        try (InputStream in = Nd4jBackendProvider.class.getResourceAsStream("build.properties")) {
            build.load(in);
        }

        assertEquals("ND4J " + build.getProperty("nd4j.version"), new Nd4jBackendProvider().libraryVersion());
    }

    @Test
    void everyCreateReturnsTheOneBackendOfThisClassLoader() {
        Backend first = new Nd4jBackendProvider().create();

        assertSame(first, new Nd4jBackendProvider().create());
        assertSame(first, Backends.get("nd4j"), "tensors from any registry work together");
        assertEquals("nd4j", first.name());
    }

    /** The test class path, whether Surefire passes it directly or through a manifest-only jar. */
    static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * A class loader over the test class path that sees nothing of the running test's classes (its parent is
     * the platform loader), and records every class it is asked for: the classes it defines resolve their
     * references through it.
     */
    private static final class RecordingClassLoader extends URLClassLoader {
        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingClassLoader(String classPath) throws MalformedURLException {
            super(urls(classPath), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] urls(String classPath) throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : classPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    urls.add(new File(entry).toURI().toURL());
                }
            }
            return urls.toArray(new URL[0]);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            loaded.add(name);
            return super.loadClass(name, resolve);
        }
    }
}
