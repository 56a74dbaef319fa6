package dev.custommodels.connectors.studio;

import static dev.custommodels.connectors.studio.Collected.pollToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.KeyCredential;
import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.TestConnectorContext;
import dev.custommodels.testkit.emulator.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys, workspace tokens and signed-URL signatures never reach a job handle, a file the connector writes, the
 * log or an exception message. Runs RRS and BES jobs, and failures, then searches everything they left.
 */
class SecretsTest {
    @TempDir
    Path dir;
    StudioTestbed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void noSecretReachesAHandleALakeFileTheLogOrAnExceptionMessage() throws Exception {
        bed = StudioTestbed.builder(dir).signingLake().build();
        assertThat(System.getProperty("AZURE_LOG_LEVEL")).as("the module's tests log everything").isEqualTo("verbose");
        int logStart = CapturedOutput.text().length();
        List<String> seen = new ArrayList<>();
        Connector rrs = new StudioClassicConnectorProvider().create(bed.context(java.util.Map.of(
                StudioClassicOptions.MODE, "rrs")));
        Connector bes = new StudioClassicConnectorProvider().create(bed.context(java.util.Map.of(
                StudioClassicOptions.MODE, "bes")));
        for (Connector c : List.of(rrs, bes)) {
            c.listServices(StudioTestbed.TENANT, "*").stream().forEach(s -> seen.add(String.valueOf(s)));
            JobRequest request = bed.stage(c, bed.churn, "run-" + seen.size(), 40, 1);
            JobHandle handle = c.submit(request);
            seen.add(handle.toString());
            JobStatus status = pollToEnd(c, handle);
            seen.add(status.toString());
            c.collect(handle, request.workPrefix() + "out/");
            c.cancel(handle);
        }
        bed.studio.failNextScoring("LibraryExecutionError", "boom");
        JobStatus failed = pollToEnd(rrs, rrs.submit(bed.stage(rrs, bed.churn, "run-fail", 5, 1)));
        seen.add(failed.toString());
        Connector wrongKey = new StudioClassicConnectorProvider().create(TestConnectorContext.builder()
                .httpClient(bed.emulator.httpClient()).lake(bed.lake)
                .credential("*", new FakeTokenCredential(StudioTestbed.TENANT)).option(StudioClassicOptions.MODE, "rrs")
                .apiKeys(m -> Optional.of(new KeyCredential(bed.churn.secondaryKey() + "-rotated"))).build());
        seen.add(pollToEnd(wrongKey, wrongKey.submit(bed.stage(wrongKey, bed.churn, "run-401", 5, 1))).toString());
        for (ModelReference bad : List.of(new ModelReference("studio-classic", StudioTestbed.TENANT,
                bed.churnWs.armId(), "missing", null), bed.model(bed.exotic), bed.model(bed.broken))) {
            try {
                rrs.describeService(bad);
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    seen.add(String.valueOf(t.getMessage()));
                }
            }
        }
        seen.add(CapturedOutput.text().substring(logStart));
        seen.addAll(files(bed.lake));
        seen.addAll(files(bed.staging));

        List<String> secrets = new ArrayList<>(bed.secrets());
        secrets.add(bed.churn.secondaryKey() + "-rotated");
        for (RecordedRequest r : bed.emulator.requests()) {
            r.request().queryParam("sig").ifPresent(secrets::add);
        }
        assertThat(secrets).as("signatures were minted").anyMatch(s -> s.length() == 43);
        String everything = String.join("\n", seen);
        assertThat(everything).contains("run-fail").contains("ScoreRequestUnauthorized").contains("RRS job of 40 rows");
        for (String secret : secrets) {
            assertThat(everything).as("a secret leaked").doesNotContain(secret);
        }
        assertThat(everything).doesNotContain("sig=");
    }

    private static List<String> files(LakeStore store) {
        List<String> contents = new ArrayList<>();
        try (var all = store.list("")) {
            for (LakeObjectInfo f : all.toList()) {
                contents.add(f.path() + "\n" + new String(store.readAll(f.path()), StandardCharsets.UTF_8));
            }
        }
        return contents;
    }
}
