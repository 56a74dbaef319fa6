package dev.custommodels.connectors.studio;

import static dev.custommodels.connectors.studio.Collected.pollToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.testkit.emulator.Fault;
import dev.custommodels.testkit.emulator.FaultInjector;
import dev.custommodels.testkit.emulator.FaultPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BesJobTest {
    @TempDir
    Path dir;
    StudioTestbed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    private StudioTestbed bes(StudioTestbed.Builder b) throws Exception {
        bed = b.option(StudioClassicOptions.MODE, "bes").build();
        return bed;
    }

    @Test
    void stagesTheInputCreatesStartsPollsAndCollectsTheJob() throws Exception {
        bes(StudioTestbed.builder(dir));
        bed.studio.batchSteps(3);
        Connector c = bed.newConnector();
        JobRequest request = bed.stage(c, bed.churn, "run-1", 120, 2);
        JobHandle handle = c.submit(request);
        assertThat(bed.studio.batchJobStatus(handle.jobId())).contains("Running");
        assertThat(handle.state()).containsEntry("mode", "bes");
        assertThat(c.poll(handle).state()).isEqualTo(JobState.RUNNING);
        assertThat(c.poll(handle).state()).isEqualTo(JobState.RUNNING);
        JobStatus done = c.poll(handle);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.remoteStatus()).isEqualTo("Finished");
        List<String> parts = c.collect(handle, request.workPrefix() + "out/");
        Collected out = Collected.read(bed.lake, parts);
        out.assertScoresEveryStagedRowInOrder(120);
        assertThat(out.header()).containsExactly("Scored Labels", "Scored Probabilities", "CustomerId", "age",
                "income", "plan", "active");
        String staged;
        try (var files = bed.staging.list("custom-models/bes/wf-1/run-1/inputs/")) {
            List<LakeObjectInfo> list = files.toList();
            assertThat(list).hasSize(1);
            staged = new String(bed.staging.readAll(list.get(0).path()), StandardCharsets.UTF_8);
        }
        assertThat(staged).startsWith("age,income,plan,active\n").doesNotContain("CustomerId").doesNotContain("C0000");
        assertThat(bed.emulator.requests()).filteredOn(r -> r.request().path().startsWith("/blob/"))
                .extracting(r -> r.request().method() + " " + r.status())
                .containsExactly("GET 200", "PUT 201");
    }

    @Test
    void theJobIdIsInTheLakeBeforePollingSoResubmittingAdoptsIt() throws Exception {
        bes(StudioTestbed.builder(dir));
        Connector c = bed.newConnector();
        JobRequest request = bed.stage(c, bed.churn, "run-1", 10, 1);
        JobHandle handle = c.submit(request);
        Connector restarted = bed.newConnector();
        assertThat(restarted.findSubmitted(request)).contains(handle);
        assertThat(restarted.submit(request)).isEqualTo(handle);
        assertThat(bed.emulator.count("POST", ".*/jobs")).isEqualTo(1);
        assertThat(pollToEnd(restarted, handle).state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aJobLeftUnstartedIsStartedByThePoll() throws Exception {
        FaultInjector faults = new FaultInjector().on("POST", ".*/jobs/[^/]+/start",
                FaultPlan.script(Fault.serviceUnavailable()));
        bes(StudioTestbed.builder(dir).faults(faults).noPipelineRetries());
        Connector c = bed.newConnector();
        JobHandle handle = c.submit(bed.stage(c, bed.churn, "run-1", 10, 1));
        assertThat(bed.studio.batchJobStatus(handle.jobId())).contains("NotStarted");
        JobStatus first = c.poll(handle);
        assertThat(first.state()).isEqualTo(JobState.QUEUED);
        assertThat(first.remoteStatus()).isEqualTo("NotStarted");
        assertThat(pollToEnd(c, handle).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(bed.emulator.count("POST", ".*/jobs/[^/]+/start")).isEqualTo(2);
    }

    @Test
    void cancellingDeletesTheJobAndItEndsCancelled() throws Exception {
        bes(StudioTestbed.builder(dir));
        bed.studio.batchSteps(5);
        Connector c = bed.newConnector();
        JobRequest request = bed.stage(c, bed.churn, "run-1", 10, 1);
        JobHandle handle = c.submit(request);
        assertThat(c.poll(handle).state()).isEqualTo(JobState.RUNNING);
        c.cancel(handle);
        assertThat(bed.emulator.count("DELETE", ".*/jobs/" + handle.jobId())).isEqualTo(1);
        assertThat(c.poll(handle).state()).isEqualTo(JobState.CANCELED);
        assertThat(bed.studio.batchJobStatus(handle.jobId())).contains("Cancelled");
        assertThatThrownBy(() -> c.collect(handle, request.workPrefix() + "out/"))
                .isInstanceOf(CustomModelsException.class).hasMessageContaining("Cancelled");
    }

    @Test
    void aFailedJobReportsTheServicesDetails() throws Exception {
        bes(StudioTestbed.builder(dir));
        bed.studio.failNextBatchJob("ModuleExecutionError: Error 0085: R script failed.");
        Connector c = bed.newConnector();
        JobStatus status = pollToEnd(c, c.submit(bed.stage(c, bed.churn, "run-1", 10, 1)));
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorMessage()).isEqualTo("ModuleExecutionError: Error 0085: R script failed.");
    }

    @Test
    void theSignedUrlsAreCheckedByTheBlobEndpoint() throws Exception {
        bes(StudioTestbed.builder(dir));
        String url = bed.staging.signedUrl("a/b.csv", dev.custommodels.spi.LakeAccess.READ,
                java.time.Duration.ofMinutes(5)).orElseThrow();
        bed.staging.write("a/b.csv", "x\n1\n".getBytes(StandardCharsets.UTF_8),
                dev.custommodels.spi.WriteCondition.none());
        var pipeline = new com.azure.core.http.HttpPipelineBuilder().httpClient(bed.emulator.httpClient()).build();
        assertThat(status(pipeline, url)).isEqualTo(200);
        assertThat(status(pipeline, url.replace("a/b.csv", "a/c.csv"))).isEqualTo(403);
        assertThat(status(pipeline, url.replaceAll("sig=[^&]+", "sig=forged"))).isEqualTo(403);
        assertThat(status(pipeline, url.replace("sp=r", "sp=w"))).isEqualTo(403);
    }

    private static int status(com.azure.core.http.HttpPipeline pipeline, String url) {
        try (var r = pipeline.sendSync(new com.azure.core.http.HttpRequest(com.azure.core.http.HttpMethod.GET, url),
                com.azure.core.util.Context.NONE)) {
            return r.getStatusCode();
        }
    }

    @Test
    void withoutAStagingContainerALakeThatCanSignStagesTheJob() throws Exception {
        bes(StudioTestbed.builder(dir).signingLake().option(StudioClassicOptions.BES_STAGING_ACCOUNT, " "));
        Connector c = bed.newConnector();
        JobRequest request = bed.stage(c, bed.churn, "run-1", 25, 1);
        JobHandle handle = c.submit(request);
        assertThat(pollToEnd(c, handle).state()).isEqualTo(JobState.SUCCEEDED);
        Collected.read(bed.lake, c.collect(handle, request.workPrefix() + "out/")).assertScoresEveryStagedRowInOrder(25);
        assertThat(bed.lake.stat(request.workPrefix() + "studio-classic/bes/inputs/input1.csv")).isPresent();
    }

    @Test
    void withNowhereToStageBesIsRefusedSayingWhatToConfigure() throws Exception {
        bes(StudioTestbed.builder(dir).option(StudioClassicOptions.BES_STAGING_ACCOUNT, " "));
        Connector c = bed.newConnector();
        JobRequest request = bed.stage(c, bed.churn, "run-1", 5, 1);
        assertThatThrownBy(() -> c.submit(request)).isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("studio-classic.bes.stagingAccount");
    }

    @Test
    void autoModeChoosesBesForLargeInputsWhereTheEndpointOffersIt() throws Exception {
        bed = StudioTestbed.builder(dir).signingLake().option(StudioClassicOptions.BES_MIN_ROWS, "20").build();
        Connector c = bed.newConnector();
        assertThat(c.submit(bed.stage(c, bed.churn, "run-big", 30, 1)).state()).containsEntry("mode", "bes");
        assertThat(c.submit(bed.stage(c, bed.churn, "run-small", 10, 1)).state()).containsEntry("mode", "rrs");
        assertThat(c.submit(bed.stage(c, bed.upsell, "run-rrs-only", 30, 1)).state()).containsEntry("mode", "rrs");
    }
}
