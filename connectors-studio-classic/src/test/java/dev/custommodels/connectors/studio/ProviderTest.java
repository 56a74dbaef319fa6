package dev.custommodels.connectors.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.spi.ConnectorProvider;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderTest {
    @TempDir
    Path dir;

    @Test
    void theProviderIsFoundByServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(p -> p.name().equals("studio-classic")).singleElement()
                .isInstanceOf(StudioClassicConnectorProvider.class);
    }

    @Test
    void aBadOptionIsNamedWhenTheConnectorIsCreated() throws Exception {
        try (StudioTestbed bed = StudioTestbed.builder(dir).option(StudioClassicOptions.RRS_CHUNK_SIZE, "lots")
                .build()) {
            assertThatThrownBy(bed::newConnector).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(StudioClassicOptions.RRS_CHUNK_SIZE).hasMessageContaining("lots");
        }
        try (StudioTestbed bed = StudioTestbed.builder(dir.resolve("2")).option(StudioClassicOptions.MODE, "fast")
                .build()) {
            assertThatThrownBy(bed::newConnector).hasMessageContaining("auto, rrs or bes");
        }
    }
}
