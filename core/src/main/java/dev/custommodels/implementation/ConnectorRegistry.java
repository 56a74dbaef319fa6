package dev.custommodels.implementation;

import dev.custommodels.spi.ConnectorProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The connector providers a client can use: those given explicitly, then those found by {@link ServiceLoader}
 * (on the class path and the module path). Discovery runs once, lazily, on first use. An explicit provider wins
 * over a discovered one of the same name; two explicit, or two discovered, providers with one name are an error
 * naming both classes. Thread-safe.
 */
public final class ConnectorRegistry {
    /** The artifact id prefix of connector modules, used in the hint of a missing connector. */
    public static final String ARTIFACT_PREFIX = "custom-models-connectors-";

    private final Map<String, ConnectorProvider> explicit;
    private final Supplier<? extends Iterable<ConnectorProvider>> discovery;
    private volatile Map<String, ConnectorProvider> all;
    private volatile RuntimeException discoveryFailure;

    /**
     * Creates a registry that discovers with {@link ServiceLoader}.
     *
     * @param explicit providers given to the builder
     * @throws IllegalStateException if two of them share a name
     */
    public ConnectorRegistry(List<ConnectorProvider> explicit) {
        this(explicit, () -> ServiceLoader.load(ConnectorProvider.class));
    }

    /**
     * Creates a registry with another discovery, for tests.
     *
     * @param explicit providers given to the builder
     * @param discovery supplies the discovered providers; called at most once
     * @throws IllegalStateException if two explicit providers share a name
     */
    public ConnectorRegistry(List<ConnectorProvider> explicit,
            Supplier<? extends Iterable<ConnectorProvider>> discovery) {
        this.explicit = byName(explicit, "given to CustomModelsClientBuilder.connectorProvider(...)",
                "Give only one of them");
        this.discovery = discovery;
    }

    /**
     * Returns the provider of a connector.
     *
     * @param name the connector name of a model reference
     * @return the provider
     * @throws IllegalArgumentException listing the available connectors and the artifact to add when there is
     *     none by that name
     * @throws IllegalStateException if discovery found two providers with that name
     */
    public ConnectorProvider provider(String name) {
        ConnectorProvider p = explicit.get(name);
        if (p != null) {
            return p;
        }
        p = discovered().get(name);
        if (p == null) {
            throw new IllegalArgumentException("No connector named '" + name + "'. Available: " + names()
                    + ". Add " + ARTIFACT_PREFIX + name + " to the class path.");
        }
        return p;
    }

    /**
     * Returns the names of every available connector.
     *
     * @return the names in alphabetical order
     * @throws IllegalStateException if discovery found two providers with one name
     */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(discovered().keySet()));
    }

    /** Explicit and discovered providers, explicit ones winning. */
    private Map<String, ConnectorProvider> discovered() {
        Map<String, ConnectorProvider> result = all;
        if (result != null) {
            return result;
        }
        synchronized (this) {
            if (discoveryFailure != null) {
                throw discoveryFailure;
            }
            if (all == null) {
                try {
                    all = discover();
                } catch (RuntimeException e) {
                    discoveryFailure = e;
                    throw e;
                }
            }
            return all;
        }
    }

    private Map<String, ConnectorProvider> discover() {
        List<ConnectorProvider> found = new ArrayList<>();
        try {
            Iterator<ConnectorProvider> it = discovery.get().iterator();
            while (it.hasNext()) {
                ConnectorProvider p = it.next();
                if (!explicit.containsKey(checkedName(p))) {
                    found.add(p);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("Loading the connector providers of the class path failed: "
                    + e.getMessage() + ". Check the META-INF/services and module-info declarations of the"
                    + " connector artifacts.", e);
        }
        Map<String, ConnectorProvider> merged = new TreeMap<>(byName(found, "found on the class path or module"
                + " path", "Remove one of the artifacts, or pass the one to use to"
                + " CustomModelsClientBuilder.connectorProvider(...)"));
        merged.putAll(explicit);
        return merged;
    }

    private static Map<String, ConnectorProvider> byName(List<ConnectorProvider> providers, String where,
            String fix) {
        Map<String, ConnectorProvider> map = new LinkedHashMap<>();
        for (ConnectorProvider p : providers) {
            ConnectorProvider other = map.putIfAbsent(checkedName(p), p);
            if (other != null) {
                throw new IllegalStateException("Two connector providers named '" + p.name() + "' were " + where
                        + ": " + other.getClass().getName() + " and " + p.getClass().getName() + ". " + fix + ".");
            }
        }
        return map;
    }

    private static String checkedName(ConnectorProvider p) {
        String name = p.name();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("The connector provider " + p.getClass().getName()
                    + " has no name; ConnectorProvider.name() must return a non-blank name.");
        }
        return name;
    }
}
