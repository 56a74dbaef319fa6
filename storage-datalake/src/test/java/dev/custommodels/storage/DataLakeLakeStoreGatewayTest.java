package dev.custommodels.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.azurite.Azurite;
import dev.custommodels.testkit.azurite.AzuriteExtension;
import dev.custommodels.testkit.contract.LakeStoreContractTest;
import dev.custommodels.testkit.gateway.DfsGateway;
import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.DataLakeServiceClientBuilder;
import com.azure.storage.file.datalake.models.DataLakeStorageException;
import com.azure.storage.file.datalake.models.ListPathsOptions;
import com.azure.storage.file.datalake.models.PathItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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

    @Test
    @DisplayName("gateway test: a listing longer than a page is followed through its continuation tokens")
    void listingFollowsContinuationTokens(Azurite azurite) {
        try (DfsGateway paging = DfsGateway.start(azurite.connectionString(), 3)) {
            LakeStore small = DataLakeLakeStore.builder()
                    .connectionString(paging.connectionString())
                    .fileSystemName(TestStores.newContainer(paging.connectionString(), "paged"))
                    .buildStore();
            List<String> written = IntStream.range(0, 8).mapToObj(i -> "paged/object-" + i + ".csv").toList();
            written.forEach(path -> small.write(path, path.getBytes(StandardCharsets.UTF_8), WriteCondition.none()));

            long before = paging.translatedCalls();
            try (Stream<LakeObjectInfo> all = small.list("paged/")) {
                assertThat(all.map(LakeObjectInfo::path)).containsExactlyElementsOf(written);
            }
            assertThat(paging.translatedCalls() - before).as("listing requests, 3 paths a page")
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    @DisplayName("gateway test: maxResults bounds each page, and a token the gateway never gave is refused")
    void pagesHonourMaxResultsAndRefuseForeignTokens() {
        String fileSystemName = TestStores.newContainer(gateway.connectionString(), "pages");
        LakeStore pages = DataLakeLakeStore.builder().connectionString(gateway.connectionString())
                .fileSystemName(fileSystemName).buildStore();
        IntStream.range(0, 5).forEach(i -> pages.write("f" + i, new byte[] {(byte) i}, WriteCondition.none()));
        DataLakeFileSystemClient fileSystem = new DataLakeServiceClientBuilder()
                .connectionString(gateway.connectionString()).buildClient().getFileSystemClient(fileSystemName);
        ListPathsOptions options = new ListPathsOptions().setMaxResults(2);

        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        fileSystem.listPaths(options, null).streamByPage().forEach((PagedResponse<PathItem> page) -> {
            sizes.add(page.getValue().size());
            page.getValue().stream().filter(item -> !Boolean.TRUE.equals(item.isDirectory()))
                    .forEach(item -> names.add(item.getName()));
        });
        assertThat(sizes).allMatch(size -> size <= 2).hasSizeGreaterThanOrEqualTo(3);
        assertThat(names).containsExactly("f0", "f1", "f2", "f3", "f4");

        assertThatThrownBy(() -> fileSystem.listPaths(options, null).streamByPage("not*a*token").findFirst())
                .isInstanceOfSatisfying(DataLakeStorageException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(400));
    }
}
