package dev.custommodels.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import dev.custommodels.spi.LakeAccess;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.azurite.Azurite;
import dev.custommodels.testkit.azurite.AzuriteExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signed URLs for connectors: scoped, read-only or write-only, short-lived; used for real against Azurite. */
@ExtendWith(AzuriteExtension.class)
class SignedUrlTest {
    private static Azurite azurite;
    private LakeStore store;
    private String container;

    @BeforeAll
    static void azurite(Azurite running) {
        azurite = running;
    }

    @BeforeEach
    void store() {
        container = TestStores.newContainer(azurite.connectionString(), "sas");
        store = BlobLakeStore.builder().connectionString(azurite.connectionString()).containerName(container)
                .buildStore();
        store.write("in/a.csv", "a,b\n".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
    }

    @Test
    void readUrlForOneObjectReadsItAndCannotWrite() {
        String url = store.signedUrl("in/a.csv", LakeAccess.READ, Duration.ofMinutes(10)).orElseThrow();
        assertThat(query(url)).containsEntry("sr", "b").containsEntry("sp", "r");
        BlobClient blob = new BlobClientBuilder().endpoint(url).buildClient();
        assertThat(blob.downloadContent().toString()).isEqualTo("a,b\n");
        assertThatThrownBy(() -> blob.upload(BinaryData.fromString("x"), true))
                .isInstanceOf(BlobStorageException.class)
                .satisfies(e -> assertThat(((BlobStorageException) e).getStatusCode()).isEqualTo(403));
    }

    @Test
    void readUrlForAFolderListsAndReadsButCannotWrite() {
        String url = store.signedUrl("in/", LakeAccess.READ, Duration.ofMinutes(10)).orElseThrow();
        assertThat(query(url)).containsEntry("sr", "c").containsEntry("sp", "rl");
        BlobContainerClient client = new BlobContainerClientBuilder().endpoint(url).buildClient();
        assertThat(client.listBlobs().stream().map(BlobItem::getName)).containsExactly("in/a.csv");
        assertThatThrownBy(() -> client.getBlobClient("in/b.csv").upload(BinaryData.fromString("x")))
                .isInstanceOf(BlobStorageException.class);
    }

    @Test
    void writeUrlCreatesObjectsButCannotRead() {
        String url = store.signedUrl("out/", LakeAccess.WRITE, Duration.ofMinutes(10)).orElseThrow();
        assertThat(query(url)).containsEntry("sp", "cw");
        BlobContainerClient client = new BlobContainerClientBuilder().endpoint(url).buildClient();
        client.getBlobClient("out/result.csv").upload(BinaryData.fromString("id,score\n"));
        assertThat(new String(store.readAll("out/result.csv"), StandardCharsets.UTF_8)).isEqualTo("id,score\n");
        assertThatThrownBy(() -> client.getBlobClient("in/a.csv").downloadContent())
                .isInstanceOf(BlobStorageException.class);
    }

    @Test
    void expiryIsTheClockPlusTheValidityAndLongValiditiesAreRefused() {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        LakeStore fixed = BlobLakeStore.builder().connectionString(azurite.connectionString())
                .containerName(container).clock(Clock.fixed(now, ZoneOffset.UTC)).buildStore();
        String url = fixed.signedUrl("in/a.csv", LakeAccess.READ, Duration.ofMinutes(30)).orElseThrow();
        assertThat(query(url)).containsEntry("se", "2026-06-01T10:30:00Z");
        assertThatThrownBy(() -> fixed.signedUrl("in/", LakeAccess.READ, Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seven days");
        assertThatThrownBy(() -> fixed.signedUrl("in/", LakeAccess.READ, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataLakeStoreScopesAFolderWithADirectorySasOnTheBlobEndpoint() {
        LakeStore lake = DataLakeLakeStore.builder().connectionString(azurite.connectionString())
                .fileSystemName(container).rootPath("tenant").buildStore();
        String folder = lake.signedUrl("runs/r1/", LakeAccess.READ, Duration.ofMinutes(5)).orElseThrow();
        assertThat(folder).startsWith(azurite.blobEndpoint() + "/" + container + "/tenant/runs/r1?");
        assertThat(query(folder)).containsEntry("sr", "d").containsEntry("sdd", "3").containsEntry("sp", "rl");
        String file = lake.signedUrl("runs/r1/out.csv", LakeAccess.WRITE, Duration.ofMinutes(5)).orElseThrow();
        assertThat(query(file)).containsEntry("sr", "b").containsEntry("sp", "cw");
        assertThat(lake.blobLocation("runs/r1/out.csv")).get()
                .satisfies(l -> assertThat(l.blobName()).isEqualTo("tenant/runs/r1/out.csv"))
                .satisfies(l -> assertThat(l.endpoint()).isEqualTo(azurite.blobEndpoint()));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        for (String part : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = part.indexOf('=');
            params.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
