package dev.custommodels.examples;

import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ConnectorProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A custom connector, {@value #NAME}, for models that score inside the host's JVM: one workspace,
 * {@value LocalModelConnector#WORKSPACE}, whose services are the given {@link LocalModel}s (an untrained one is
 * listed as not eligible). Give it to {@code CustomModelsClientBuilder.connectorProvider(...)}.
 */
public final class LocalModelConnectorProvider implements ConnectorProvider {
    /** The connector name. */
    public static final String NAME = "local-model";

    private final Map<String, LocalModel> models = new LinkedHashMap<>();

    /**
     * Creates the provider.
     *
     * @param models the models it serves; names must be unique
     * @throws IllegalArgumentException if two models share a name
     */
    public LocalModelConnectorProvider(LocalModel... models) {
        for (LocalModel m : List.of(models)) {
            if (this.models.putIfAbsent(m.name(), m) != null) {
                throw new IllegalArgumentException("Two local models are named '" + m.name() + "'.");
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new LocalModelConnector(context, models);
    }
}
