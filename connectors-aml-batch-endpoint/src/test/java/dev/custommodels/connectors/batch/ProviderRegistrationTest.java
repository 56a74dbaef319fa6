package dev.custommodels.connectors.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.spi.ConnectorProvider;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistrationTest {
    @TempDir
    Path dir;

    @Test
    void serviceLoaderFindsTheProviderByName() {
        assertThat(ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(ConnectorProvider::name)).contains("aml-batch-endpoint");
    }

    @Test
    void anUnreadableOptionFailsWhenTheConnectorIsCreatedNamingTheOption() {
        try (BatchTestbed bed = new BatchTestbed(dir)) {
            assertThatThrownBy(() -> bed.option(BatchEndpointOptions.JOB_TIMEOUT, "soon").connector())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amlBatchEndpoint.jobTimeout")
                    .hasMessageContaining("'soon'");
        }
    }
}
