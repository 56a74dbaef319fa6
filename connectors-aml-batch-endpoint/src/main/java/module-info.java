/**
 * The Azure Machine Learning v2 batch endpoint connector of custom-models: discovery of batch endpoints and their
 * deployments over ARM, contracts of model and pipeline-component deployments, and batch jobs (stage, invoke,
 * poll, cancel, collect). Registered as the {@code aml-batch-endpoint} connector.
 */
module dev.custommodels.connectors.batch {
    requires transitive dev.custommodels.core;
    requires com.azure.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports dev.custommodels.connectors.batch;

    provides dev.custommodels.spi.ConnectorProvider
            with dev.custommodels.connectors.batch.BatchEndpointConnectorProvider;
}
