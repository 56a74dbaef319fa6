package dev.custommodels.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.storage.implementation.StoreSupport;
import dev.custommodels.testkit.azurite.Azurite;
import dev.custommodels.testkit.azurite.AzuriteExtension;
import dev.custommodels.testkit.faults.HttpFaultProxy;
import dev.custommodels.testkit.faults.TcpFaultProxy;
import dev.custommodels.testkit.gateway.DfsGateway;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Dropped connections and busy answers in the middle of uploads: the stores retry and never show a partial object. */
@ExtendWith(AzuriteExtension.class)
class FaultInjectionTest {
    private static final int BLOCK = 1024 * 1024;
    private static Azurite azurite;

    @BeforeAll
    static void azurite(Azurite running) {
        azurite = running;
    }

    @Test
    void uploadSurvivesAConnectionDroppedInTheMiddleOfABlock() throws Exception {
        byte[] data = bytes(6 * BLOCK + 123, 1);
        try (TcpFaultProxy proxy = TcpFaultProxy.start("127.0.0.1", azurite.port())) {
            String container = TestStores.newContainer(azurite.connectionString(), "tcpdrop");
            LakeStore faulty = blobStore(Azurite.connectionString(proxyEndpoint(proxy.port())), container, 5);
            LakeStore direct = blobStore(azurite.connectionString(), container, 0);
            proxy.cutOnceAfter(2 * BLOCK + BLOCK / 2);
            List<Long> seenSizes = watchSizes(direct, "drop/f.bin", () -> {
                try (LakeOutputStream out = faulty.openWrite("drop/f.bin", WriteCondition.ifNotExists())) {
                    out.write(data);
                    assertThat(direct.stat("drop/f.bin")).as("visible before commit").isEmpty();
                }
            });
            assertThat(proxy.cuts()).isEqualTo(1);
            assertThat(direct.readAll("drop/f.bin")).isEqualTo(data);
            assertThat(seenSizes).allMatch(size -> size == data.length);
        }
    }

