package dev.custommodels.connectors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custommodels.connectors.pipeline.models.PipelineOutputException;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Fault;
import dev.custommodels.testkit.emulator.FaultPlan;
import dev.custommodels.testkit.emulator.RecordedRequest;
import dev.custommodels.testkit.emulator.pipeline.RunFault;
import dev.custommodels.testkit.emulator.pipeline.SubmittedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmlPipelineRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private PipelineTestBed bed;
    private Connector connector;

    @BeforeEach
    void setUp() throws Exception {
        bed = new PipelineTestBed(dir, false);
        connector = bed.connector();
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private JobRequest churnRequest(String runId, int rows) {
        return bed.request(connector, bed.model(bed.churnEndpoint), "input_data", runId, rows);
    }

    private List<String> pollAll(Connector c, JobHandle handle) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            JobStatus s = c.poll(handle);
            seen.add(s.remoteStatus());
            if (s.state().isTerminal()) {
                return seen;
            }
        }
        return seen;
    }

    private JsonNode submitBody() throws IOException {
        RecordedRequest submit = bed.emulator.requests().stream()
                .filter(r -> r.request().path().contains("PipelineEndpointSubmit")).findFirst().orElseThrow();
        return JSON.readTree(submit.request().body());
    }

    @Test
    void submitStagesTheInputAndSetsOutputAndInputAssignments() throws IOException {
        JobHandle handle = connector.submit(churnRequest("run-1", 10));
        JsonNode body = submitBody();
        String base = "custom-models/wf-1/run-1/";
        assertThat(body.path("ExperimentName").asText()).isEqualTo("custom-models-wf-1");
        assertThat(body.path("ParameterAssignments").path("output_datastore").asText()).isEqualTo("workspaceblobstore");
        assertThat(body.path("ParameterAssignments").path("output_path").asText()).isEqualTo(base + "output/");
        assertThat(body.path("DataPathAssignments").path("input_data").path("DataStoreName").asText())
                .isEqualTo("workspaceblobstore");
        assertThat(body.path("DataPathAssignments").path("input_data").path("RelativePath").asText())
                .isEqualTo(base + "inputs/input_data/");
        assertThat(body.path("Tags").path("customModelsRunId").asText()).isEqualTo("run-1");
        assertThat(bed.blob.stat(base + "inputs/input_data/part-00000.csv")).isPresent();
        assertThat(bed.blob.stat(base + "inputs/input_data/part-00001.csv")).isPresent();
        assertThat(handle.jobId()).isEqualTo(bed.pipelines.runs().get(0).runId());
        assertThat(handle.state()).containsEntry("outputPath", base + "output/")
                .containsEntry("customerIdColumn", "CustomerId");
    }

    @Test
    void pollWalksTheDocumentedStatesAndCollectScoresEveryRow() throws IOException {
        JobHandle handle = connector.submit(churnRequest("run-2", 7));
        assertThat(pollAll(connector, handle))
                .containsExactly("Queued", "Preparing", "Running", "Finalizing", "Completed");
        List<String> paths = connector.collect(handle, "runs/wf-1/run-2/outputs/");
        assertThat(paths).containsExactly("runs/wf-1/run-2/outputs/part-00000.csv");
        String csv = new String(bed.lake.readAll(paths.get(0)), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(8).first().isEqualTo("CustomerId,ChurnScore,Churn");
        assertThat(csv).contains("cust-0,").contains("cust-6,");
    }

    @Test
    void aDatasetParameterIsAssignedThroughDataSetDefinitionValueAssignments() throws IOException {
        JobRequest request = bed.request(connector, bed.model(bed.datasetEndpoint), "input_ds", "run-3", 4);
        JobHandle handle = connector.submit(request);
        JsonNode assignment = submitBody().path("DataSetDefinitionValueAssignments").path("input_ds");
        assertThat(assignment.path("LiteralValue").path("RelativePath").asText())
                .isEqualTo("custom-models/wf-1/run-3/inputs/input_ds/");
        assertThat(submitBody().has("DataPathAssignments")).isFalse();
        assertThat(pollAll(connector, handle)).last().isEqualTo("Completed");
        assertThat(connector.collect(handle, "out/")).hasSize(1);
    }

    @Test
    void aResumedRunPollsTheSameRemoteRunAndNeverSubmitsTwice() {
        JobRequest request = churnRequest("run-4", 20);
        JobHandle recorded = bed.connector().submit(request);
        Connector afterRestart = bed.connector();
        assertThat(afterRestart.findSubmitted(request)).hasValueSatisfying(h ->
                assertThat(h.jobId()).isEqualTo(recorded.jobId()));
        assertThat(pollAll(afterRestart, recorded)).last().isEqualTo("Completed");
        assertThat(afterRestart.collect(recorded, "runs/wf-1/run-4/outputs/")).isNotEmpty();
        assertThat(bed.submissions()).isEqualTo(1);
        assertThat(bed.pipelines.runs()).hasSize(1);
    }

    @Test
    void findSubmittedAdoptsARunWhoseHandleWasLostAndFindsNothingForANewRun() {
        bed.pipelines.nextRun(RunFault.STUCK_QUEUED);
        connector.submit(churnRequest("other-run", 3));
        JobRequest request = churnRequest("run-5", 5);
        JobHandle lost = connector.submit(request);
        JobHandle adopted = bed.connector().findSubmitted(request).orElseThrow();
        assertThat(adopted.jobId()).isEqualTo(lost.jobId());
        assertThat(adopted.state()).containsEntry("outputPath", lost.state().get("outputPath"));
        assertThat(bed.connector().findSubmitted(churnRequest("never-submitted", 2))).isEmpty();
        assertThat(bed.submissions()).isEqualTo(2);
        assertThat(pollAll(bed.connector(), adopted)).last().isEqualTo("Completed");
    }

    @Test
    void cancellingEndsTheRunCanceledAndCancellingAgainDoesNothing() {
        JobHandle handle = connector.submit(churnRequest("run-6", 5));
        connector.poll(handle);
        connector.cancel(handle);
        assertThat(pollAll(connector, handle)).containsExactly("Canceled");
        connector.cancel(handle);
        assertThat(bed.pipelines.run(handle.jobId()).map(SubmittedRun::status)).hasValue("Canceled");
        assertThat(bed.emulator.count("DELETE", ".*/PipelineRuns/.*/Execution")).isEqualTo(2);
    }

    @Test
    void aRunStuckInQueuedStaysQueuedUntilCancelled() {
        bed.pipelines.nextRun(RunFault.STUCK_QUEUED);
        JobHandle handle = connector.submit(churnRequest("run-7", 5));
        for (int i = 0; i < 20; i++) {
            assertThat(connector.poll(handle).state()).isEqualTo(JobState.QUEUED);
        }
        connector.cancel(handle);
        assertThat(connector.poll(handle).state()).isEqualTo(JobState.CANCELED);
    }

    @Test
    void aFailedRunSurfacesTheServicesErrorCodeAndMessage() {
        bed.pipelines.nextRun(RunFault.FAIL);
        JobHandle handle = connector.submit(churnRequest("run-8", 5));
        JobStatus status = null;
        for (int i = 0; i < 10 && (status == null || !status.state().isTerminal()); i++) {
            status = connector.poll(handle);
        }
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.remoteStatus()).isEqualTo("Failed");
        assertThat(status.errorCode()).isEqualTo("UserError");
        assertThat(status.errorMessage()).contains("batch_score").contains("injected failure");
    }

    @Test
    void anOutputThatIsMissingNamesTheDatastoreAndPath() {
        bed.pipelines.nextRun(RunFault.NO_OUTPUT);
        JobHandle handle = connector.submit(churnRequest("run-9", 5));
        assertThat(pollAll(connector, handle)).last().isEqualTo("Completed");
        assertThatThrownBy(() -> connector.collect(handle, "out/"))
                .isInstanceOfSatisfying(PipelineOutputException.class, e -> {
                    assertThat(e.getRunId()).isEqualTo(handle.jobId());
                    assertThat(e.getOutputLocation()).isEqualTo("workspaceblobstore:custom-models/wf-1/run-9/output/");
                    assertThat(e.getMessage()).contains("custom-models/wf-1/run-9/output/")
                            .contains("workspaceblobstore");
                });
    }

    @Test
    void anEmptyOutputNamesThePathAndTheColumnsFound() {
        bed.pipelines.nextRun(RunFault.EMPTY_OUTPUT);
        JobHandle handle = connector.submit(churnRequest("run-10", 5));
        pollAll(connector, handle);
        assertThatThrownBy(() -> connector.collect(handle, "out/"))
                .isInstanceOfSatisfying(PipelineOutputException.class, e -> {
                    assertThat(e.getColumnsFound()).containsExactly("CustomerId", "ChurnScore", "Churn");
                    assertThat(e.getMessage()).contains("no data rows").contains("custom-models/wf-1/run-10/output/")
                            .contains("[CustomerId, ChurnScore, Churn]");
                });
        assertThat(bed.lake.stat("out/part-00000.csv")).isEmpty();
    }

    @Test
    void anOutputWithoutTheCustomerIdColumnNamesTheColumnsFound() {
        JobRequest request = bed.request(connector, bed.model(bed.noIdsEndpoint), "input_data", "run-11", 5);
        JobHandle handle = connector.submit(request);
        pollAll(connector, handle);
        assertThatThrownBy(() -> connector.collect(handle, "out/"))
                .isInstanceOfSatisfying(PipelineOutputException.class, e -> {
                    assertThat(e.getColumnsFound()).containsExactly("Score");
                    assertThat(e.getMessage()).contains("no Customer ID column 'CustomerId'")
                            .contains("custom-models/wf-1/run-11/output/scores.csv").contains("[Score]");
                });
    }

    @Test
    void anUnknownParameterIsRejectedBeforeAnythingIsSubmitted() {
        JobRequest base = churnRequest("run-12", 2);
        JobRequest request = new JobRequest(base.runId(), base.workflowId(), base.model(), base.contract(),
                base.inputs(), Map.of("learning_rate", "0.1"), base.output(), base.workPrefix(),
                base.customerIdColumn());
        assertThatThrownBy(() -> connector.submit(request)).isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("learning_rate").hasMessageContaining("threshold");
        assertThat(bed.submissions()).isZero();
    }

    @Test
    void theEmulatorRejectsAnUnknownParameterWith400() throws Exception {
        String url = "http://x/pipelines/v1.0" + bed.workspace.id() + "/PipelineRuns/PipelineEndpointSubmit/Id/"
                + bed.churnEndpoint;
        var pipeline = new com.azure.core.http.HttpPipelineBuilder().httpClient(bed.emulator.httpClient()).build();
        var request = new com.azure.core.http.HttpRequest(com.azure.core.http.HttpMethod.POST, url)
                .setHeader(com.azure.core.http.HttpHeaderName.AUTHORIZATION, "Bearer "
                        + dev.custommodels.testkit.FakeTokenCredential.token("https://ml.azure.com", PipelineTestBed.HOME))
                .setBody("{\"ExperimentName\":\"e\",\"ParameterAssignments\":{\"nope\":\"1\"}}");
        try (var response = pipeline.sendSync(request, com.azure.core.util.Context.NONE)) {
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBodyAsBinaryData().toString()).contains("Unknown pipeline parameter 'nope'");
        }
    }

    @Test
    void throttlingAndUnavailabilityOnPollsAreRetried() {
        JobHandle handle = connector.submit(churnRequest("run-13", 3));
        Fault throttled = new Fault.Status(EmulatorResponse.error(429, "TooManyRequests", "Slow down.")
                .withHeader("Retry-After", "0"));
        bed.emulator.faults().on("GET", "/history/.*", FaultPlan.script(throttled, Fault.serviceUnavailable(),
                throttled));
        assertThat(pollAll(connector, handle)).last().isEqualTo("Completed");
        assertThat(bed.emulator.requests()).filteredOn(r -> r.fault() != null).hasSize(3);
    }

    @Test
    void aRunInAnotherTenantsWorkspaceStagesAndRunsWithThatTenantsCredential() {
        JobRequest request = bed.request(connector, bed.partnerModel(), "input_data", "run-14", 6);
        JobHandle handle = connector.submit(request);
        assertThat(pollAll(connector, handle)).last().isEqualTo("Completed");
        assertThat(connector.collect(handle, "partner-out/")).hasSize(1);
        assertThat(bed.partnerBlob.stat("custom-models/wf-1/run-14/inputs/input_data/part-00000.csv")).isPresent();
        assertThat(bed.blob.stat("custom-models/wf-1/run-14/inputs/input_data/part-00000.csv")).isEmpty();
        assertThat(bed.homeCredential.requestedScopes()).as("the home tenant is never asked for a token")
                .isEmpty();
    }

    @Test
    void aServiceThatRefusesTheArmAudienceIsRetriedWithTheMachineLearningAudience() {
        bed.pipelines.audiences(java.util.Set.of("https://ml.azure.com"));
        JobHandle handle = connector.submit(churnRequest("run-15", 3));
        assertThat(pollAll(connector, handle)).last().isEqualTo("Completed");
        assertThat(bed.homeCredential.requestedScopes()).contains("https://ml.azure.com/.default");
    }

    @Test
    void aRunNotYetVisibleInRunHistoryCountsAsQueuedOnlyShortlyAfterSubmission() {
        JobHandle real = connector.submit(churnRequest("run-16", 3));
        Map<String, String> state = new java.util.HashMap<>(real.state());
        JobHandle fresh = new JobHandle(real.connector(), "no-such-run", state);
        assertThat(connector.poll(fresh).state()).isEqualTo(JobState.QUEUED);
        state.put("submittedAt", java.time.Instant.now().minus(java.time.Duration.ofMinutes(10)).toString());
        JobHandle old = new JobHandle(real.connector(), "no-such-run", state);
        assertThatThrownBy(() -> connector.poll(old)).isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("no-such-run");
    }

    @Test
    void aSubmissionWhoseAnswerIsLostIsAdoptedNotSubmittedAgain() {
        bed.pipelines.nextRun(RunFault.LOSE_SUBMIT_RESPONSE);
        JobHandle handle = connector.submit(churnRequest("run-17", 4));
        assertThat(bed.submissions()).isEqualTo(1);
        assertThat(bed.pipelines.runs()).singleElement()
                .satisfies(r -> assertThat(r.runId()).isEqualTo(handle.jobId()));
        assertThat(pollAll(connector, handle)).last().isEqualTo("Completed");
    }

    @Test
    void aSubmissionRefusedWithoutCreatingARunIsTriedAgainOnce() {
        bed.emulator.faults().on("POST", ".*PipelineEndpointSubmit.*", FaultPlan.script(Fault.serviceUnavailable()));
        JobHandle handle = connector.submit(churnRequest("run-18", 4));
        assertThat(bed.submissions()).isEqualTo(2);
        assertThat(bed.pipelines.runs()).singleElement()
                .satisfies(r -> assertThat(r.runId()).isEqualTo(handle.jobId()));
    }

    @Test
    void aSubmissionTheServiceRejectsIsNotRetried() {
        bed.emulator.faults().on("POST", ".*PipelineEndpointSubmit.*", FaultPlan.always(new Fault.Status(
                EmulatorResponse.error(400, "UserError", "Quota exceeded for experiment."))));
        assertThatThrownBy(() -> connector.submit(churnRequest("run-19", 4)))
                .isInstanceOf(CustomModelsException.class).hasMessageContaining("Quota exceeded")
                .hasMessageContaining("run-19");
        assertThat(bed.submissions()).isEqualTo(1);
        assertThat(bed.pipelines.runs()).isEmpty();
    }
}
