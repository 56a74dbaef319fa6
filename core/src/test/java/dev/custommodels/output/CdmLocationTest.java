package dev.custommodels.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdmLocationTest {
    @TempDir
    Path dir;

    @Test
    void partitionsOfAStoreWithBlobLocationsGetAbsoluteCdmLocations() throws Exception {
        LakeStore lake = new BlobBacked(new LocalLakeStore(dir));
        OutputEntityClient client = new OutputEntityClientBuilder().lakeStore(lake).buildClient();
        OutputFixtures.writeVersion(client, "Churn", "run-1", 10);
        JsonNode model = new ObjectMapper().readTree(lake.readAll("entities/Churn/model.json"));
        String location = model.path("entities").path(0).path("partitions").path(0).path("location").asText();
        assertThat(location).startsWith("https://acct.blob.core.windows.net/lake/root/entities/Churn/v/run-1/"
                + "part-00000-").endsWith(".csv");
        assertThat(client.query("Churn", "CustomerId eq 'c-1'").stream()).hasSize(1);
    }

    /** A local lake that says where each object would live in Blob storage. */
    private record BlobBacked(LakeStore inner) implements LakeStore {
        @Override
        public Optional<BlobLocation> blobLocation(String path) {
            return Optional.of(new BlobLocation("acct", "https://acct.blob.core.windows.net/", "lake",
                    "root/" + path));
        }

        @Override
        public InputStream openRead(String path) {
            return inner.openRead(path);
        }

        @Override
        public InputStream openRead(String path, long offset, long length) {
            return inner.openRead(path, offset, length);
        }

        @Override
        public Optional<LakeObjectInfo> stat(String path) {
            return inner.stat(path);
        }

        @Override
        public LakeOutputStream openWrite(String path, WriteCondition condition) {
            return inner.openWrite(path, condition);
        }

        @Override
        public Stream<LakeObjectInfo> list(String prefix) {
            return inner.list(prefix);
        }

        @Override
        public boolean delete(String path, WriteCondition condition) {
            return inner.delete(path, condition);
        }

        @Override
        public String describe() {
            return "blob-backed";
        }
    }
}
