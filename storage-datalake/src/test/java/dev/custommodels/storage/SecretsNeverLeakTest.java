package dev.custommodels.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import dev.custommodels.spi.LakeAccess;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.azurite.Azurite;
import dev.custommodels.testkit.azurite.AzuriteExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No account key, SAS, signed URL or connection string appears in a log line, an exception message or a
 * {@code toString()}. Logs are captured from System.err, where slf4j-simple (a test dependency, configured by
 * {@code simplelogger.properties}) writes azure-core's and this SDK's logs; HTTP logging is on at headers level so
 * that request URLs and headers are logged (azure-core redacts them).
 */
@ExtendWith(AzuriteExtension.class)
class SecretsNeverLeakTest {
    private static Azurite azurite;

    @BeforeAll
    static void azurite(Azurite running) {
        azurite = running;
    }

    @Test
    void wrongAccountKeyFailsWithoutShowingKeyOrConnectionString() {
        byte[] keyBytes = new byte[64];
        new Random(11).nextBytes(keyBytes);
        String wrongKey = Base64.getEncoder().encodeToString(keyBytes);
        String connectionString = azurite.connectionString().replace(Azurite.developmentAccountKey(), wrongKey);
        String container = TestStores.newContainer(azurite.connectionString(), "wrongkey");
        LakeStore store = loggedBlobStore(b -> b.connectionString(connectionString).containerName(container));

        String text = captureFailure(store, () -> store.write("s/x.txt", new byte[] {1}, WriteCondition.none()));

        assertThat(text).contains("403").contains("s/x.txt").contains("PUT");
        assertThat(text).doesNotContain(wrongKey).doesNotContain(connectionString)
                .doesNotContain(Azurite.developmentAccountKey());
    }

    @Test
    void readOnlySasWriteFailsWithoutShowingTheSignature() {
        String container = TestStores.newContainer(azurite.connectionString(), "sasleak");
        LakeStore keyed = BlobLakeStore.builder().connectionString(azurite.connectionString())
                .containerName(container).buildStore();
        String url = keyed.signedUrl("", LakeAccess.READ, Duration.ofMinutes(5)).orElseThrow();
        String token = url.substring(url.indexOf('?') + 1);
        String signature = signature(token);
        LakeStore viaCredential = loggedBlobStore(b -> b.endpoint(azurite.blobEndpoint()).containerName(container)
                .credential(new AzureSasCredential(token)));
        String sasConnectionString = "BlobEndpoint=" + azurite.blobEndpoint() + ";SharedAccessSignature=" + token;
        LakeStore viaConnectionString = loggedBlobStore(b -> b.connectionString(sasConnectionString)
                .containerName(container));

        for (LakeStore store : List.of(viaCredential, viaConnectionString)) {
            String text = captureFailure(store, () -> store.write("s/y.txt", new byte[] {2}, WriteCondition.none()))
                    + keyed + keyed.describe();
            assertThat(text).contains("403").contains("PUT");
            assertThat(text).doesNotContain(signature).doesNotContain(token).doesNotContain(url)
                    .doesNotContain(sasConnectionString);
            assertThat(store.signedUrl("s/", LakeAccess.READ, Duration.ofMinutes(1))).isEmpty();
        }
    }

    @Test
    void unreachableEndpointFailsWithoutShowingTheKey() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String connectionString = Azurite.connectionString("http://127.0.0.1:" + closedPort + "/"
                + Azurite.ACCOUNT_NAME);
        LakeStore store = loggedBlobStore(b -> b.connectionString(connectionString).containerName("nowhere"));

        String text = captureFailure(store, () -> store.write("u/z.txt", new byte[] {3}, WriteCondition.none()));

        assertThat(text).contains(Integer.toString(closedPort)).contains("Check the endpoint and the network");
        assertThat(text).doesNotContain(Azurite.developmentAccountKey()).doesNotContain(connectionString);
    }

    private static LakeStore loggedBlobStore(java.util.function.UnaryOperator<BlobLakeStoreBuilder> configure) {
        return configure.apply(BlobLakeStore.builder()).retryOptions(TestStores.fastRetries(1))
                .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.HEADERS)).buildStore();
    }

    private static String signature(String token) {
        for (String part : token.split("&")) {
            if (part.startsWith("sig=")) {
                return URLDecoder.decode(part.substring(4), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("The token has no signature.");
    }

    /** Runs a call that must fail; returns the captured logs, every message of the failure, and the store's texts. */
    private static String captureFailure(LakeStore store, Runnable call) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Throwable failure;
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            failure = catchThrowable(call::run);
        } finally {
            System.err.flush();
            System.setErr(original);
        }
        assertThat(failure).as("the call must fail").isNotNull();
        List<String> texts = new ArrayList<>();
        texts.add(captured.toString(StandardCharsets.UTF_8));
        texts.add(store.toString());
        texts.add(store.describe());
        collect(failure, texts, 0);
        assertThat(texts.get(0)).as("captured logs").isNotBlank();
        return String.join("\n", texts);
    }

    private static void collect(Throwable t, List<String> texts, int depth) {
        if (t == null || depth > 20) {
            return;
        }
        texts.add(t.toString());
        texts.add(String.valueOf(t.getMessage()));
        for (Throwable s : t.getSuppressed()) {
            collect(s, texts, depth + 1);
        }
        collect(t.getCause(), texts, depth + 1);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }
    }

}
