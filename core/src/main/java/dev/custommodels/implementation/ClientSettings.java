package dev.custommodels.implementation;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import dev.custommodels.ApiKeyResolver;
import dev.custommodels.DatastoreResolver;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.spi.ConnectorProvider;
import dev.custommodels.spi.LakeStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a client was built with, checked by the builder.
 *
 * @param lake the state store
 * @param catalog the host's entities
 * @param httpClient the HTTP client, or {@code null} for azure-core's default
 * @param policies the host's extra pipeline policies, in order
 * @param retryOptions the retry options, or {@code null} for azure-core's default exponential backoff
 * @param defaultCredential the credential for any tenant without its own, or {@code null}
 * @param tenantCredentials credentials by tenant id
 * @param apiKeys the API key resolver, or {@code null}
 * @param datastores the datastore resolver, or {@code null}
 * @param providers connector providers given explicitly, in order
 * @param options connector options by key
 * @param clock the clock
 * @param pollInterval the interval between polls of a remote job
 */
public record ClientSettings(LakeStore lake, EntityCatalog catalog, HttpClient httpClient,
        List<HttpPipelinePolicy> policies, RetryOptions retryOptions, TokenCredential defaultCredential,
        Map<String, TokenCredential> tenantCredentials, ApiKeyResolver apiKeys, DatastoreResolver datastores,
        List<ConnectorProvider> providers, Map<String, String> options, Clock clock, Duration pollInterval) {

    /** Copies the collections and checks required parts. */
    public ClientSettings {
        Objects.requireNonNull(lake, "lake");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pollInterval, "pollInterval");
        policies = List.copyOf(policies);
        tenantCredentials = Map.copyOf(tenantCredentials);
        providers = List.copyOf(providers);
        options = Map.copyOf(options);
    }

    /**
     * Describes the settings without credentials, keys or option values.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "ClientSettings{lake=" + lake.describe() + ", tenants=" + tenantCredentials.keySet()
                + ", providers=" + providers.size() + ", options=" + options.keySet() + ", pollInterval="
                + pollInterval + "}";
    }
}
