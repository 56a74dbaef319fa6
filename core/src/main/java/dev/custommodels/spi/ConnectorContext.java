package dev.custommodels.spi;

import com.azure.core.credential.KeyCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.custommodels.models.ModelReference;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What a client offers the connectors it creates. Implemented by the client; connectors only consume it.
 */
public interface ConnectorContext {

    /**
     * Returns the HTTP client every connector call goes through.
     *
     * @return the client
     */
    HttpClient httpClient();

    /**
     * Builds a pipeline over {@link #httpClient()} with the client's retry policy, logging and extra policies,
     * followed by the given authentication policies.
     *
     * @param authPolicies policies that authenticate requests, such as a bearer token policy
     * @return the pipeline
     */
    HttpPipeline pipeline(HttpPipelinePolicy... authPolicies);

    /**
     * Returns the credential for a tenant.
     *
     * @param tenantId the tenant
     * @return the credential
     * @throws IllegalStateException naming the tenant when none was configured
     */
    TokenCredential credential(String tenantId);

    /**
     * Returns an API key the host supplied for a model, where the backend uses keys.
     *
     * @param model the model
     * @return the key, or empty to let the connector obtain one from the backend
     */
    Optional<KeyCredential> apiKey(ModelReference model);

    /**
     * Returns the lake that holds the client's state; connectors keep checkpoints under the prefixes a
     * {@link JobRequest} gives them.
     *
     * @return the lake
     */
    LakeStore lake();

    /**
     * Resolves a storage container that a backend reads or writes (a datastore) to a store.
     *
     * @param location the account and container
     * @param tenantId the tenant whose credential reaches it
     * @return the store, rooted at the container
     */
    LakeStore datastore(BlobLocation location, String tenantId);

    /**
     * Returns a client option by key, such as an endpoint override.
     *
     * @param key the option key, documented by each connector
     * @return the value, or empty
     */
    Optional<String> option(String key);

    /**
     * Returns the clock for timestamps and expiry.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * Returns the interval between two polls of a remote job.
     *
     * @return the interval; zero in tests
     */
    Duration pollInterval();
}
