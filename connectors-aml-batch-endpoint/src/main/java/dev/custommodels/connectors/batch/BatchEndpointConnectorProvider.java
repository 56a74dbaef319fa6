package dev.custommodels.connectors.batch;

import dev.custommodels.connectors.batch.implementation.BatchEndpointConnector;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ConnectorProvider;

/**
 * Provides the {@value #NAME} connector: Azure Machine Learning v2 batch endpoints, with model deployments
 * (custom scoring scripts or no-code MLflow) and pipeline-component deployments. Found by
 * {@link java.util.ServiceLoader}; the options it reads are listed in {@link BatchEndpointOptions}.
 *
 * <p>Model references of this connector: {@code workspaceId} is the workspace's ARM resource id,
 * {@code serviceId} the batch endpoint's name (unique in its workspace), and {@code endpoint} a deployment's name,
 * or {@code null} for the endpoint's default deployment (resolved at each call, so a workflow bound to the
 * default follows it when it changes).
 */
public final class BatchEndpointConnectorProvider implements ConnectorProvider {
    /** The connector's name. */
    public static final String NAME = "aml-batch-endpoint";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public BatchEndpointConnectorProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new BatchEndpointConnector(context);
    }
}
