package dev.custommodels;

import com.azure.core.annotation.ServiceClientBuilder;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.implementation.ClientRuntime;
import dev.custommodels.implementation.ClientSettings;
import dev.custommodels.implementation.ConnectorRegistry;
import dev.custommodels.implementation.WorkflowValidator;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.DataTransferPolicy;
import dev.custommodels.models.RunOptions;
import dev.custommodels.spi.ConnectorProvider;
import dev.custommodels.spi.LakeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link CustomModelsClient}.
 *
 * <p>Two settings are required: where state is kept ({@link #lakeDirectory(Path)} for the embedded local
 * directory, or {@link #lake(LakeStore)}) and the host's entities ({@link #entityCatalog(EntityCatalog)}).
 * Everything else has a default: azure-core's default HTTP client, exponential retry honouring
 * {@code Retry-After}, the connectors found on the class path or module path, the system UTC clock and a poll
 * interval of five seconds. A builder is not thread-safe; the client it builds is.
 */
@ServiceClientBuilder(serviceClients = {CustomModelsClient.class})
public final class CustomModelsClientBuilder {
    /** The poll interval used unless {@link #pollInterval(Duration)} sets another. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    private LakeStore lake;
    private Path lakeDirectory;
    private EntityCatalog catalog;
    private HttpClient httpClient;
    private final List<HttpPipelinePolicy> policies = new ArrayList<>();
    private RetryOptions retryOptions;
    private TokenCredential defaultCredential;
    private final Map<String, TokenCredential> tenantCredentials = new HashMap<>();
    private ApiKeyResolver apiKeys;
    private DatastoreResolver datastores;
    private final List<ConnectorProvider> providers = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private DataTransferPolicy transferPolicy;

    /** Creates a builder with the defaults. */
    public CustomModelsClientBuilder() {
    }

    /**
     * Keeps all state in a lake store, such as one of the storage-datalake module.
     *
     * @param lake the store
     * @return this builder
     */
    public CustomModelsClientBuilder lake(LakeStore lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
        return this;
    }

    /**
     * Keeps all state in a local directory (the embedded default), created if needed.
     *
     * @param directory the lake's root directory
     * @return this builder
     */
    public CustomModelsClientBuilder lakeDirectory(Path directory) {
        this.lakeDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * Sets the host's entities, which workflows bind to model inputs. Required.
     *
     * @param catalog the catalog
     * @return this builder
     */
    public CustomModelsClientBuilder entityCatalog(EntityCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        return this;
    }

    /**
     * Sets the HTTP client every connector call goes through.
     *
     * @param httpClient the client; {@code null} for azure-core's default
     * @return this builder
     */
    public CustomModelsClientBuilder httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        return this;
    }

    /**
     * Adds a policy to every connector pipeline, after retry and before logging and authentication.
     *
     * @param policy the policy
     * @return this builder
     */
    public CustomModelsClientBuilder addPolicy(HttpPipelinePolicy policy) {
        policies.add(Objects.requireNonNull(policy, "policy"));
        return this;
    }

    /**
     * Sets how connector calls are retried.
     *
     * @param retryOptions the options; {@code null} for exponential backoff honouring {@code Retry-After}
     * @return this builder
     */
    public CustomModelsClientBuilder retryOptions(RetryOptions retryOptions) {
        this.retryOptions = retryOptions;
        return this;
    }

    /**
     * Sets the credential for every tenant that has no credential of its own.
     *
     * @param credential the credential
     * @return this builder
     */
    public CustomModelsClientBuilder credential(TokenCredential credential) {
        this.defaultCredential = Objects.requireNonNull(credential, "credential");
        return this;
    }

    /**
     * Sets the credential for one tenant, for models that live in another Azure AD tenant than the host.
     *
     * @param tenantId the tenant
     * @param credential the credential
     * @return this builder
     */
    public CustomModelsClientBuilder credential(String tenantId, TokenCredential credential) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (tenantId.isBlank()) {
            throw new IllegalArgumentException("A tenant id must not be blank.");
        }
        tenantCredentials.put(tenantId, Objects.requireNonNull(credential, "credential"));
        return this;
    }

    /**
     * Supplies API keys of models where the backend uses keys.
     *
     * @param resolver the resolver
     * @return this builder
     */
    public CustomModelsClientBuilder apiKeyResolver(ApiKeyResolver resolver) {
        this.apiKeys = Objects.requireNonNull(resolver, "resolver");
        return this;
    }

    /**
     * Opens the storage of backends' datastores.
     *
     * @param resolver the resolver
     * @return this builder
     */
    public CustomModelsClientBuilder datastoreResolver(DatastoreResolver resolver) {
        this.datastores = Objects.requireNonNull(resolver, "resolver");
        return this;
    }

    /**
     * Adds a connector provider. It wins over a provider of the same name found on the class path.
     *
     * @param provider the provider
     * @return this builder
     */
    public CustomModelsClientBuilder connectorProvider(ConnectorProvider provider) {
        providers.add(Objects.requireNonNull(provider, "provider"));
        return this;
    }

    /**
     * Sets a connector option, such as an endpoint override; each connector documents its keys.
     *
     * @param key the option key
     * @param value the value
     * @return this builder
     */
    public CustomModelsClientBuilder option(String key, String value) {
        options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets the clock for timestamps and expiry.
     *
     * @param clock the clock
     * @return this builder
     */
    public CustomModelsClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets the interval between two polls of a remote job.
     *
     * @param interval the interval; zero polls without waiting (for tests)
     * @return this builder
     * @throws IllegalArgumentException if the interval is negative
     */
    public CustomModelsClientBuilder pollInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The poll interval must not be negative, was " + interval + ".");
        }
        this.pollInterval = interval;
        return this;
    }

    /**
     * Sets the rule for what data may leave for which model, asked before every run submits anything; a run may
     * override it with {@link RunOptions#setTransferPolicy(DataTransferPolicy)}.
     *
     * @param policy the policy; {@code null} allows every transfer (the default)
     * @return this builder
     */
    public CustomModelsClientBuilder dataTransferPolicy(DataTransferPolicy policy) {
        this.transferPolicy = policy;
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException naming the setting to fix when no lake or no catalog is set, both kinds of
     *     lake are set, or two connector providers given here share a name
     */
    public CustomModelsClient buildClient() {
        if (lake == null && lakeDirectory == null) {
            throw new IllegalStateException("No lake is set. Call CustomModelsClientBuilder.lakeDirectory(Path) to"
                    + " keep state in a local directory, or lake(LakeStore) for another store.");
        }
        if (lake != null && lakeDirectory != null) {
            throw new IllegalStateException("Both lake(LakeStore) and lakeDirectory(Path) are set; set only one.");
        }
        if (catalog == null) {
            throw new IllegalStateException("No entity catalog is set. Call"
                    + " CustomModelsClientBuilder.entityCatalog(EntityCatalog) with the host's entities, for"
                    + " example EntityCatalog.of(source1, source2).");
        }
        ConnectorRegistry registry = new ConnectorRegistry(providers);
        LakeStore store = lake != null ? lake : new LocalLakeStore(lakeDirectory);
        ClientSettings settings = new ClientSettings(store, catalog, httpClient, policies, retryOptions,
                defaultCredential, tenantCredentials, apiKeys, datastores, providers, options, clock, pollInterval);
        return new CustomModelsClient(new ClientRuntime(settings, registry, new WorkflowValidator()), transferPolicy);
    }
}
