package dev.custommodels.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.azurite.Azurite;
import dev.custommodels.testkit.azurite.AzuriteExtension;
import dev.custommodels.testkit.contract.LakeStoreContractTest;
import dev.custommodels.testkit.gateway.DfsGateway;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole lake store contract for the DataLake store, through the testkit's dfs-to-blob gateway in front of
 * Azurite. A gateway test: it checks the dfs requests the store sends and its rename-based commit, against our own
 * translation of dfs semantics, not against the real service (see {@link DataLakeLakeStoreLiveTest} for that).
 */
@DisplayName("DataLakeLakeStore contract through the dfs-to-blob gateway (gateway test, not the real dfs service)")
@ExtendWith(AzuriteExtension.class)
class DataLakeLakeStoreGatewayTest extends LakeStoreContractTest {
    private static DfsGateway gateway;

    @BeforeAll
    static void startGateway(Azurite azurite) {
        gateway = DfsGateway.start(azurite.connectionString());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Override
    protected LakeStore createStore() {
        return DataLakeLakeStore.builder()
                .connectionString(gateway.connectionString())
                .fileSystemName(TestStores.newContainer(gateway.connectionString(), "gateway"))
                .blockSize(1024 * 1024)
                .maxConcurrency(3)
                .retryOptions(TestStores.fastRetries(3))
                .buildStore();
    }

    @Test
    @DisplayName("gateway test: a write goes through dfs create, append, flush and rename, and leaves no temp file")
    void writeUsesDfsCallsAndLeavesNoTemporaryFile() {
        long before = gateway.translatedCalls();
        store.write("deep/folder/file.txt", "dfs".getBytes(StandardCharsets.UTF_8), WriteCondition.ifNotExists());
        assertThat(gateway.translatedCalls() - before).isGreaterThanOrEqualTo(4);
        try (Stream<LakeObjectInfo> all = store.list("")) {
            assertThat(all.map(LakeObjectInfo::path)).containsExactly("deep/folder/file.txt");
        }
    }

    @Test
    @DisplayName("gateway test: a store rooted in a folder keeps its paths relative to it")
    void rootedStoreListsRelativePaths() {
        LakeStore rooted = DataLakeLakeStore.builder()
                .connectionString(gateway.connectionString())
                .fileSystemName(TestStores.newContainer(gateway.connectionString(), "rooted"))
                .rootPath("tenant/a")
                .buildStore();
        String etag = rooted.write("x/y.json", "{}".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
        assertThat(rooted.stat("x/y.json")).get().extracting(LakeObjectInfo::etag).isEqualTo(etag);
        try (Stream<LakeObjectInfo> all = rooted.list("")) {
            assertThat(all.map(LakeObjectInfo::path)).containsExactly("x/y.json");
        }
        assertThat(rooted.blobLocation("x/y.json")).get()
                .satisfies(l -> assertThat(l.blobName()).isEqualTo("tenant/a/x/y.json"));
    }
}
