package dev.custommodels.testkit;

import com.azure.core.credential.KeyCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.LakeStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link ConnectorContext} for connector tests, without a client: an HTTP client (usually an emulator's), a
 * lake, credentials per tenant, options, and zero poll interval. Retries use short backoff so fault tests run
 * fast.
 */
public final class TestConnectorContext implements ConnectorContext {
    private final HttpClient httpClient;
    private final LakeStore lake;
    private final Map<String, TokenCredential> credentials;
    private final Function<ModelReference, Optional<KeyCredential>> apiKeys;
    private final BiFunction<BlobLocation, String, LakeStore> datastores;
    private final Map<String, String> options;
    private final Clock clock;
    private final RetryOptions retryOptions;

    private TestConnectorContext(Builder b) {
        this.httpClient = Objects.requireNonNull(b.httpClient, "httpClient");
        this.lake = Objects.requireNonNull(b.lake, "lake");
        this.credentials = Map.copyOf(b.credentials);
        this.apiKeys = b.apiKeys;
        this.datastores = b.datastores;
        this.options = Map.copyOf(b.options);
        this.clock = b.clock;
        this.retryOptions = b.retryOptions;
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public HttpClient httpClient() {
        return httpClient;
    }

    @Override
    public HttpPipeline pipeline(HttpPipelinePolicy... authPolicies) {
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        policies.add(new RetryPolicy(retryOptions));
        policies.addAll(List.of(authPolicies));
        return new HttpPipelineBuilder().httpClient(httpClient).policies(policies.toArray(new HttpPipelinePolicy[0]))
                .build();
    }

    @Override
    public TokenCredential credential(String tenantId) {
        TokenCredential c = credentials.getOrDefault(tenantId, credentials.get("*"));
        if (c == null) {
            throw new IllegalStateException("No credential for tenant '" + tenantId + "'. Configured tenants: "
                    + credentials.keySet() + ".");
        }
        return c;
    }

    @Override
    public Optional<KeyCredential> apiKey(ModelReference model) {
        return apiKeys.apply(model);
    }

    @Override
    public LakeStore lake() {
        return lake;
    }

    @Override
    public LakeStore datastore(BlobLocation location, String tenantId) {
        if (datastores == null) {
            throw new IllegalStateException("No datastore resolver configured for " + location.container() + ".");
        }
        return datastores.apply(location, tenantId);
    }

    @Override
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Duration pollInterval() {
        return Duration.ZERO;
    }

    /** Builds a {@link TestConnectorContext}. */
    public static final class Builder {
        private HttpClient httpClient;
        private LakeStore lake;
        private final Map<String, TokenCredential> credentials = new HashMap<>();
        private Function<ModelReference, Optional<KeyCredential>> apiKeys = m -> Optional.empty();
        private BiFunction<BlobLocation, String, LakeStore> datastores;
        private final Map<String, String> options = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private RetryOptions retryOptions = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(6)
                .setBaseDelay(Duration.ofMillis(1)).setMaxDelay(Duration.ofMillis(20)));

        private Builder() {
        }

        /**
         * Sets the HTTP client.
         *
         * @param client the client
         * @return this
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /**
         * Sets the lake.
         *
         * @param store the lake
         * @return this
         */
        public Builder lake(LakeStore store) {
            this.lake = store;
            return this;
        }

        /**
         * Sets the credential for a tenant; {@code "*"} serves any tenant.
         *
         * @param tenantId the tenant or {@code "*"}
         * @param credential the credential
         * @return this
         */
        public Builder credential(String tenantId, TokenCredential credential) {
            credentials.put(tenantId, credential);
            return this;
        }

        /**
         * Sets the API key resolver.
         *
         * @param resolver the resolver
         * @return this
         */
        public Builder apiKeys(Function<ModelReference, Optional<KeyCredential>> resolver) {
            this.apiKeys = resolver;
            return this;
        }

        /**
         * Sets the datastore resolver.
         *
         * @param resolver from a location and tenant to a store
         * @return this
         */
        public Builder datastores(BiFunction<BlobLocation, String, LakeStore> resolver) {
            this.datastores = resolver;
            return this;
        }

        /**
         * Sets an option.
         *
         * @param key the key
         * @param value the value
         * @return this
         */
        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param c the clock
         * @return this
         */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /**
         * Sets the retry options.
         *
         * @param options the options
         * @return this
         */
        public Builder retryOptions(RetryOptions options) {
            this.retryOptions = options;
            return this;
        }

        /**
         * Builds the context.
         *
         * @return the context
         */
        public TestConnectorContext build() {
            return new TestConnectorContext(this);
        }
    }
}
