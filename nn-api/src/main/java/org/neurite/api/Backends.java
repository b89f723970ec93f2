package org.neurite.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.neurite.api.spi.BackendProvider;

/**
 * Finds backends and selects one.
 *
 * <p>Selection order: a name given in code ({@link #select(String)}); else the system property
 * {@value #PROPERTY}; else the environment variable {@value #ENVIRONMENT_VARIABLE}; else the available
 * backend with the highest {@link BackendProvider#priority()}. A named backend that is unknown or fails to
 * load is an error whose message lists every backend found and why each unavailable one failed; automatic
 * selection skips a backend that fails to load, with a logged warning, and uses the next. There is no
 * silent fallback for a backend asked for by name.
 *
 * <p>The shape follows SLF4J's {@code LoggerFactory}: {@link ServiceLoader} with this class's own class
 * loader (the one that sees nn-api, so also the backend jars next to it, whatever the thread's context
 * loader is), each provider's instantiation guarded so that one broken jar is reported and the others
 * still load. Each provider's {@link BackendProvider#create()} runs at most once per registry; the
 * registry is thread-safe.
 *
 * <p>Logs through {@link System.Logger} (nn-api depends on the JDK alone), which SLF4J can receive through
 * {@code slf4j-jdk-platform-logging}.
 */
@Stability(Stability.Status.STABLE)
public final class Backends {

    /** The system property that names the backend: {@value}. */
    public static final String PROPERTY = "neurite.backend";
    /** The environment variable that names the backend: {@value}. */
    public static final String ENVIRONMENT_VARIABLE = "NEURITE_BACKEND";

    private static final System.Logger LOG = System.getLogger(Backends.class.getName());

    private static volatile Backends discovered;

    private final List<BackendProvider> providers;
    private final List<String> brokenProviders;
    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;
    private final Map<String, Loaded> loaded = new LinkedHashMap<>();

