package dev.custommodels.connectors.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.emulator.RecordedRequest;
import dev.custommodels.testkit.emulator.batch.BatchEndpointEmulator;
import dev.custommodels.testkit.emulator.batch.BatchScorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunTest {
    private static final String RUN_FOLDER = "custom-models/runs/" + BatchTestbed.WORKFLOW + "/";

    @TempDir
    Path dir;

    private BatchTestbed bed;

    @BeforeEach
    void setUp() {
        bed = new BatchTestbed(dir);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    static JobStatus pollToEnd(Connector connector, JobHandle handle) {
        for (int i = 0; i < 100; i++) {
            JobStatus s = connector.poll(handle);
            if (s.state().isTerminal()) {
                return s;
            }
        }
        throw new AssertionError("job did not end");
    }

    private JsonNode lastInvokeBody() throws IOException {
        List<RecordedRequest> invokes = bed.emulator.requests().stream()
                .filter(r -> BatchEndpointEmulator.isInvoke(r.request())).toList();
        return new ObjectMapper().readTree(invokes.get(invokes.size() - 1).request().body()).path("properties");
    }

    @Test
    void modelRunStagesIntoANewFlatFolderAndJoinsPredictionsOntoTheInputRows() throws IOException {
        bed.xgb.miniBatchSize(1); // three mini-batches, appended in reverse order
        Connector connector = bed.connector();
        JobRequest request = bed.stage("run-1", 250, bed.model("churn-batch", null), "input_data");
        JobHandle handle = connector.submit(request);

        assertThat(bed.blob.list(RUN_FOLDER + "run-1/attempt-1/inputs/input_data/").map(LakeObjectInfo::path))
                .containsExactly(RUN_FOLDER + "run-1/attempt-1/inputs/input_data/part-00000.csv",
                        RUN_FOLDER + "run-1/attempt-1/inputs/input_data/part-00001.csv",
                        RUN_FOLDER + "run-1/attempt-1/inputs/input_data/part-00002.csv");
        JsonNode body = lastInvokeBody();
        assertThat(body.path("InputData").path("input_data").path("JobInputType").asText()).isEqualTo("UriFolder");
        assertThat(body.path("OutputData").path("score").path("Uri").asText()).isEqualTo(
                "azureml://datastores/workspaceblobstore/paths/" + RUN_FOLDER
                        + "run-1/attempt-1/outputs/score/predictions.csv");
        assertThat(body.path("tags").path(BatchEndpointOptions.RUN_ID_TAG).asText()).isEqualTo("run-1");
        assertThat(handle.jobId()).startsWith("batchjob-");
        assertThat(handle.state()).containsEntry("deployment", "xgb");

        assertThat(pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
        List<String> raw = bed.lines(bed.blob, RUN_FOLDER + "run-1/attempt-1/outputs/score/predictions.csv");
        assertThat(raw).hasSize(250);
        assertThat(raw.get(0)).as("no header, last mini-batch first").startsWith("0,").endsWith(",part-00002.csv");
        List<String> paths = connector.collect(handle, "runs/wf-churn/run-1/collected/");
        assertThat(paths).containsExactly("runs/wf-churn/run-1/collected/scored-part-00000.csv",
                "runs/wf-churn/run-1/collected/scored-part-00001.csv",
                "runs/wf-churn/run-1/collected/scored-part-00002.csv");
        List<String> first = bed.lines(bed.lake, paths.get(0));
        assertThat(first.get(0)).isEqualTo("CustomerId,tenure,monthlyCharges,contract,prediction");
        assertThat(first).hasSize(101);
        assertThat(first.get(1)).startsWith("c-00000,0,20.00,\"month-to-month, promo\",");
        BatchScorer scorer = BatchScorer.logisticOfNumbers();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("CustomerId", "c-00007");
        row.put("tenure", "7");
        row.put("monthlyCharges", "30.50");
        row.put("contract", "one year");
        assertThat(first.get(8)).isEqualTo("c-00007,7,30.50,one year," + scorer.score(row));
        assertThat(bed.lake.stat("runs/wf-churn/run-1/collected/" + BatchEndpointOptions.MISSING_ROWS_FILE)).isEmpty();
        assertThat(bed.lake.list("runs/wf-churn/run-1/collected/.join-work/")).isEmpty();
    }

    @Test
    void theOutputFileNameOptionNamesTheOutputFile() {
        Connector connector = bed.option(BatchEndpointOptions.OUTPUT_FILE_NAME, "churn-scores.csv").connector();
        JobHandle handle = connector.submit(bed.stage("run-2", 10, bed.model("churn-batch", "xgb"), "input_data"));
        assertThat(pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(bed.blob.stat(RUN_FOLDER + "run-2/attempt-1/outputs/score/churn-scores.csv")).isPresent();
        assertThat(connector.collect(handle, "out/")).hasSize(1);
    }

    @Test
    void pipelineRunPassesLiteralsAndCollectsTheOutputFolder() throws IOException {
        Connector connector = bed.connector();
        JobRequest request = bed.stage("run-3", 120, bed.model("churn-pipeline", null), "input_data",
                Map.of("score_mode", "overwrite", "threshold", "0.7"));
        JobHandle handle = connector.submit(request);
        JsonNode body = lastInvokeBody();
        assertThat(body.path("InputData").path("score_mode").path("JobInputType").asText()).isEqualTo("Literal");
        assertThat(body.path("InputData").path("threshold").path("Value").asText()).isEqualTo("0.7");
        assertThat(body.path("OutputData").path("scores").path("JobOutputType").asText()).isEqualTo("UriFolder");
        assertThat(handle.jobId()).startsWith("pipelinejob-");
        assertThat(pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
        List<String> paths = connector.collect(handle, "out/");
        assertThat(paths).containsExactly("out/scores.csv");
        List<String> lines = bed.lines(bed.lake, "out/scores.csv");
        assertThat(lines.get(0)).isEqualTo("CustomerId,tenure,monthlyCharges,contract,score");
        assertThat(lines).hasSize(121);
    }

    @Test
    void aParameterThePipelineDoesNotDeclareIsRefusedBeforeInvoking() {
        Connector connector = bed.connector();
        JobRequest request = bed.stage("run-4", 5, bed.model("churn-pipeline", null), "input_data",
                Map.of("treshold", "0.7"));
        assertThatThrownBy(() -> connector.submit(request)).isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("no parameter named 'treshold'").hasMessageContaining("threshold");
        assertThat(bed.batch.jobsCreated()).isZero();
    }

    @Test
    void aScoringScriptsOutputIsCopiedWithNumberedColumns() {
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-5", 30, bed.model("churn-batch", "xgb-script"),
                "input_data"));
        assertThat(pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
        List<String> paths = connector.collect(handle, "out/");
        List<String> lines = bed.lines(bed.lake, paths.get(0));
        assertThat(lines.get(0)).isEqualTo("column1,column2,column3,column4,column5");
        assertThat(lines).hasSize(31);
    }

    @Test
    void aFailedJobCarriesTheStepErrorFromRunHistory() {
        bed.batch.failNextJob("ScriptExecutionException was caused by StreamAccessException: AuthenticationException");
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-6", 5, bed.model("churn-batch", null), "input_data"));
        JobStatus status = pollToEnd(connector, handle);
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.remoteStatus()).isEqualTo("Failed");
        assertThat(status.errorCode()).isEqualTo("UserError");
        assertThat(status.errorMessage()).contains("Pipeline has some failed steps")
                .contains("step " + handle.jobId() + "_batchscoring")
                .contains("StreamAccessException: AuthenticationException");
        assertThat(bed.emulator.count("GET", "/history/v1\\.0/.*/runs/" + handle.jobId() + "/children")).isEqualTo(1);
        assertThatThrownBy(() -> connector.collect(handle, "out/")).isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("is Failed");
    }

    @Test
    void aJobPastTheJobTimeoutIsReportedFailedAndCancelled() {
        bed.batch.stickNextJob("Running");
        Connector connector = bed.option(BatchEndpointOptions.JOB_TIMEOUT, "PT2H").connector();
        JobHandle handle = connector.submit(bed.stage("run-7", 5, bed.model("churn-batch", null), "input_data"));
        for (int i = 0; i < 20; i++) {
            assertThat(connector.poll(handle).state().isTerminal()).isFalse();
        }
        assertThat(connector.poll(handle).remoteStatus()).isEqualTo("Running");
        bed.clock.advance(Duration.ofHours(2).plusSeconds(1));
        JobStatus status = connector.poll(handle);
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorCode()).isEqualTo("ClientTimeout");
        assertThat(status.errorMessage()).contains("PT2H").contains("amlBatchEndpoint.jobTimeout");
        assertThat(bed.emulator.count("POST", ".*/jobs/" + handle.jobId() + "/cancel")).isEqualTo(1);
        assertThat(bed.batch.job(handle.jobId()).orElseThrow().status()).isEqualTo("CancelRequested");
    }

    @Test
    void aJobThatStaysNotRespondingFailsAfterTheStuckTimeout() {
        bed.batch.stickNextJob("NotResponding");
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-8", 5, bed.model("churn-batch", null), "input_data"));
        JobStatus status = null;
        for (int i = 0; i < 6; i++) {
            status = connector.poll(handle);
        }
        assertThat(status.remoteStatus()).isEqualTo("NotResponding");
        assertThat(status.state()).isEqualTo(JobState.RUNNING);
        bed.clock.advance(Duration.ofMinutes(31));
        status = connector.poll(handle);
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorCode()).isEqualTo("JobStuck");
    }

    @Test
    void anOutputLocationThatExistsAlreadyIsNeverReused() {
        bed.blob.write(RUN_FOLDER + "run-9/attempt-1/outputs/score/predictions.csv",
                "0,0.5,part-00000.csv\n".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-9", 12, bed.model("churn-batch", null), "input_data"));
        assertThat(handle.state().get("outputUri")).contains("/run-9/attempt-2/outputs/score/predictions.csv");
        assertThat(pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(bed.lines(bed.lake, connector.collect(handle, "out/").get(0))).hasSize(13);
    }

    @Test
    void aJobArmDoesNotShowYetIsReportedQueued() {
        bed.batch.hideNextJobFromArm(2);
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-10", 5, bed.model("churn-batch", null), "input_data"));
        assertThat(connector.poll(handle)).satisfies(s -> {
            assertThat(s.state()).isEqualTo(JobState.QUEUED);
            assertThat(s.remoteStatus()).isEqualTo("NotFound");
        });
        assertThat(pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void findSubmittedAdoptsTheRunsJobFromANewProcess() {
        JobRequest request = bed.stage("run-11", 40, bed.model("churn-batch", null), "input_data");
        JobHandle original = bed.connector().submit(request);
        Connector resumed = bed.connector();
        JobHandle adopted = resumed.findSubmitted(request).orElseThrow();
        assertThat(adopted.jobId()).isEqualTo(original.jobId());
        assertThat(adopted.state()).containsEntry("outputUri", original.state().get("outputUri"))
                .containsEntry("inputUri", original.state().get("inputUri"));
        assertThat(pollToEnd(resumed, adopted).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(bed.lines(bed.lake, resumed.collect(adopted, "out/").get(0))).hasSize(41);
        JobRequest other = bed.stage("run-12", 5, bed.model("churn-batch", null), "input_data");
        assertThat(resumed.findSubmitted(other)).isEmpty();
        assertThat(bed.batch.jobsCreated()).isEqualTo(1);
    }

    @Test
    void findSubmittedWorksWhenTheServiceDropsInvokeTags() {
        bed.batch.honourInvokeTags(false);
        JobRequest request = bed.stage("run-13", 15, bed.model("churn-pipeline", null), "input_data");
        JobHandle original = bed.connector().submit(request);
        assertThat(bed.batch.job(original.jobId()).orElseThrow().tags())
                .doesNotContainKey(BatchEndpointOptions.RUN_ID_TAG);
        JobHandle adopted = bed.connector().findSubmitted(request).orElseThrow();
        assertThat(adopted.jobId()).isEqualTo(original.jobId());
        assertThat(adopted.state()).containsEntry("outputUri", original.state().get("outputUri"));
    }

    @Test
    void anIneligibleDeploymentIsRefusedWithItsReason() {
        Connector connector = bed.connector();
        assertThatThrownBy(() -> connector.submit(bed.stage("run-14", 5, bed.model("summary-batch", null),
                "input_data"))).isInstanceOf(CustomModelsException.class).hasMessageContaining("SummaryOnly");
        assertThatThrownBy(() -> connector.submit(bed.stage("run-15", 5, bed.model("churn-batch", "xgb-next"),
                "input_data"))).hasMessageContaining("not provisioned");
        assertThat(bed.emulator.count(r -> BatchEndpointEmulator.isInvoke(r))).isZero();
    }

    @Test
    void collectingARunningJobFailsSayingSo() {
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-16", 5, bed.model("churn-batch", null), "input_data"));
        assertThatThrownBy(() -> connector.collect(handle, "out/")).isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("only a Completed job can be collected");
    }
}
