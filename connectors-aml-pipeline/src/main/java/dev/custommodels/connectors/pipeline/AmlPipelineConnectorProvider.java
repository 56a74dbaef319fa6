package dev.custommodels.connectors.pipeline;

import dev.custommodels.connectors.pipeline.implementation.AmlPipelineConnector;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ConnectorProvider;

/**
 * The {@code aml-pipeline} connector: Azure Machine Learning v1 published pipelines behind a pipeline endpoint, as
 * the Customer Insights "Custom models" page uses them. Discovered with {@link java.util.ServiceLoader}; options
 * are listed in {@link AmlPipelineOptions}.
 */
public final class AmlPipelineConnectorProvider implements ConnectorProvider {
    /** The connector name, the {@code connector} part of its model references. */
    public static final String NAME = "aml-pipeline";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public AmlPipelineConnectorProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new AmlPipelineConnector(context);
    }
}
