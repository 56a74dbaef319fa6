package dev.custommodels.storage;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.RetryOptions;
import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.LakeStore;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Opens a {@link BlobLakeStore} on the container of a {@link BlobLocation} (such as a datastore a model's pipeline
 * writes to) with the {@link TokenCredential} of a tenant. It is the function a client gives its connectors for
 * {@code ConnectorContext.datastore(location, tenantId)}; stores are cached per account endpoint, container and
 * tenant. Thread-safe.
 *
 * <pre>{@code
 * DatastoreResolver datastores = DatastoreResolver.create(tenantId -> credentials.get(tenantId));
 * LakeStore outputs = datastores.apply(location, tenantId);
 * try (InputStream in = outputs.openRead(location.blobName())) { ... }
 * }</pre>
 */
public final class DatastoreResolver implements BiFunction<BlobLocation, String, LakeStore> {
    private final Function<String, TokenCredential> credentials;
    private final HttpClient httpClient;
    private final RetryOptions retryOptions;
    private final Map<String, LakeStore> stores = new ConcurrentHashMap<>();

    private DatastoreResolver(Function<String, TokenCredential> credentials, HttpClient httpClient,
            RetryOptions retryOptions) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.httpClient = httpClient;
        this.retryOptions = retryOptions;
    }

    /**
     * Creates a resolver with azure-core's default HTTP client and Azure Storage's default retries.
     *
     * @param credentials the credential of each tenant
     * @return the resolver
     */
    public static DatastoreResolver create(Function<String, TokenCredential> credentials) {
        return new DatastoreResolver(credentials, null, null);
    }

    /**
     * Creates a resolver whose stores use an HTTP client and retry options.
     *
     * @param credentials the credential of each tenant
     * @param httpClient the HTTP client, or {@code null} for the default
     * @param retryOptions the retry options, or {@code null} for the default
     * @return the resolver
     */
    public static DatastoreResolver create(Function<String, TokenCredential> credentials, HttpClient httpClient,
            RetryOptions retryOptions) {
        return new DatastoreResolver(credentials, httpClient, retryOptions);
    }

    /**
     * Returns the store rooted at the location's container; the location's blob name is a path inside it.
     *
     * @param location the account endpoint and container
     * @param tenantId the tenant whose credential reaches the account
     * @return the store
     * @throws IllegalStateException when the tenant has no credential
     */
    public LakeStore resolve(BlobLocation location, String tenantId) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(tenantId, "tenantId");
        String key = location.endpoint() + "|" + location.container() + "|" + tenantId;
        return stores.computeIfAbsent(key, k -> build(location, tenantId));
    }

    /**
     * Same as {@link #resolve(BlobLocation, String)}, so the resolver can be passed as a function.
     *
     * @param location the account endpoint and container
     * @param tenantId the tenant
     * @return the store
     */
    @Override
    public LakeStore apply(BlobLocation location, String tenantId) {
        return resolve(location, tenantId);
    }

    private LakeStore build(BlobLocation location, String tenantId) {
        TokenCredential credential = credentials.apply(tenantId);
        if (credential == null) {
            throw new IllegalStateException("No credential for tenant " + tenantId + " to reach the datastore "
                    + location.endpoint() + "/" + location.container() + "; configure one for that tenant.");
        }
        BlobLakeStoreBuilder builder = BlobLakeStore.builder().endpoint(location.endpoint())
                .containerName(location.container()).credential(credential);
        if (httpClient != null) {
            builder.httpClient(httpClient);
        }
        if (retryOptions != null) {
            builder.retryOptions(retryOptions);
        }
        return builder.buildStore();
    }

    @Override
    public String toString() {
        return "DatastoreResolver{stores=" + stores.size() + "}";
    }
}
