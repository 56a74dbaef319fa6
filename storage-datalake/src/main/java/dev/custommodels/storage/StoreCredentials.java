package dev.custommodels.storage;

import com.azure.core.client.traits.AzureSasCredentialTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import dev.custommodels.storage.implementation.StoreSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The credential checks and client configuration both builders share. */
final class StoreCredentials {
    private StoreCredentials() {
    }

    static List<String> problems(String builder, String endpoint, String connectionString,
            TokenCredential token, AzureSasCredential sas) {
        List<String> problems = new ArrayList<>();
        int credentials = (connectionString != null ? 1 : 0) + (token != null ? 1 : 0) + (sas != null ? 1 : 0);
        if (credentials == 0) {
            problems.add("a credential is missing: call credential(TokenCredential), credential(AzureSasCredential)"
                    + " or connectionString(String)");
        } else if (credentials > 1) {
            problems.add("more than one credential was given; keep exactly one of credential(TokenCredential),"
                    + " credential(AzureSasCredential) and connectionString(String)");
        }
        if (connectionString == null && (endpoint == null || endpoint.isBlank())) {
            problems.add("endpoint(String) is missing, such as https://<account>.blob.core.windows.net (or give"
                    + " connectionString(String), which holds it)");
        }
        return problems;
    }

    /** Applies a connection string without ever echoing it: a parse error says what is wrong, not what was given. */
    static void applyConnectionString(String connectionString, Consumer<String> apply) {
        if (connectionString == null) {
            return;
        }
        try {
            apply.accept(connectionString);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The connection string is not valid: it needs AccountName and either"
                    + " AccountKey or SharedAccessSignature, and BlobEndpoint or EndpointSuffix (values not shown).");
        }
    }

    /**
     * Configures an Azure Storage client builder (Blob or Data Lake) with what a store builder was given, but
     * the connection string, which the Data Lake builder takes without the common trait: apply it first with
     * {@link #applyConnectionString(String, Consumer)}.
     *
     * @param b the SDK builder
     * @param endpoint the endpoint, or null
     * @param token the token credential, or null
     * @param sas the SAS credential, or null
     * @param retry the retry options, or null
     * @param httpClient the HTTP client, or null
     * @param logOptions the logging options, or null
     * @param policies extra policies
     * @param <B> the SDK builder type
     */
    static <B extends HttpTrait<B> & EndpointTrait<B> & TokenCredentialTrait<B> & AzureSasCredentialTrait<B>>
            void configure(B b, String endpoint, TokenCredential token, AzureSasCredential sas, RetryOptions retry, HttpClient httpClient,
            HttpLogOptions logOptions, List<HttpPipelinePolicy> policies) {
        if (endpoint != null) {
            b.endpoint(endpoint);
        }
        if (token != null) {
            b.credential(token);
        }
        if (sas != null) {
            b.credential(sas);
        }
        if (retry != null) {
            b.retryOptions(retry);
        }
        if (httpClient != null) {
            b.httpClient(httpClient);
        }
        if (logOptions != null) {
            b.httpLogOptions(logOptions);
        }
        policies.forEach(b::addPolicy);
    }

    /**
     * Chooses how a store signs URLs: with a user delegation key for a token credential, with the account key of
     * a connection string that holds one, or not at all.
     *
     * @param token the token credential, or null
     * @param connectionString the connection string, or null
     * @return the signing mode
     */
    static BlobLakeStore.Signing signing(TokenCredential token, String connectionString) {
        return token != null ? BlobLakeStore.Signing.USER_DELEGATION
                : StoreSupport.hasAccountKey(connectionString) ? BlobLakeStore.Signing.ACCOUNT_KEY
                : BlobLakeStore.Signing.NONE;
    }
}
