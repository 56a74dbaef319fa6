package dev.custommodels.fakes;

import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ConnectorProvider;
import java.util.Objects;

/** A provider of {@link ScoringConnector}s over one {@link ScoringBackend}. */
public final class ScoringConnectorProvider implements ConnectorProvider {
    private final String name;
    private final ScoringBackend backend;

    /**
     * Creates the provider.
     *
     * @param name the connector name
     * @param backend the backend
     */
    public ScoringConnectorProvider(String name, ScoringBackend backend) {
        this.name = Objects.requireNonNull(name);
        this.backend = Objects.requireNonNull(backend);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new ScoringConnector(name, backend, context);
    }
}
