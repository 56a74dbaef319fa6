package dev.custommodels.testkit.azurite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher starts a real Azurite on a free port and stops it, and its children, by process id. */
class AzuriteLauncherTest {

    @Test
    void startsOnAFreeLoopbackPortAndStopsTheProcessTree() throws IOException {
        Azurite azurite = AzuriteLauncher.create().start();
        ProcessHandle handle;
        try {
            handle = ProcessHandle.of(azurite.pid()).orElseThrow();
            assertThat(azurite.port()).isPositive().isNotEqualTo(10000);
            assertThat(azurite.blobEndpoint()).isEqualTo("http://127.0.0.1:" + azurite.port() + "/devstoreaccount1");
            HttpURLConnection c = (HttpURLConnection) URI.create(azurite.blobEndpoint() + "?comp=list").toURL()
                    .openConnection();
            assertThat(c.getResponseCode()).as("Azurite answers (unauthenticated: 403)").isEqualTo(403);
            assertThat(azurite.toString()).doesNotContain(Azurite.developmentAccountKey());
        } finally {
            azurite.close();
        }
        assertThat(azurite.isAlive()).isFalse();
        assertThat(handle.isAlive()).isFalse();
        azurite.close(); // idempotent
    }

    @Test
    void missingInstallationSaysHowToInstall(@TempDir Path empty) {
        assertThatThrownBy(() -> AzuriteLauncher.create().directory(empty).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("npm ci")
                .hasMessageContaining("node install.js");
    }
}
