package dev.custommodels.fakes;

import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ConnectorProvider;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connector provider over a {@link FakeBackend}; registered for the class path as {@code fake}. */
public class FakeConnectorProvider implements ConnectorProvider {
    private final String name;
    private final FakeBackend backend;
    private final List<ConnectorContext> contexts = new CopyOnWriteArrayList<>();

    /** Creates the provider ServiceLoader finds: name {@code fake}, sample data. */
    public FakeConnectorProvider() {
        this("fake", FakeBackend.withSampleData());
    }

    /**
     * Creates a provider.
     *
     * @param name the connector name
     * @param backend the backend's state
     */
    public FakeConnectorProvider(String name, FakeBackend backend) {
        this.name = Objects.requireNonNull(name);
        this.backend = Objects.requireNonNull(backend);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Connector create(ConnectorContext context) {
        contexts.add(context);
        return new FakeConnector(name, backend, context);
    }

    /**
     * Returns the contexts connectors were created with, one per client that used this provider.
     *
     * @return the contexts in order
     */
    public List<ConnectorContext> contexts() {
        return List.copyOf(contexts);
    }

    /**
     * Returns the backend.
     *
     * @return the backend
     */
    public FakeBackend backend() {
        return backend;
    }
}
