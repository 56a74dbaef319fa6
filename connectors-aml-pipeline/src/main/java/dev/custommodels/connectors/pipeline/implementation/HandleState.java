package dev.custommodels.connectors.pipeline.implementation;

/** The keys of a pipeline run's {@link dev.custommodels.spi.JobHandle#state()}; none holds a secret. */
final class HandleState {
    static final String TENANT = "tenantId";
    static final String WORKSPACE = "workspaceId";
    static final String API_BASE = "apiBase";
    static final String ENDPOINT = "pipelineEndpointId";
    static final String EXPERIMENT = "experimentName";
    static final String OUTPUT_DATASTORE = "outputDatastore";
    static final String OUTPUT_PATH = "outputPath";
    static final String CUSTOMER_ID = "customerIdColumn";
    static final String SUBMITTED_AT = "submittedAt";

    private HandleState() {
    }
}
