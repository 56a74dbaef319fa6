package dev.custommodels.connectors.pipeline;

/**
 * The client options the {@code aml-pipeline} connector reads (through
 * {@link dev.custommodels.spi.ConnectorContext#option(String)}). Only {@link #SERVICE_PRINCIPAL_OBJECT_ID} is
 * needed, and only to save workflows; everything else has a default.
 */
public final class AmlPipelineOptions {
    /**
     * The object id of the host's service principal, which is granted Contributor on a workspace when a workflow
     * is saved, so the host can run the pipeline later without the user's credentials. Required by
     * {@code prepareAccess}.
     */
    public static final String SERVICE_PRINCIPAL_OBJECT_ID = "aml-pipeline.servicePrincipalObjectId";
    /**
     * The Azure Machine Learning API base URL, such as {@code https://eastus.api.azureml.ms}; by default it is read
     * from the workspace's discovery document.
     */
    public static final String API_ENDPOINT = "aml-pipeline.apiEndpoint";
    /**
     * The datastore the input data is staged into; by default the datastore of the pipeline's datapath parameter
     * default, else {@code workspaceblobstore}.
     */
    public static final String INPUT_DATASTORE = "aml-pipeline.inputDatastore";
    /**
     * The datastore name passed in the output datastore parameter, unless the workflow sets that parameter; by
     * default the parameter's own default, else {@code workspaceblobstore}.
     */
    public static final String OUTPUT_DATASTORE = "aml-pipeline.outputDatastore";
    /** The folder, inside the datastores, under which runs stage inputs and write outputs; default {@code custom-models}. */
    public static final String DATASTORE_FOLDER = "aml-pipeline.datastoreFolder";
    /** The experiment that runs are submitted to; default {@code custom-models-<workflow id>}. */
    public static final String EXPERIMENT_NAME = "aml-pipeline.experimentName";
    /** The ARM base URL, shared with other Azure connectors; default {@code https://management.azure.com}. */
    public static final String ARM_ENDPOINT = dev.custommodels.spi.azure.ArmClient.ENDPOINT_OPTION;
    /** The ARM token audience, shared with other Azure connectors; default {@code https://management.azure.com}. */
    public static final String ARM_AUDIENCE = dev.custommodels.spi.azure.ArmClient.AUDIENCE_OPTION;

    private AmlPipelineOptions() {
    }
}
