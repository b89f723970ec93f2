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
 * <p>Selection order, in {@link #selection(String)} alone: a name given in code ({@link #select(String)});
 * else the system property {@value #PROPERTY}; else the environment variable {@value #ENVIRONMENT_VARIABLE};
 * else the available backend with the highest {@link BackendProvider#priority()}. The property and the
 * variable are read by {@link #discover()} and {@link #configured(List)} registries only; a registry made
 * with {@link #of(List)} is exactly its providers and selects among them by name or priority alone. A
 * blank property or variable ({@code -Dneurite.backend=}, {@code NEURITE_BACKEND=""}) counts as unset; a
 * blank name given in code is an {@link IllegalArgumentException} ({@code null} asks for the default
 * selection). {@link Selection} tells which backend was chosen and why.
 *
 * <p>A named backend that is unknown or fails to load is an error whose message says where the name came
 * from ({@code -Dneurite.backend=cuda}, {@code NEURITE_BACKEND=cuda}) and lists every backend found and why
 * each unavailable one failed; automatic selection skips a backend that fails to load, with a logged
 * warning, and uses the next. There is no silent fallback for a backend asked for by name.
 *
 * <p>The shape follows SLF4J's {@code LoggerFactory}: {@link ServiceLoader} with this class's own class
 * loader (the one that sees nn-api, so also the backend jars next to it, whatever the thread's context
 * loader is), each provider guarded so that one broken jar is reported and the others still load. A
 * provider is broken when its class cannot be loaded or instantiated, or its {@link BackendProvider#name()}
 * or {@link BackendProvider#priority()} throws, or its name is {@code null} or blank: it is left out of
 * {@link #names()}, listed in {@link #brokenProviders()} and logged as a warning, and asking for its name
 * fails with a {@link BackendNotFoundException} that says why. Whatever {@link BackendProvider#create()}
 * throws, an {@link Error} such as {@link AssertionError} or {@link UnsatisfiedLinkError} included, marks
 * that backend unavailable; only a {@link VirtualMachineError} (such as {@link OutOfMemoryError})
 * propagates. Each provider's {@code create()} runs at most once per registry; the registry is
 * thread-safe.
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

    /** Discovery gives up after this many provider classes that fail to load. */
    private static final int MAX_DISCOVERY_FAILURES = 100;

    private static volatile Backends discovered;

    private final List<Entry> providers;
    private final List<Broken> broken;
    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;
    private final Map<String, Loaded> loaded = new LinkedHashMap<>();

    Backends(List<BackendProvider> providers, List<String> brokenProviders,
             UnaryOperator<String> properties, UnaryOperator<String> environment) {
        List<Entry> usable = new ArrayList<>();
        List<Broken> unusable = new ArrayList<>();
        brokenProviders.forEach(message -> unusable.add(new Broken(null, message, null)));
        for (BackendProvider provider : providers) {
            Object checked = check(provider);
            if (checked instanceof Entry entry) {
                usable.add(entry);
            } else {
                Broken b = (Broken) checked;
                LOG.log(System.Logger.Level.WARNING, "A backend provider is broken and left out: " + b.message(),
                        b.cause());
                unusable.add(b);
            }
        }
        usable.sort(Comparator.comparingInt(Entry::priority).reversed().thenComparing(Entry::name));
        rejectDuplicateNames(usable);
        this.providers = List.copyOf(usable);
        this.broken = List.copyOf(unusable);
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

    /**
     * A registry of exactly these providers (tests, or applications that register backends by hand): it
     * selects the backend named in code, else the available one of highest priority, and reads neither
     * {@value #PROPERTY} nor {@value #ENVIRONMENT_VARIABLE}, so that it selects the same wherever it runs.
     * {@link #configured(List)} makes the same registry obey them.
     */
    public static Backends of(List<? extends BackendProvider> providers) {
        return new Backends(List.copyOf(providers), List.of(), key -> null, key -> null);
    }

    /**
     * A registry of these providers that selects as {@link #discover()}'s does: a name given in code, else
     * the system property {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT_VARIABLE},
     * else the highest priority.
     */
    public static Backends configured(List<? extends BackendProvider> providers) {
        return new Backends(List.copyOf(providers), List.of(), System::getProperty, System::getenv);
    }

    /** The default backend of the discovered registry: {@code discover().select()}. */
    public static Backend get() {
        return discover().select();
    }

    /**
     * The named backend of the discovered registry: {@code discover().select(name)}.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Backend get(String name) {
        return discover().select(name);
    }

    private static Backends fromServiceLoader() {
        return fromServiceLoader(Backends.class.getClassLoader());
    }

    /** What {@link #discover()} finds with {@code loader}: package-private for the tests. */
    static Backends fromServiceLoader(ClassLoader loader) {
        List<BackendProvider> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<BackendProvider> it = ServiceLoader.load(BackendProvider.class, loader)
                .iterator();
        // A provider class that cannot be loaded throws from hasNext() or next(): a ServiceConfigurationError,
        // or a LinkageError such as ClassFormatError or UnsupportedClassVersionError, which ServiceLoader lets
        // through. The iterator has moved past it either way; the bound guards against one that does not.
        for (int failures = 0; failures < MAX_DISCOVERY_FAILURES; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                BackendProvider provider = it.next();
                found.add(provider);
                LOG.log(System.Logger.Level.DEBUG, "Found backend provider {0}", provider.getClass().getName());
            } catch (ServiceConfigurationError | LinkageError e) {
                failures++;
                String message = e instanceof ServiceConfigurationError ? e.getMessage() : describe(e);
                broken.add(message);
                LOG.log(System.Logger.Level.WARNING, "A backend provider failed to instantiate: " + message, e);
            }
        }
        return new Backends(found, broken, System::getProperty, System::getenv);
    }

    /**
     * Selects the backend: the system property, else the environment variable (for {@link #discover()} and
     * {@link #configured(List)} registries), else the available backend with the highest priority.
     *
     * @throws BackendNotFoundException if the configured name is unknown or fails to load, or no backend
     *     can be used; the message says where the name came from and lists what was found
     */
    public Backend select() {
        return selection(null).backend();
    }

    /**
     * Selects the named backend, or as {@link #select()} when {@code name} is {@code null}.
     *
     * @param name a backend name, case-insensitive, surrounding spaces ignored; {@code null} for the default
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws BackendNotFoundException if the name is unknown or the backend fails to load; the message
     *     lists every backend found and why each unavailable one failed
     */
    public Backend select(String name) {
        return selection(name).backend();
    }

    /**
     * The backend {@link #select()} chooses, and why.
     *
     * @throws BackendNotFoundException as {@link #select()}
     */
    public Selection selection() {
        return selection(null);
    }

    /**
     * The backend {@link #select(String)} chooses, and why: the one place that holds the selection order.
     *
     * @param name a backend name, case-insensitive, surrounding spaces ignored; {@code null} for the default
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws BackendNotFoundException as {@link #select(String)}
     */
    public Selection selection(String name) {
        Request request = request(name);
        if (request != null) {
            return new Selection(byName(request), request.source(), request.name());
        }
        for (Entry provider : providers) {
            Loaded result = load(provider);
            if (result.failure == null) {
                return new Selection(result.backend, Source.PRIORITY, null);
            }
            LOG.log(System.Logger.Level.WARNING, "Backend ''{0}'' is not available ({1}); trying the next one",
                    provider.name(), describe(result.failure));
        }
        throw new BackendNotFoundException("backend: none is available. " + report(null)
                + " Add a backend jar such as org.neurite:nn-backend-ejml to the class path.");
    }

    /** The selection order's named steps: the name in code, else the property, else the variable, else none. */
    private Request request(String name) {
        if (name != null) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("backend: the name is blank; give one of " + names()
                        + ", or null for the default selection");
            }
            return new Request(name.trim(), Source.EXPLICIT);
        }
        String fromProperty = properties.apply(PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return new Request(fromProperty.trim(), Source.PROPERTY);
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Request(fromEnvironment.trim(), Source.ENVIRONMENT);
        }
        return null;
    }

    private Backend byName(Request request) {
        String requested = request.name();
        Entry provider = providers.stream()
                .filter(p -> p.name().equalsIgnoreCase(requested))
                .findFirst()
                .orElse(null);
        if (provider == null) {
            Broken named = broken.stream()
                    .filter(b -> requested.equalsIgnoreCase(b.name()))
                    .findFirst()
                    .orElseThrow(() -> new BackendNotFoundException(
                            "backend: unknown name '" + requested + "'" + request.origin() + ". " + report(null)));
            throw new BackendNotFoundException("backend: '" + named.name() + "' is not available" + request.origin()
                    + ": its provider is broken: " + named.message() + ". " + report(null), named.cause());
        }
        Loaded result = load(provider);
        if (result.failure != null) {
            throw new BackendNotFoundException("backend: '" + provider.name() + "' is not available"
                    + request.origin() + ": " + describe(result.failure) + ". " + report(provider), result.failure);
        }
        return result.backend;
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
        return providers.stream().map(Entry::name).collect(Collectors.toList());
    }

    /**
     * Every provider found, highest priority first, with whether it loads and why not; loads each one. A
     * broken provider (see {@link #brokenProviders()}) is not among them.
     */
    public List<BackendInfo> describe() {
        List<BackendInfo> infos = new ArrayList<>();
        for (Entry p : providers) {
            Loaded result = load(p);
            infos.add(new BackendInfo(p.name(), p.priority(), safeVersion(p.provider()),
                    p.provider().getClass().getName(), result.failure == null ? null : describe(result.failure)));
        }
        return infos;
    }

    /**
     * One message per broken provider, in the order found: a provider class that failed to load or
     * instantiate, or whose {@code name()} or {@code priority()} failed; each names the class and says why.
     */
    public List<String> brokenProviders() {
        return broken.stream().map(Broken::message).collect(Collectors.toList());
    }

    private synchronized Loaded load(Entry entry) {
        return loaded.computeIfAbsent(entry.name().toLowerCase(Locale.ROOT), key -> {
            BackendProvider provider = entry.provider();
            try {
                Backend backend = provider.create();
                if (backend == null) {
                    return new Loaded(null, new IllegalStateException(
                            provider.getClass().getName() + ".create() returned null"));
                }
                LOG.log(System.Logger.Level.DEBUG, "Loaded backend {0}", entry.name());
                return new Loaded(backend, null);
            } catch (Throwable e) {
                return new Loaded(null, survivable(e));
            }
        });
    }

    /**
     * {@code e} if a provider's failure may be recorded and discovery go on: anything but a
     * {@link VirtualMachineError} (out of memory, stack overflow, an internal error), which is rethrown. An
     * interrupt is kept for the caller.
     */
    private static Throwable survivable(Throwable e) {
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return e;
    }

    /** The provider's name and priority, each asked once, or why it is broken. */
    private static Object check(BackendProvider provider) {
        String className = provider.getClass().getName();
        String name;
        try {
            name = provider.name();
        } catch (Throwable e) {
            return new Broken(null, className + ": name() threw " + describe(survivable(e)), e);
        }
        if (name == null || name.isBlank()) {
            return new Broken(null, className + ": name() returned " + (name == null ? "null" : "a blank name"), null);
        }
        try {
            return new Entry(provider, name, provider.priority());
        } catch (Throwable e) {
            return new Broken(name, className + " (named '" + name + "'): priority() threw "
                    + describe(survivable(e)), e);
        }
    }

    /**
     * One entry per backend found: name, priority, and its state (but for {@code already}, whose failure the
     * message has just given); then any broken provider.
     */
    private String report(Entry already) {
        if (providers.isEmpty() && broken.isEmpty()) {
            return "No backend was found on the class path.";
        }
        StringBuilder sb = new StringBuilder("Found:");
        for (Entry p : providers) {
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
        for (Broken b : broken) {
            sb.append(" a broken provider: ").append(b.message()).append(';');
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
        } catch (Throwable e) {
            return "unknown (" + survivable(e).getClass().getSimpleName() + ")";
        }
    }

    private static void rejectDuplicateNames(List<Entry> providers) {
        Map<String, List<String>> byName = providers.stream().collect(Collectors.groupingBy(
                p -> p.name().toLowerCase(Locale.ROOT), LinkedHashMap::new,
                Collectors.mapping(p -> p.provider().getClass().getName(), Collectors.toList())));
        byName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                throw new NeuriteException("backend: several providers are named '" + name + "': " + classes
                        + "; remove all but one of their jars from the class path");
            }
        });
    }

    /** Where the name of the selected backend came from, in the order selection asks. */
    @Stability(Stability.Status.STABLE)
    public enum Source {
        /** A name given in code: {@link #select(String)}, {@link #get(String)}, a CLI's {@code --backend}. */
        EXPLICIT("explicit"),
        /** The system property {@value Backends#PROPERTY}. */
        PROPERTY("-D" + Backends.PROPERTY),
        /** The environment variable {@value Backends#ENVIRONMENT_VARIABLE}. */
        ENVIRONMENT(Backends.ENVIRONMENT_VARIABLE),
        /** No name: the available backend with the highest priority. */
        PRIORITY("highest priority");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** {@code explicit}, {@code -Dneurite.backend}, {@code NEURITE_BACKEND} or {@code highest priority}. */
        public String label() {
            return label;
        }
    }

    /**
     * The selected backend and why it was chosen, for listings such as the CLI's {@code backends}.
     *
     * @param backend the backend
     * @param source where its name came from, or {@link Source#PRIORITY}
     * @param requestedName the name as asked for (trimmed), or {@code null} for {@link Source#PRIORITY}
     */
    @Stability(Stability.Status.STABLE)
    public record Selection(Backend backend, Source source, String requestedName) {
    }

    /** A backend asked for by name, and where the name came from. */
    private record Request(String name, Source source) {
        /** {@code " (from -Dneurite.backend=cuda)"}, {@code " (from NEURITE_BACKEND=cuda)"}, or nothing. */
        String origin() {
            return switch (source) {
                case PROPERTY -> " (from -D" + PROPERTY + "=" + name + ")";
                case ENVIRONMENT -> " (from " + ENVIRONMENT_VARIABLE + "=" + name + ")";
                default -> "";
            };
        }
    }

    private record Loaded(Backend backend, Throwable failure) { }

    /** A usable provider with its name and priority, each asked once. */
    private record Entry(BackendProvider provider, String name, int priority) { }

    /**
     * A broken provider: its name when it has one, the message naming its class and the reason, and the
     * cause when something was thrown.
     */
    private record Broken(String name, String message, Throwable cause) { }
}
