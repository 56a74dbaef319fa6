package dev.custommodels.connectors.batch;

/**
 * The option keys the {@value BatchEndpointConnectorProvider#NAME} connector reads from the client
 * ({@link dev.custommodels.spi.ConnectorContext#option(String)}), their defaults, and the names it uses in
 * contracts and output folders. ARM itself is configured with the shared keys of
 * {@link dev.custommodels.spi.azure.ArmClient} ({@code azure.armEndpoint}, {@code azure.armAudience}).
 *
 * <h2>Missing rows</h2>
 * A model deployment with an error threshold may end a job {@code Completed} with some rows unscored. When the
 * connector collects such a job it writes the rows that have no prediction to {@value #MISSING_ROWS_FILE} in the
 * collect folder, beside the output files (it is not among the paths {@code collect} returns). The file is CSV
 * with a header row: {@code file_name,row,} followed by the input's own columns; {@code file_name} is the staged
 * input file the row came from and {@code row} its 0-based position in that file. When nothing is missing the
 * file does not exist. Outputs that do not say which rows they scored (a custom scoring script whose rows carry no
 * {@code row} and {@code file_name}) cannot be compared row by row: when they hold fewer rows than the input,
 * {@code collect} fails and says so rather than guess.
 */
public final class BatchEndpointOptions {
    /**
     * The token audience of the endpoint data plane (invoke), default {@value #DEFAULT_ML_AUDIENCE}; set it for
     * sovereign clouds, such as {@code https://studio.ml.azure.cn} for Azure China. Tokens are requested for
     * {@code <audience>/.default}, separately from the ARM token.
     */
    public static final String ML_AUDIENCE = "amlBatchEndpoint.mlAudience";
    /** The public cloud's Azure Machine Learning token audience. */
    public static final String DEFAULT_ML_AUDIENCE = "https://ml.azure.com";

    /**
     * The name of the output file of model deployments; default: the deployment's own {@code outputFileName},
     * else {@value #DEFAULT_OUTPUT_FILE_NAME}.
     */
    public static final String OUTPUT_FILE_NAME = "amlBatchEndpoint.outputFileName";
    /** The service's default output file name. */
    public static final String DEFAULT_OUTPUT_FILE_NAME = "predictions.csv";

    /**
     * The workspace datastore that receives staged inputs and job outputs, default {@value #DEFAULT_DATASTORE};
     * it must be a blob datastore that the client can reach
     * ({@link dev.custommodels.spi.ConnectorContext#datastore}).
     */
    public static final String DATASTORE = "amlBatchEndpoint.datastore";
    /** The workspace's default blob datastore. */
    public static final String DEFAULT_DATASTORE = "workspaceblobstore";

    /** The ARM api-version of batch endpoints, deployments, assets and jobs, default {@value #DEFAULT_API_VERSION}. */
    public static final String API_VERSION = "amlBatchEndpoint.apiVersion";
    /** The default ARM api-version. */
    public static final String DEFAULT_API_VERSION = "2024-10-01";

    /**
     * How long a job may take before polling reports it failed and cancels it, as an ISO-8601 duration, default
     * {@value #DEFAULT_JOB_TIMEOUT}; measured from submission with the client's clock.
     */
    public static final String JOB_TIMEOUT = "amlBatchEndpoint.jobTimeout";
    /** The default job timeout. */
    public static final String DEFAULT_JOB_TIMEOUT = "P1D";

    /**
     * How long a job may stay {@code NotResponding} or {@code Paused} before polling reports it failed, as an
     * ISO-8601 duration, default {@value #DEFAULT_STUCK_TIMEOUT}.
     */
    public static final String STUCK_TIMEOUT = "amlBatchEndpoint.stuckTimeout";
    /** The default stuck timeout. */
    public static final String DEFAULT_STUCK_TIMEOUT = "PT30M";

    /**
     * How many times one submission invokes the endpoint, default {@value #DEFAULT_INVOKE_ATTEMPTS}. An invoke is
     * repeated only after a failure that may not have reached the service and only when no job of the run is
     * found; the invoke request itself is never retried by the HTTP pipeline.
     */
    public static final String INVOKE_ATTEMPTS = "amlBatchEndpoint.invokeAttempts";
    /** The default number of invoke attempts. */
    public static final int DEFAULT_INVOKE_ATTEMPTS = 3;

    /** The name of the single data input of a model deployment in its contract. */
    public static final String MODEL_INPUT_NAME = "input_data";
    /** The name of the single output of a model deployment in its contract. */
    public static final String MODEL_OUTPUT_NAME = "score";
    /** The column that holds a model deployment's prediction in collected output. */
    public static final String PREDICTION_COLUMN = "prediction";
    /** The file, in the collect folder, that lists input rows without a prediction. */
    public static final String MISSING_ROWS_FILE = "missing-rows.csv";
    /** The job tag (and job property) that carries the run id, used to find a run's job again. */
    public static final String RUN_ID_TAG = "customModels.runId";
    /** The datastore folder under which each run stages its inputs and receives its outputs. */
    public static final String STAGING_ROOT = "custom-models/runs";

    private BatchEndpointOptions() {
    }
}
