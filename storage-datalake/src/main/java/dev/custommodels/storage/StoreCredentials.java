package dev.custommodels.storage;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The credential checks both builders share. */
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
}
