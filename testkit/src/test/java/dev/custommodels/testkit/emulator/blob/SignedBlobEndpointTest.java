package dev.custommodels.testkit.emulator.blob;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.spi.LakeAccess;
import dev.custommodels.testkit.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedBlobEndpointTest {
    @TempDir
    Path dir;

    /** A clock tests move by hand. */
    static final class ManualClock extends Clock {
        volatile Instant now = Instant.parse("2024-06-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static int send(HttpPipeline http, HttpMethod method, String url, String body) {
        HttpRequest r = new HttpRequest(method, url);
        if (body != null) {
            r.setHeader(HttpHeaderName.fromString("x-ms-blob-type"), "BlockBlob");
            r.setBody(body);
        }
        try (HttpResponse response = http.sendSync(r, Context.NONE)) {
            return response.getStatusCode();
        }
    }

    @Test
    void signaturesAllowOnlyTheirPrefixTheirPermissionAndUntilTheyExpire() {
        ManualClock clock = new ManualClock();
        SignedBlobEndpoint blobs = new SignedBlobEndpoint(clock);
        SignedUrlLakeStore store = blobs.container("acct", "c1", new LocalLakeStore(dir));
        try (Emulator emulator = Emulator.builder().service(blobs).build()) {
            HttpPipeline http = new HttpPipelineBuilder().httpClient(emulator.httpClient()).build();
            String write = store.signedUrl("out/", LakeAccess.WRITE, Duration.ofMinutes(10)).orElseThrow();
            String blob = write.replace("/out/?", "/out/r.csv?");
            assertThat(send(http, HttpMethod.PUT, write, "x")).as("a folder is no blob").isEqualTo(400);
            assertThat(send(http, HttpMethod.PUT, blob, "a,b\n")).isEqualTo(201);
            assertThat(new String(store.readAll("out/r.csv"), StandardCharsets.UTF_8)).isEqualTo("a,b\n");
            assertThat(send(http, HttpMethod.GET, blob, null)).as("write does not allow read").isEqualTo(403);
            assertThat(send(http, HttpMethod.PUT, write.replace("/out/?", "/other.csv?"), "x"))
                    .as("outside the prefix").isEqualTo(403);
            String read = store.signedUrl("out/r.csv", LakeAccess.READ, Duration.ofMinutes(1)).orElseThrow();
            assertThat(send(http, HttpMethod.GET, read, null)).isEqualTo(200);
            assertThat(send(http, HttpMethod.GET, read.replace("/c1/", "/c2/"), null)).isEqualTo(404);
            clock.now = clock.now.plus(Duration.ofMinutes(2));
            assertThat(send(http, HttpMethod.GET, read, null)).as("expired").isEqualTo(403);
            assertThat(store.blobLocation("out/r.csv")).hasValueSatisfying(l -> {
                assertThat(l.endpoint()).isEqualTo(Emulator.IN_PROCESS_BASE_URL + "/blob/acct");
                assertThat(l.container()).isEqualTo("c1");
            });
            assertThat(store.describe()).startsWith("signed-blob:acct/c1").doesNotContain("sig=");
        }
    }
}
