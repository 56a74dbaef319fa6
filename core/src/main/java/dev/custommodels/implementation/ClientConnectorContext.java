package dev.custommodels.implementation;

import com.azure.core.credential.KeyCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.LakeStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a client offers its connectors, from the builder's settings. Thread-safe. */
public final class ClientConnectorContext implements ConnectorContext {
    private final ClientSettings settings;
    private volatile HttpClient defaultHttpClient;

    /**
     * Creates the context.
     *
     * @param settings the client's settings
     */
    public ClientConnectorContext(ClientSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public HttpClient httpClient() {
        if (settings.httpClient() != null) {
            return settings.httpClient();
        }
        HttpClient client = defaultHttpClient;
        if (client == null) {
            synchronized (this) {
                if (defaultHttpClient == null) {
                    defaultHttpClient = HttpClient.createDefault();
                }
                client = defaultHttpClient;
            }
        }
        return client;
    }

    /**
     * Builds a pipeline: retry (the builder's retry options, or exponential backoff honouring Retry-After), the
     * host's extra policies, logging, then the given authentication policies.
     *
     * @param authPolicies the authentication policies, last in the pipeline
     * @return the pipeline over {@link #httpClient()}
     */
    @Override
    public HttpPipeline pipeline(HttpPipelinePolicy... authPolicies) {
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        policies.add(settings.retryOptions() == null ? new RetryPolicy() : new RetryPolicy(settings.retryOptions()));
        policies.addAll(settings.policies());
        policies.add(new HttpLoggingPolicy(new HttpLogOptions()));
        for (HttpPipelinePolicy p : authPolicies) {
            policies.add(Objects.requireNonNull(p, "authPolicies"));
        }
        return new HttpPipelineBuilder()
                .httpClient(httpClient())
                .policies(policies.toArray(new HttpPipelinePolicy[0]))
                .build();
    }

    @Override
    public TokenCredential credential(String tenantId) {
        TokenCredential c = settings.tenantCredentials().get(tenantId);
        if (c == null) {
            c = settings.defaultCredential();
        }
        if (c == null) {
            throw new IllegalStateException("No credential for tenant '" + tenantId + "'. Call"
                    + " CustomModelsClientBuilder.credential(TokenCredential) for every tenant, or"
                    + " credential(\"" + tenantId + "\", TokenCredential) for this one.");
        }
        return c;
    }

    @Override
    public Optional<KeyCredential> apiKey(ModelReference model) {
        if (settings.apiKeys() == null) {
            return Optional.empty();
        }
        Optional<KeyCredential> key = settings.apiKeys().resolve(model);
        return key == null ? Optional.empty() : key;
    }

    @Override
    public LakeStore lake() {
        return settings.lake();
    }

    @Override
    public LakeStore datastore(BlobLocation location, String tenantId) {
        if (settings.datastores() == null) {
            throw new IllegalStateException("The model's datastore in account '" + location.accountName()
                    + "', container '" + location.container() + "' must be reached, but no datastore resolver is"
                    + " set. Call CustomModelsClientBuilder.datastoreResolver(...), for example with the"
                    + " resolver of the custom-models-storage-datalake module.");
        }
        return Objects.requireNonNull(settings.datastores().resolve(location, tenantId),
                "The datastore resolver returned null.");
    }

    @Override
    public Optional<String> option(String key) {
        return Optional.ofNullable(settings.options().get(key));
    }

    @Override
    public Clock clock() {
        return settings.clock();
    }

    @Override
    public Duration pollInterval() {
        return settings.pollInterval();
    }
}
