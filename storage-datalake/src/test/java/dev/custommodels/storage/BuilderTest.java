package dev.custommodels.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.LakeStore;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Builders say everything that is missing, never echo a secret; the resolver opens and caches stores. */
class BuilderTest {
    private static final TokenCredential TOKEN = request -> Mono.just(new AccessToken("t", OffsetDateTime.MAX));

    @Test
    void emptyBuilderNamesEveryMissingPart() {
        assertThatThrownBy(() -> BlobLakeStore.builder().buildStore())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("containerName(String)")
                .hasMessageContaining("credential(TokenCredential)")
                .hasMessageContaining("connectionString(String)")
                .hasMessageContaining("endpoint(String)");
        assertThatThrownBy(() -> DataLakeLakeStore.builder().credential(TOKEN).buildStore())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fileSystemName(String)")
                .hasMessageContaining("endpoint(String)")
                .hasMessageNotContaining("a credential is missing");
    }

    @Test
    void twoCredentialsAreRefused() {
        assertThatThrownBy(() -> BlobLakeStore.builder().endpoint("https://acct.blob.core.windows.net")
                .containerName("c").credential(TOKEN).credential(new AzureSasCredential("sv=x&sig=y")).buildStore())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than one credential");
    }

    @Test
    void invalidConnectionStringIsNotEchoed() {
        String secret = "AccountName=acct;AccountKey=c2VjcmV0LWtleS12YWx1ZQ==;Nonsense";
        assertThatThrownBy(() -> BlobLakeStore.builder().connectionString(secret).containerName("c").buildStore())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connection string is not valid")
                .hasMessageNotContaining("c2VjcmV0LWtleS12YWx1ZQ==");
    }

    @Test
    void outOfRangeTuningIsRefused() {
        assertThatThrownBy(() -> BlobLakeStore.builder().blockSize(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataLakeLakeStore.builder().maxConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobLakeStore.builder().endpoint("https://acct.blob.core.windows.net")
                .credential(TOKEN).containerName("c").rootPath("a/../b").buildStore())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storeDescribesItselfWithoutSecrets() {
        LakeStore store = BlobLakeStore.builder().endpoint("https://acct.blob.core.windows.net")
                .credential(new AzureSasCredential("sv=2020&sig=c2VjcmV0")).containerName("lake").rootPath("/cm/")
                .buildStore();
        assertThat(store.describe()).isEqualTo("blob:https://acct.blob.core.windows.net/lake/cm");
        assertThat(store.toString()).doesNotContain("sig").doesNotContain("c2VjcmV0");
        assertThat(store.blobLocation("a/b.csv")).contains(new BlobLocation("acct",
                "https://acct.blob.core.windows.net", "lake", "cm/a/b.csv"));
    }

    @Test
    void datastoreResolverOpensOneStorePerContainerAndTenant() {
        DatastoreResolver resolver = DatastoreResolver.create(tenant -> "t1".equals(tenant) ? TOKEN : null);
        BlobLocation location = new BlobLocation("acct", "https://acct.blob.core.windows.net", "outputs", "x.csv");
        LakeStore store = resolver.apply(location, "t1");
        assertThat(store).isInstanceOf(BlobLakeStore.class).isSameAs(resolver.resolve(location, "t1"));
        assertThat(store.describe()).isEqualTo("blob:https://acct.blob.core.windows.net/outputs");
        assertThatThrownBy(() -> resolver.resolve(location, "t2"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tenant t2");
    }
}