    @Test
    void uploadThatKeepsFailingLeavesTheOldVersionAndNoPartialObject() throws Exception {
        try (TcpFaultProxy proxy = TcpFaultProxy.start("127.0.0.1", azurite.port())) {
            String container = TestStores.newContainer(azurite.connectionString(), "tcpfail");
            LakeStore faulty = blobStore(Azurite.connectionString(proxyEndpoint(proxy.port())), container, 2);
            LakeStore direct = blobStore(azurite.connectionString(), container, 0);
            direct.write("keep/v.bin", "v1".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
            direct.write("new/n.bin", "n".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
            direct.delete("new/n.bin");
            proxy.cutEveryConnectionAfter(BLOCK / 2);
            for (String path : List.of("keep/v.bin", "new/n.bin")) {
                LakeOutputStream out = faulty.openWrite(path, WriteCondition.none());
                assertThatThrownBy(() -> {
                    try (out) {
                        out.write(bytes(4 * BLOCK, 2));
                    }
                }).isInstanceOfAny(IOException.class, RuntimeException.class);
            }
            assertThat(proxy.cuts()).isGreaterThanOrEqualTo(2);
            assertThat(new String(direct.readAll("keep/v.bin"), StandardCharsets.UTF_8)).isEqualTo("v1");
            assertThat(direct.stat("new/n.bin")).isEmpty();
            assertThat(direct.list("new/")).isEmpty();
        }
    }

    @Test
    void serverBusyAnswersToBlocksAndCommitAreRetried() {
        try (HttpFaultProxy proxy = HttpFaultProxy.start("http://127.0.0.1:" + azurite.port())) {
            String container = TestStores.newContainer(azurite.connectionString(), "busy");
            LakeStore faulty = blobStore(Azurite.connectionString(proxy.endpoint("/" + Azurite.ACCOUNT_NAME)),
                    container, 4);
            byte[] data = bytes(3 * BLOCK + 7, 3);
            proxy.failNext(2, 503, "PUT", "comp=block&");
            faulty.write("busy/blocks.bin", data, WriteCondition.none());
            assertThat(proxy.injected()).isEqualTo(2);
            proxy.failNext(1, 503, "PUT", "comp=blocklist");
            String etag = faulty.write("busy/blocks.bin", data, WriteCondition.none());
            assertThat(proxy.injected()).isEqualTo(3);
            LakeStore direct = blobStore(azurite.connectionString(), container, 0);
            assertThat(direct.readAll("busy/blocks.bin")).isEqualTo(data);
            assertThat(direct.stat("busy/blocks.bin")).get().extracting(LakeObjectInfo::etag).isEqualTo(etag);
        }
    }

    @Test
    @DisplayName("gateway test: DataLake appends and rename answered 503 are retried")
    void dataLakeRetriesBusyAppendsAndRenameThroughTheGateway() {
        try (DfsGateway gateway = DfsGateway.start(azurite.connectionString());
                HttpFaultProxy proxy = HttpFaultProxy.start("http://127.0.0.1:" + gateway.port())) {
            String fileSystem = TestStores.newContainer(azurite.connectionString(), "dfsbusy");
            LakeStore faulty = DataLakeLakeStore.builder()
                    .connectionString(Azurite.connectionString(proxy.endpoint("/" + Azurite.ACCOUNT_NAME)))
                    .fileSystemName(fileSystem).blockSize(BLOCK).maxConcurrency(2)
                    .retryOptions(TestStores.fastRetries(4)).buildStore();
            byte[] data = bytes(3 * BLOCK, 4);
            proxy.failNext(2, 503, "PATCH", "action=append");
            faulty.write("d/f.bin", data, WriteCondition.ifNotExists());
            proxy.failNext(1, 503, "PUT", "mode=legacy");
            faulty.write("d/f.bin", data, WriteCondition.none());
            assertThat(proxy.injected()).isEqualTo(3);
            assertThat(blobStore(azurite.connectionString(), fileSystem, 0).readAll("d/f.bin")).isEqualTo(data);
        }
    }

    @Test
    @DisplayName("an interrupted write leaves the old version on both stores (DataLake through the gateway test)")
    void anInterruptedWriteThatIsClosedAnywayLeavesTheOldVersion() throws Exception {
        try (DfsGateway gateway = DfsGateway.start(azurite.connectionString())) {
            String container = TestStores.newContainer(azurite.connectionString(), "interrupt");
            LakeStore blob = blobStore(azurite.connectionString(), container, 0);
            LakeStore dataLake = DataLakeLakeStore.builder().connectionString(gateway.connectionString())
                    .fileSystemName(container).blockSize(BLOCK).maxConcurrency(2).buildStore();
            byte[] data = bytes(4 * BLOCK, 5);
            for (LakeStore store : List.of(blob, dataLake)) {
                String path = "int/" + store.getClass().getSimpleName() + ".bin";
                store.write(path, "v1".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
                LakeOutputStream out = store.openWrite(path, WriteCondition.none());
                out.write(data, 0, 2 * BLOCK + 10);
                Thread.currentThread().interrupt();
                try {
                    assertThatThrownBy(() -> out.write(data, 2 * BLOCK + 10, 2 * BLOCK - 10))
                            .isInstanceOf(InterruptedIOException.class);
                } finally {
                    assertThat(Thread.interrupted()).as("the caller handles the interrupt").isTrue();
                }
                assertThatThrownBy(out::close).isInstanceOf(IOException.class)
                        .hasMessageContaining("closing commits nothing");
                assertThat(new String(blob.readAll(path), StandardCharsets.UTF_8)).as(path).isEqualTo("v1");
            }
            assertThat(blob.list("int/")).extracting(LakeObjectInfo::path)
                    .containsExactlyInAnyOrder("int/BlobLakeStore.bin", "int/DataLakeLakeStore.bin");
            List<String> temporary = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                    .buildClient().getBlobContainerClient(container).listBlobs().stream().map(BlobItem::getName)
                    .filter(name -> name.startsWith(StoreSupport.TEMP_FOLDER + "/")).toList();
            assertThat(temporary).as("temporary files left by the DataLake store").isEmpty();
        }
    }

    private static LakeStore blobStore(String connectionString, String container, int retries) {
        return BlobLakeStore.builder().connectionString(connectionString).containerName(container)
                .blockSize(BLOCK).maxConcurrency(2).retryOptions(TestStores.fastRetries(Math.max(retries, 1)))
                .buildStore();
    }

    private static String proxyEndpoint(int port) {
        return "http://127.0.0.1:" + port + "/" + Azurite.ACCOUNT_NAME;
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Runs the upload while another thread keeps looking at the path; returns every size the watcher saw. */
    private static List<Long> watchSizes(LakeStore reader, String path, ThrowingRunnable upload) throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                Optional<LakeObjectInfo> info = reader.stat(path);
                info.ifPresent(i -> seen.add(i.size()));
            }
        });
        try {
            upload.run();
        } finally {
            done.set(true);
            watcher.join();
        }
        return seen;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
