package dev.custommodels.implementation;

import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.LakeStore;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts one client is made of, shared by the client's operations: settings, connector context and
 * registry, the connectors created so far, the workflow store and the validator. Thread-safe.
 */
public final class ClientRuntime {
    private final ClientSettings settings;
    private final ConnectorRegistry registry;
    private final ClientConnectorContext context;
    private final WorkflowStore workflows;
    private final WorkflowValidator validator;
    private final Map<String, Connector> connectors = new ConcurrentHashMap<>();

    /**
     * Creates the runtime.
     *
     * @param settings the builder's settings
     * @param registry the connector providers
     * @param validator the workflow validator
     */
    public ClientRuntime(ClientSettings settings, ConnectorRegistry registry, WorkflowValidator validator) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.context = new ClientConnectorContext(settings);
        this.workflows = new WorkflowStore(settings.lake());
    }

    /**
     * Returns the connector of a name, creating it on first use.
     *
     * @param name the connector name
     * @return the connector, one per client and name
     * @throws IllegalArgumentException listing the available connectors when there is none by that name
     */
    public Connector connector(String name) {
        Objects.requireNonNull(name, "connector");
        Connector c = connectors.get(name);
        if (c != null) {
            return c;
        }
        return connectors.computeIfAbsent(name, n -> Objects.requireNonNull(registry.provider(n).create(context),
                () -> "The connector provider of '" + n + "' created no connector."));
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     */
    public ClientSettings settings() {
        return settings;
    }

    /**
     * Returns the connector registry.
     *
     * @return the registry
     */
    public ConnectorRegistry registry() {
        return registry;
    }

    /**
     * Returns what the client offers its connectors.
     *
     * @return the context
     */
    public ConnectorContext context() {
        return context;
    }

    /**
     * Returns the workflow files.
     *
     * @return the store
     */
    public WorkflowStore workflows() {
        return workflows;
    }

    /**
     * Returns the workflow validator.
     *
     * @return the validator
     */
    public WorkflowValidator validator() {
        return validator;
    }

    /**
     * Returns the lake.
     *
     * @return the lake
     */
    public LakeStore lake() {
        return settings.lake();
    }

    /**
     * Returns the host's entity catalog.
     *
     * @return the catalog
     */
    public EntityCatalog catalog() {
        return settings.catalog();
    }

    /**
     * Returns the clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return settings.clock();
    }
}
