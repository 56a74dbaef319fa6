package dev.custommodels.connectors.studio;

/**
 * The option keys the {@value #CONNECTOR_NAME} connector reads from the client's options
 * ({@link dev.custommodels.spi.ConnectorContext#option(String)}), with their defaults. Durations are ISO-8601
 * ({@code PT100S}); every key is optional.
 */
public final class StudioClassicOptions {

    /** The connector name, the {@code connector} part of a model reference: {@value}. */
    public static final String CONNECTOR_NAME = "studio-classic";

    /**
     * The Azure Resource Manager endpoint used to list subscriptions, classic workspaces
     * ({@code Microsoft.MachineLearning/workspaces}), their keys and ARM web services. Default
     * {@value #DEFAULT_ARM_ENDPOINT}.
     */
    public static final String ARM_ENDPOINT = "studio-classic.armEndpoint";

    /** The default of {@link #ARM_ENDPOINT}: {@value}. */
    public static final String DEFAULT_ARM_ENDPOINT = "https://management.azure.com";

    /** The token scope asked for ARM calls. Default {@value #DEFAULT_ARM_SCOPE}. */
    public static final String ARM_SCOPE = "studio-classic.armScope";

    /** The default of {@link #ARM_SCOPE}: {@value}. */
    public static final String DEFAULT_ARM_SCOPE = "https://management.azure.com/.default";

    /**
     * The classic management API endpoint (web services and endpoints), used for every workspace. By default the
     * endpoint follows the workspace's region: {@code https://management.azureml.net} (South Central US and
     * regions without their own), {@code https://europewest.management.azureml.net},
     * {@code https://asiasoutheast.management.azureml.net}, {@code https://japaneast.management.azureml.net},
     * {@code https://uswestcentral.management.azureml.net}, {@code https://germanycentral.management.azureml.de}.
     */
    public static final String MANAGEMENT_ENDPOINT = "studio-classic.managementEndpoint";

    /**
     * How jobs score: {@code rrs} (request-response from the client, in chunks, checkpointed in the lake),
     * {@code bes} (a batch execution job that reads the staged input from storage), or {@code auto} (the
     * default): BES when the endpoint offers batch execution, a staging store can sign URLs and the input has at
     * least {@link #BES_MIN_ROWS} rows; RRS otherwise.
     */
    public static final String MODE = "studio-classic.mode";

    /** Rows per RRS request. Default {@value #DEFAULT_CHUNK_SIZE}; at least 1. */
    public static final String RRS_CHUNK_SIZE = "studio-classic.rrs.chunkSize";

    /** The default of {@link #RRS_CHUNK_SIZE}: {@value}. */
    public static final int DEFAULT_CHUNK_SIZE = 1000;

    /**
     * RRS requests in flight at once. Default: the endpoint's {@code MaxConcurrentCalls} when the management API
     * reports it, at most {@value #DEFAULT_CONCURRENCY} (the per-endpoint limit of paid plans).
     */
    public static final String RRS_CONCURRENCY = "studio-classic.rrs.concurrency";

    /** The default (and cap of the default) of {@link #RRS_CONCURRENCY}: {@value}. */
    public static final int DEFAULT_CONCURRENCY = 20;

    /**
     * Chunks one poll of an RRS job scores at most, so each poll does bounded work and reports progress. Default
     * {@value #DEFAULT_CHUNKS_PER_POLL}.
     */
    public static final String RRS_CHUNKS_PER_POLL = "studio-classic.rrs.chunksPerPoll";

    /** The default of {@link #RRS_CHUNKS_PER_POLL}: {@value}. */
    public static final int DEFAULT_CHUNKS_PER_POLL = 200;

    /**
     * Attempts per RRS chunk on transient failures (429, 408, 500, 502, 503, 504, dropped connections, timeouts),
     * counted after the client pipeline's own retries. Default {@value #DEFAULT_MAX_ATTEMPTS}.
     */
    public static final String RRS_MAX_ATTEMPTS = "studio-classic.rrs.maxAttempts";

    /** The default of {@link #RRS_MAX_ATTEMPTS}: {@value}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;

    /**
     * The first backoff between two attempts of a chunk, doubled per attempt up to {@link #RRS_MAX_RETRY_DELAY};
     * a longer {@code Retry-After} from the service wins. Default {@code PT0.5S}.
     */
    public static final String RRS_RETRY_DELAY = "studio-classic.rrs.retryDelay";

    /** The longest computed backoff between two attempts of a chunk. Default {@code PT30S}. */
    public static final String RRS_MAX_RETRY_DELAY = "studio-classic.rrs.maxRetryDelay";

    /** How long one RRS request may take before it counts as timed out and is retried. Default {@code PT100S}. */
    public static final String RRS_TIMEOUT = "studio-classic.rrs.timeout";

    /**
     * The RRS body format for classic endpoints: {@code table} (the default; {@code ColumnNames}/{@code Values}
     * with {@code details=true}) or {@code swagger} (one object per row). ARM web services always use
     * {@code swagger}.
     */
    public static final String RRS_FORMAT = "studio-classic.rrs.format";

    /** The input size from which {@code auto} mode prefers BES. Default {@value #DEFAULT_BES_MIN_ROWS}. */
    public static final String BES_MIN_ROWS = "studio-classic.bes.minRows";

    /** The default of {@link #BES_MIN_ROWS}: {@value}. */
    public static final long DEFAULT_BES_MIN_ROWS = 1_000_000L;

    /**
     * The storage account of the BES staging container. With {@link #BES_STAGING_ENDPOINT} and
     * {@link #BES_STAGING_CONTAINER} it names the container the connector resolves through
     * {@link dev.custommodels.spi.ConnectorContext#datastore}; without them the lake itself stages, if it can sign
     * URLs.
     */
    public static final String BES_STAGING_ACCOUNT = "studio-classic.bes.stagingAccount";

    /** The Blob service endpoint of the BES staging account, such as {@code https://acct.blob.core.windows.net}. */
    public static final String BES_STAGING_ENDPOINT = "studio-classic.bes.stagingEndpoint";

    /** The BES staging container. */
    public static final String BES_STAGING_CONTAINER = "studio-classic.bes.stagingContainer";

    /** The folder inside the staging container, ending with {@code /}. Default {@code custom-models/bes/}. */
    public static final String BES_STAGING_PREFIX = "studio-classic.bes.stagingPrefix";

    /** How long the signed URLs handed to a BES job stay valid. Default {@code PT12H}. */
    public static final String BES_SAS_VALIDITY = "studio-classic.bes.sasValidity";

    private StudioClassicOptions() {
    }
}
