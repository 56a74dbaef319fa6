package dev.custommodels.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import dev.custommodels.CustomModelsClient;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.fakes.GeneratedCustomers;
import dev.custommodels.models.DataTransfer;
import dev.custommodels.models.PhaseTiming;
import dev.custommodels.models.RunConflictException;
import dev.custommodels.models.RunFailedException;
import dev.custommodels.models.RunOptions;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunProgress;
import dev.custommodels.models.RunRecord;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.RunStatus;
import dev.custommodels.models.RunTrigger;
import dev.custommodels.models.Workflow;
import dev.custommodels.output.OutputEntityVersion;
import dev.custommodels.output.OutputRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLifecycleTest {
    @TempDir
    Path root;

    private RunBed bed;
    private Workflow workflow;

    @BeforeEach
    void setUp() {
        bed = new RunBed(root, EntityCatalog.of(new GeneratedCustomers(1000, 0)));
        workflow = bed.churnWorkflow();
    }

    @Test
    void runScoresEveryRowAndCommitsOneVersionWithLineage() throws Exception {
        RunResult result = bed.client.beginRun(workflow.id(), new RunOptions().setExportChunkRows(300))
                .getFinalResult();

        assertThat(result.counts().exportedRows()).isEqualTo(1000);
        assertThat(result.counts().rejectedRows()).isZero();
        assertThat(result.counts().resultRows()).isEqualTo(1000);
        assertThat(result.counts().committedRows()).isEqualTo(1000);
        assertThat(result.outputEntity()).isEqualTo("ChurnScores");
        assertThat(result.outputGeneration()).isEqualTo(1);
        assertThat(result.relation().matchedIds()).isEqualTo(1000);
        assertThat(result.relation().matchRate()).isEqualTo(1.0);
        assertThat(result.relation().unknownIds()).isZero();
        assertThat(result.relation().duplicateIds()).isZero();
        assertThat(result.relation().unscoredKeys()).isZero();
        assertThat(result.relation().entity()).isEqualTo("Customer");
        assertThat(result.relation().keyAttribute()).isEqualTo("CustomerId");
        assertThat(result.phases()).extracting(PhaseTiming::phase).containsExactly(RunPhase.EXPORT,
                RunPhase.SUBMIT, RunPhase.REMOTE, RunPhase.COLLECT, RunPhase.RELATE, RunPhase.COMMIT);
        assertThat(result.phases()).allSatisfy(p -> assertThat(p.completedAt()).isNotNull());

        OutputEntityVersion version = bed.outputs().getCurrentVersion("ChurnScores");
        assertThat(version.runId()).isEqualTo(result.runId());
        assertThat(version.rowCount()).isEqualTo(1000);
        assertThat(version.schema().attributeNames()).containsExactly("customerId", "churnScore", "RunId",
                "ScoredAt", "ModelReference");
        List<OutputRow> rows = bed.outputs().query("ChurnScores", "customerId eq 'c00000013'").stream().toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("churnScore")).isEqualTo(0.071429);
        assertThat(rows.get(0).get("RunId")).isEqualTo(result.runId());

        String folder = "runs/" + workflow.id() + "/" + result.runId() + "/";
        for (String f : List.of("run.json", "workflow.json", "inputs/input1/part-00000.csv",
                "inputs/input1/part-00003.csv", "inputs/input1/manifest.json", "outputs/scores-00000.csv")) {
            assertThat(bed.lakeDir.resolve(folder + f)).exists();
        }
        assertThat(bed.lakeDir.resolve(folder + "inputs/input1/part-00004.csv")).doesNotExist();
        assertThat(bed.lakeDir.resolve("runs/" + workflow.id() + "/lease.json")).doesNotExist();
        assertThat(Files.readAllLines(bed.lakeDir.resolve(folder + "inputs/input1/part-00000.csv")))
                .hasSize(301).startsWith("customerId,tenure,monthlyCharges", "c00000000,0,20.0");
    }

    @Test
    void runRecordListsWhatWasSentWhereAndTheRemoteJob() {
        RunResult result = bed.client.beginRun(workflow.id(), new RunOptions().setTrigger(RunTrigger.SCHEDULE))
                .getFinalResult();

        RunRecord record = bed.client.getRun(result.runId());
        assertThat(record.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(record.phase()).isEqualTo(RunPhase.DONE);
        assertThat(record.trigger()).isEqualTo(RunTrigger.SCHEDULE);
        assertThat(record.connector()).isEqualTo(RunBed.CONNECTOR);
        assertThat(record.remoteJobId()).startsWith("job-");
        assertThat(record.remoteStatus()).isEqualTo("Finished");
        assertThat(record.outputGeneration()).isEqualTo(1L);
        assertThat(record.errors()).isEmpty();
        assertThat(record.transfers()).hasSize(1);
        DataTransfer t = record.transfers().get(0);
        assertThat(t.model()).isEqualTo(workflow.model());
        assertThat(t.region()).isEqualTo("westeurope");
        assertThat(t.totalRows()).isEqualTo(1000);
        assertThat(t.inputs().get(0).entity()).isEqualTo("Customer");
        assertThat(t.inputs().get(0).attributes()).containsExactly("CustomerId", "TenureMonths", "Charges");
        assertThat(t.inputs().get(0).columns()).containsExactly("customerId", "tenure", "monthlyCharges");
        assertThat(bed.backend.submissions()).hasSize(1);
    }

    @Test
    void eachPollReportsThePhaseRowCountsAndRemoteStatus() {
        SyncPoller<RunProgress, RunResult> poller = bed.client.beginRun(workflow.id());
        List<RunPhase> phases = new ArrayList<>();
        Set<String> remote = new LinkedHashSet<>();
        PollResponse<RunProgress> r;
        do {
            r = poller.poll();
            phases.add(r.getValue().phase());
            if (r.getValue().remoteStatus() != null) {
                remote.add(r.getValue().remoteStatus());
            }
        } while (!r.getStatus().isComplete());

        assertThat(r.getStatus()).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        assertThat(phases.stream().distinct().toList()).containsExactly(RunPhase.EXPORT, RunPhase.SUBMIT,
                RunPhase.REMOTE, RunPhase.COLLECT, RunPhase.RELATE, RunPhase.COMMIT, RunPhase.DONE);
        assertThat(remote).containsExactly("Running", "Finished");
        assertThat(r.getValue().exportedRows()).isEqualTo(1000);
        assertThat(r.getValue().resultRows()).isEqualTo(1000);
        assertThat(poller.getFinalResult().runId()).isEqualTo(r.getValue().runId());
    }

    @Test
    void pollOfARunningJobHonoursItsRetryAfter() {
        bed.backend.retryAfter(Duration.ofSeconds(30)).pollsToFinish(3);
        SyncPoller<RunProgress, RunResult> poller = bed.client.beginRun(workflow.id());
        PollResponse<RunProgress> r = poller.poll();
        while (r.getValue().phase() != RunPhase.REMOTE || r.getValue().remoteStatus() == null) {
            assertThat(r.getRetryAfter()).isLessThan(Duration.ofMillis(1));
            r = poller.poll();
        }
        assertThat(r.getValue().remoteStatus()).isEqualTo("Running");
        assertThat(r.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void failedRemoteJobCarriesRunConnectorAndTheServiceErrorAndFreesTheWorkflow() {
        bed.backend.failJobs("ModelError", "division by zero in module Score");
        SyncPoller<RunProgress, RunResult> poller = bed.client.beginRun(workflow.id());

        assertThat(poller.waitForCompletion().getStatus()).isEqualTo(LongRunningOperationStatus.FAILED);
        assertThatThrownBy(poller::getFinalResult).isInstanceOfSatisfying(RunFailedException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo("ModelError");
            assertThat(e.getDetail()).isEqualTo("division by zero in module Score");
            assertThat(e.getConnector()).isEqualTo(RunBed.CONNECTOR);
            assertThat(e.getPhase()).isEqualTo(RunPhase.REMOTE);
            assertThat(e.getRunId()).isNotBlank();
            assertThat(e.getMessage()).contains("ModelError").contains("division by zero").contains(e.getRunId());
        });
        RunRecord record = bed.client.listRuns(workflow.id()).stream().findFirst().orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.FAILED);
        assertThat(record.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("ModelError"));

        bed.backend.failJobs(null, null);
        assertThat(bed.client.beginRun(workflow.id()).getFinalResult().counts().committedRows()).isEqualTo(1000);
    }

    @Test
    void secondRunOfAWorkflowIsRefusedNamingTheActiveRunAlsoFromAnotherClient() {
        SyncPoller<RunProgress, RunResult> first = bed.client.beginRun(workflow.id());
        String active = first.poll().getValue().runId();
        CustomModelsClient otherProcess = bed.client(bed.clock, null);

        assertThatThrownBy(() -> bed.client.beginRun(workflow.id()))
                .isInstanceOfSatisfying(RunConflictException.class, e -> {
                    assertThat(e.getActiveRunId()).isEqualTo(active);
                    assertThat(e.getWorkflowId()).isEqualTo(workflow.id());
                })
                .hasMessageContaining(active);
        assertThatThrownBy(() -> otherProcess.beginRun(workflow.id())).isInstanceOf(RunConflictException.class)
                .hasMessageContaining(active);
        assertThatThrownBy(() -> otherProcess.resumeRun(active)).isInstanceOf(RunConflictException.class)
                .hasMessageContaining("still active in another process");

        first.getFinalResult();
        assertThat(otherProcess.beginRun(workflow.id()).getFinalResult().outputGeneration()).isEqualTo(2);
    }

    @Test
    void expiredLeaseIsTakenOverAndTheOldDriverStops() {
        SyncPoller<RunProgress, RunResult> abandoned = bed.client.beginRun(workflow.id(),
                new RunOptions().setLeaseDuration(Duration.ofMinutes(1)));
        String abandonedId = abandoned.poll().getValue().runId();
        bed.clock.advance(Duration.ofMinutes(2));

        RunResult taken = bed.client(bed.clock, null).beginRun(workflow.id()).getFinalResult();

        assertThat(taken.runId()).isNotEqualTo(abandonedId);
        assertThat(abandoned.poll().getStatus()).isEqualTo(LongRunningOperationStatus.FAILED);
        assertThatThrownBy(abandoned::getFinalResult).isInstanceOfSatisfying(RunFailedException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("LeaseLost"));
    }

    @Test
    void cancelOperationCancelsTheRemoteJobAndTheRun() {
        bed.backend.pollsToFinish(100);
        SyncPoller<RunProgress, RunResult> poller = bed.client.beginRun(workflow.id());
        while (poller.poll().getValue().phase() != RunPhase.REMOTE) {
            continue;
        }
        String runId = poller.poll().getValue().runId();

        poller.cancelOperation();

        RunRecord record = bed.client.getRun(runId);
        assertThat(record.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(record.errors()).extracting(e -> e.code()).containsExactly("Canceled");
        assertThat(bed.backend.submissions()).hasSize(1);
        String jobId = record.remoteJobId();
        assertThat(Files.exists(bed.stateDir.resolve("jobs/" + jobId + ".properties"))).isTrue();
        assertThat(readJob(jobId)).contains("state=CANCELED");
        assertThat(poller.poll().getStatus()).isEqualTo(LongRunningOperationStatus.USER_CANCELLED);
        assertThatThrownBy(poller::getFinalResult).isInstanceOfSatisfying(RunFailedException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("Canceled"));
        assertThat(bed.client.beginRun(workflow.id()).getFinalResult()).isNotNull();
    }

    @Test
    void runsAreListedNewestFirstAndReadById() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(bed.client.beginRun(workflow.id()).getFinalResult().runId());
            bed.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(bed.client.listRuns(workflow.id()).stream().map(RunRecord::runId).collect(Collectors.toList()))
                .containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(bed.client.getRun(ids.get(1)).outputGeneration()).isEqualTo(2L);
        assertThat(bed.outputs().listVersions("ChurnScores")).extracting(OutputEntityVersion::runId)
                .containsExactly(ids.get(2), ids.get(1), ids.get(0));
    }

    private String readJob(String jobId) {
        try {
            return Files.readString(bed.stateDir.resolve("jobs/" + jobId + ".properties"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
