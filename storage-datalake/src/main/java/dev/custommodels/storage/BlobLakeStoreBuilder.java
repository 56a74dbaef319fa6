package dev.custommodels.storage;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.custommodels.storage.implementation.StoreSupport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link BlobLakeStore}.
 *
 * <p>Give a container, and one credential: a {@link TokenCredential} with {@link #endpoint(String)}, a
 * {@link #connectionString(String) connection string} (with an account key or a SAS), or an
 * {@link AzureSasCredential} with {@link #endpoint(String)}.
 *
 * <pre>{@code
 * BlobLakeStore lake = BlobLakeStore.builder()
 *         .endpoint("https://acct.blob.core.windows.net")
 *         .credential(new DefaultAzureCredentialBuilder().build())
 *         .containerName("lake")
 *         .rootPath("custom-models")
 *         .buildStore();
 * }</pre>
 */
public final class BlobLakeStoreBuilder {
    /** The default block size: 16 MiB. */
    public static final int DEFAULT_BLOCK_SIZE = 16 * 1024 * 1024;
    /** The default number of blocks a stream uploads at once. */
    public static final int DEFAULT_MAX_CONCURRENCY = 2;

    private String endpoint;
    private String connectionString;
    private TokenCredential tokenCredential;
    private AzureSasCredential sasCredential;
    private String containerName;
    private String rootPath;
    private int blockSize = DEFAULT_BLOCK_SIZE;
    private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    private boolean transactionalChecksums = true;
    private RetryOptions retryOptions;
    private HttpClient httpClient;
    private HttpLogOptions httpLogOptions;
    private final List<HttpPipelinePolicy> policies = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    /** Creates a builder; see {@link BlobLakeStore#builder()}. */
    public BlobLakeStoreBuilder() {
    }

    /**
     * Sets the Blob service endpoint, such as {@code https://acct.blob.core.windows.net}.
     *
     * @param endpoint the endpoint
     * @return this builder
     */
    public BlobLakeStoreBuilder endpoint(String endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /**
     * Sets a connection string; it gives the endpoint and an account key or a SAS. A secret: it never appears in a
     * message or log of this SDK.
     *
     * @param connectionString the connection string
     * @return this builder
     */
    public BlobLakeStoreBuilder connectionString(String connectionString) {
        this.connectionString = connectionString;
        return this;
    }

    /**
     * Authenticates with Microsoft Entra ID; signed URLs are then signed with a user delegation key.
     *
     * @param credential the credential
     * @return this builder
     */
    public BlobLakeStoreBuilder credential(TokenCredential credential) {
        this.tokenCredential = credential;
        return this;
    }

    /**
     * Authenticates with a shared access signature; such a store cannot mint signed URLs.
     *
     * @param credential the SAS
     * @return this builder
     */
    public BlobLakeStoreBuilder credential(AzureSasCredential credential) {
        this.sasCredential = credential;
        return this;
    }

    /**
     * Sets the container that holds the lake.
     *
     * @param containerName the container
     * @return this builder
     */
    public BlobLakeStoreBuilder containerName(String containerName) {
        this.containerName = containerName;
        return this;
    }

    /**
     * Roots the lake at a folder of the container instead of the container itself.
     *
     * @param rootPath the folder, such as {@code custom-models/prod}
     * @return this builder
     */
    public BlobLakeStoreBuilder rootPath(String rootPath) {
        this.rootPath = rootPath;
        return this;
    }

    /**
     * Sets the size of the blocks a write is cut into; each stream holds at most {@code maxConcurrency + 1} of
     * them. The first block is at most 1 MiB, so an object up to that size is one request and a larger one starts
     * uploading early; later blocks live in direct memory (outside the heap), so the HTTP client sends them without
     * a copy, and the store keeps {@code maxConcurrency + 1} of them for later writes.
     *
     * @param bytes between 64 KiB and 1 GiB; default {@value #DEFAULT_BLOCK_SIZE}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public BlobLakeStoreBuilder blockSize(long bytes) {
        this.blockSize = StoreSupport.checkBlockSize(bytes);
        return this;
    }

    /**
     * Sets how many blocks one write uploads at once.
     *
     * @param maxConcurrency between 1 and 64; default {@value #DEFAULT_MAX_CONCURRENCY}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public BlobLakeStoreBuilder maxConcurrency(int maxConcurrency) {
        this.maxConcurrency = StoreSupport.checkConcurrency(maxConcurrency);
        return this;
    }

    /**
     * Sends the MD5 of every block as its transactional checksum ({@code Content-MD5}), which the service checks,
     * so a block damaged in transit is refused and retried instead of stored. On by default; costs about a second
     * of client CPU per gigabyte.
     *
     * @param enabled whether to send checksums
     * @return this builder
     */
    public BlobLakeStoreBuilder transactionalChecksums(boolean enabled) {
        this.transactionalChecksums = enabled;
        return this;
    }

    /**
     * Sets azure-core's retry options for every call; by default Azure Storage's retry policy applies.
     *
     * @param retryOptions the options
     * @return this builder
     */
    public BlobLakeStoreBuilder retryOptions(RetryOptions retryOptions) {
        this.retryOptions = retryOptions;
        return this;
    }

    /**
     * Sets the HTTP client; by default azure-core's default client.
     *
     * @param httpClient the client
     * @return this builder
     */
    public BlobLakeStoreBuilder httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        return this;
    }

    /**
     * Sets HTTP logging; azure-core redacts query parameters and headers (so SAS and keys) it was not told are
     * safe.
     *
     * @param httpLogOptions the options
     * @return this builder
     */
    public BlobLakeStoreBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
        this.httpLogOptions = httpLogOptions;
        return this;
    }

    /**
     * Adds a pipeline policy to every call.
     *
     * @param policy the policy
     * @return this builder
     */
    public BlobLakeStoreBuilder addPolicy(HttpPipelinePolicy policy) {
        policies.add(Objects.requireNonNull(policy, "policy"));
        return this;
    }

    /**
     * Sets the clock that signed URLs' start and expiry come from.
     *
     * @param clock the clock
     * @return this builder
     */
    public BlobLakeStoreBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Builds the store. Nothing is sent to the service; the container must exist before the first write.
     *
     * @return the store
     * @throws IllegalStateException naming everything that is missing or contradictory
     * @throws IllegalArgumentException if the root path is not a valid lake path
     */
    public BlobLakeStore buildStore() {
        List<String> problems = StoreCredentials.problems("BlobLakeStoreBuilder", endpoint, connectionString,
                tokenCredential, sasCredential);
        if (containerName == null || containerName.isBlank()) {
            problems.add("containerName(String) is missing");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Cannot build a BlobLakeStore: " + String.join("; ", problems) + ".");
        }
        BlobServiceClientBuilder b = new BlobServiceClientBuilder();
        StoreCredentials.applyConnectionString(connectionString, b::connectionString);
        StoreCredentials.configure(b, endpoint, tokenCredential, sasCredential, retryOptions, httpClient,
                httpLogOptions, policies);
        BlobServiceClient service = b.buildClient();
        BlobLakeStore.Signing signing = StoreCredentials.signing(tokenCredential, connectionString);
        return new BlobLakeStore(service.getBlobContainerClient(containerName), StoreSupport.normaliseRoot(rootPath),
                blockSize, maxConcurrency, transactionalChecksums, signing, clock);
    }
}
