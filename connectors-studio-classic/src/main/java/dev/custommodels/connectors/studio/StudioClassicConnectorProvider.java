package dev.custommodels.connectors.studio;

import dev.custommodels.connectors.studio.implementation.StudioClassicConnector;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ConnectorProvider;
import java.util.Objects;

/**
 * Provides the {@value StudioClassicOptions#CONNECTOR_NAME} connector: web services published from Azure Machine
 * Learning Studio (classic), scored request-response from the client or as batch (BES) jobs. Found by
 * {@link java.util.ServiceLoader}; the options it reads are listed in {@link StudioClassicOptions}.
 */
public final class StudioClassicConnectorProvider implements ConnectorProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public StudioClassicConnectorProvider() {
    }

    /**
     * Returns {@value StudioClassicOptions#CONNECTOR_NAME}.
     *
     * @return the connector name
     */
    @Override
    public String name() {
        return StudioClassicOptions.CONNECTOR_NAME;
    }

    /**
     * Creates a connector that reads its settings from the context's options.
     *
     * @param context what the client offers
     * @return the connector
     * @throws IllegalArgumentException if an option has a value that cannot be used, naming the option
     */
    @Override
    public Connector create(ConnectorContext context) {
        return new StudioClassicConnector(Objects.requireNonNull(context, "context"));
    }
}
