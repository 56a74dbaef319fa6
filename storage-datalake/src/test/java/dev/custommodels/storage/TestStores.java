package dev.custommodels.storage;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/** Helpers the storage tests share: unique containers and fast retries. */
final class TestStores {
    private TestStores() {
    }

    /** Retries with millisecond back-off, so fault tests stay fast. */
    static RetryOptions fastRetries(int maxRetries) {
        return new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(maxRetries)
                .setBaseDelay(Duration.ofMillis(5)).setMaxDelay(Duration.ofMillis(50)));
    }

    /** Creates a container with a unique name through the given connection string and returns its name. */
    static String newContainer(String connectionString, String hint) {
        String name = (hint + "-" + UUID.randomUUID().toString().replace("-", "")).toLowerCase(Locale.ROOT);
        name = name.length() > 63 ? name.substring(0, 63) : name;
        new BlobServiceClientBuilder().connectionString(connectionString).buildClient().createBlobContainer(name);
        return name;
    }
}
