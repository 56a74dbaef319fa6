package dev.custommodels;

import com.azure.core.credential.KeyCredential;
import dev.custommodels.models.ModelReference;
import java.util.Optional;

/**
 * Supplies the API key of a model where its backend authenticates with keys (a Studio classic web service, an
 * endpoint with key authentication). Given to {@link CustomModelsClientBuilder#apiKeyResolver(ApiKeyResolver)}.
 */
@FunctionalInterface
public interface ApiKeyResolver {

    /**
     * Returns the key for a model.
     *
     * @param model the model
     * @return the key, or empty to let the connector obtain one from the backend with the tenant's credential
     */
    Optional<KeyCredential> resolve(ModelReference model);
}