    Backends(List<BackendProvider> providers, List<String> brokenProviders,
             UnaryOperator<String> properties, UnaryOperator<String> environment) {
        List<BackendProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(BackendProvider::priority).reversed()
                .thenComparing(BackendProvider::name));
        rejectDuplicateNames(sorted);
        this.providers = List.copyOf(sorted);
        this.brokenProviders = List.copyOf(brokenProviders);
        this.properties = properties;
        this.environment = environment;
    }

    /** The registry of every provider on the class path, discovered once and shared. */
    public static Backends discover() {
        Backends result = discovered;
        if (result == null) {
            synchronized (Backends.class) {
                result = discovered;
                if (result == null) {
                    result = fromServiceLoader();
                    discovered = result;
                }
            }
        }
        return result;
    }

    /** A registry of exactly these providers (tests, or applications that register backends by hand). */
    public static Backends of(List<? extends BackendProvider> providers) {
        return new Backends(List.copyOf(providers), List.of(), System::getProperty, System::getenv);
    }

    /** The default backend of the discovered registry: {@code discover().select()}. */
    public static Backend get() {
        return discover().select();
    }

    /** The named backend of the discovered registry: {@code discover().select(name)}. */
    public static Backend get(String name) {
        return discover().select(name);
    }

    private static Backends fromServiceLoader() {
        List<BackendProvider> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<BackendProvider> it = ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())
                .iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                BackendProvider provider = it.next();
                found.add(provider);
                LOG.log(System.Logger.Level.DEBUG, "Found backend provider {0} ({1})",
                        provider.name(), provider.getClass().getName());
            } catch (ServiceConfigurationError e) {
                broken.add(e.getMessage());
                LOG.log(System.Logger.Level.WARNING, "A backend provider failed to instantiate: " + e.getMessage(), e);
            }
        }
        return new Backends(found, broken, System::getProperty, System::getenv);
    }

    /**
     * Selects the backend: the system property, else the environment variable, else the available backend
     * with the highest priority.
     *
     * @throws BackendNotFoundException if the configured name is unknown or fails to load, or no backend
     *     can be used; the message lists what was found
     */
    public Backend select() {
        return select(null);
    }

    /**
     * Selects the named backend, or as {@link #select()} when {@code name} is {@code null} or blank.
     *
     * @param name a backend name, case-insensitive
     * @throws BackendNotFoundException if the name is unknown or the backend fails to load; the message
     *     lists every backend found and why each unavailable one failed
     */
    public Backend select(String name) {
        String requested = configuredName(name);
        if (requested != null) {
            BackendProvider provider = providers.stream()
                    .filter(p -> p.name().equalsIgnoreCase(requested))
                    .findFirst()
                    .orElseThrow(() -> new BackendNotFoundException(
                            "backend: unknown name '" + requested + "'. " + report(null)));
            Loaded result = load(provider);
            if (result.failure != null) {
                throw new BackendNotFoundException("backend: '" + provider.name() + "' is not available: "
                        + describe(result.failure) + ". " + report(provider), result.failure);
            }
            return result.backend;
        }
        for (BackendProvider provider : providers) {
            Loaded result = load(provider);
            if (result.failure == null) {
                return result.backend;
            }
            LOG.log(System.Logger.Level.WARNING, "Backend ''{0}'' is not available ({1}); trying the next one",
                    provider.name(), describe(result.failure));
        }
        throw new BackendNotFoundException("backend: none is available. " + report(null)
                + " Add a backend jar such as org.neurite:nn-backend-ejml to the class path.");
    }

    /**
     * The name {@link #select()} would choose now, loading backends as needed to find out.
     *
     * @throws BackendNotFoundException as {@link #select()}
     */
    public String defaultName() {
        return select().name();
    }

    /** The names of every provider found, highest priority first, whether or not they load. */
    public List<String> names() {
        return providers.stream().map(BackendProvider::name).collect(Collectors.toList());
    }

    /** Every provider found, highest priority first, with whether it loads and why not; loads each one. */
    public List<BackendInfo> describe() {
        List<BackendInfo> infos = new ArrayList<>();
        for (BackendProvider p : providers) {
            Loaded result = load(p);
            infos.add(new BackendInfo(p.name(), p.priority(), safeVersion(p), p.getClass().getName(),
                    result.failure == null ? null : describe(result.failure)));
        }
        return infos;
    }

    /** Messages of provider classes that failed to instantiate during discovery. */
    public List<String> brokenProviders() {
        return brokenProviders;
    }

    private String configuredName(String name) {
        if (name != null && !name.isBlank()) {
            return name.trim();
        }
        String fromProperty = properties.apply(PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty.trim();
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        return null;
    }

    private synchronized Loaded load(BackendProvider provider) {
        return loaded.computeIfAbsent(provider.name().toLowerCase(Locale.ROOT), key -> {
            try {
                Backend backend = provider.create();
                if (backend == null) {
                    return new Loaded(null, new IllegalStateException(
                            provider.getClass().getName() + ".create() returned null"));
                }
                LOG.log(System.Logger.Level.DEBUG, "Loaded backend {0}", provider.name());
                return new Loaded(backend, null);
            } catch (Exception | LinkageError e) {
                return new Loaded(null, e);
            }
        });
    }

    /**
     * One entry per backend found: name, priority, and its state (but for {@code already}, whose failure the
     * message has just given); then any broken provider.
     */
    private String report(BackendProvider already) {
        if (providers.isEmpty() && brokenProviders.isEmpty()) {
            return "No backend was found on the class path.";
        }
        StringBuilder sb = new StringBuilder("Found:");
        for (BackendProvider p : providers) {
            Loaded result;
            synchronized (this) {
                result = loaded.get(p.name().toLowerCase(Locale.ROOT));
            }
            String state = result == null ? "not loaded yet"
                    : result.failure == null ? "available"
                    : p == already ? "unavailable, as said" : "unavailable: " + describe(result.failure);
            sb.append(' ').append(p.name()).append(" (priority ").append(p.priority()).append(", ")
                    .append(state).append(");");
        }
        for (String broken : brokenProviders) {
            sb.append(" a provider failed to instantiate: ").append(broken).append(';');
        }
        sb.setLength(sb.length() - 1);
        return sb.append('.').toString();
    }

    private static String describe(Throwable failure) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) {
                sb.append(", caused by ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.toString();
    }

    private static String safeVersion(BackendProvider provider) {
        try {
            return provider.libraryVersion();
        } catch (RuntimeException | LinkageError e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static void rejectDuplicateNames(List<BackendProvider> providers) {
        Map<String, List<String>> byName = providers.stream().collect(Collectors.groupingBy(
                p -> p.name().toLowerCase(Locale.ROOT), LinkedHashMap::new,
                Collectors.mapping(p -> p.getClass().getName(), Collectors.toList())));
        byName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                throw new NeuriteException("backend: several providers are named '" + name + "': " + classes
                        + "; remove all but one of their jars from the class path");
            }
        });
    }

    private record Loaded(Backend backend, Throwable failure) { }
}
