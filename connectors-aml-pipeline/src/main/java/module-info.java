/**
 * The Azure Machine Learning pipeline connector of custom-models ({@code aml-pipeline}).
 */
module dev.custommodels.connectors.pipeline {
    requires transitive dev.custommodels.core;
    requires com.fasterxml.jackson.databind;

    exports dev.custommodels.connectors.pipeline;
    exports dev.custommodels.connectors.pipeline.models;

    provides dev.custommodels.spi.ConnectorProvider
            with dev.custommodels.connectors.pipeline.AmlPipelineConnectorProvider;
}
