package dev.custommodels.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.GeneratedCustomers;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.RelationReport;
import dev.custommodels.models.RunFailedException;
import dev.custommodels.models.RunOptions;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunProgress;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.RunStatus;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.Workflow;
import dev.custommodels.output.OutputEntityVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRelateCommitTest {
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
    void missingCustomerIdColumnFailsNamingTheFilesAndTheColumnsFound() {
        bed.backend.idColumn("cust_key");

        assertThatThrownBy(() -> bed.client.beginRun(workflow.id()).getFinalResult())
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("CustomerIdColumnMissing");
                    assertThat(e.getPhase()).isEqualTo(RunPhase.RELATE);
                })
                .hasMessageContaining("no column 'customerId'").hasMessageContaining("outputs/scores-00000.csv")
                .hasMessageContaining("columns found: [cust_key, churnScore]");
        assertThat(bed.lakeDir.resolve("entities/ChurnScores")).doesNotExist();
    }

    @Test
    void customerIdColumnIsFoundIgnoringCase() {
        bed.backend.idColumn("CUSTOMERID");
        RunResult r = bed.client.beginRun(workflow.id()).getFinalResult();
        assertThat(r.relation().customerIdColumn()).isEqualTo("CUSTOMERID");
        assertThat(r.relation().matchedIds()).isEqualTo(1000);
    }

    @Test
    void lowMatchRateFailsWithTheFiguresAndSamplesAndCommitsNothing() {
        bed.backend.unknownEvery(4);

        assertThatThrownBy(() -> bed.client.beginRun(workflow.id()).getFinalResult())
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("MatchRateTooLow"))
                .hasMessageContaining("only 750 of 1000 distinct result IDs in column 'customerId' (75.0%) match a"
                        + " Customer.CustomerId; 250 are unknown (such as ")
                .hasMessageContaining("'zz-c0000").hasMessageContaining("At least 90.0% must match");
        RelationReport rel = bed.client.listRuns(workflow.id()).stream().findFirst().orElseThrow().relation();
        assertThat(rel.unknownIds()).isEqualTo(250);
        assertThat(rel.unknownSamples()).hasSize(5).allMatch(s -> s.startsWith("zz-c"));
        assertThat(bed.lakeDir.resolve("entities/ChurnScores")).doesNotExist();

        RunResult r = bed.client.beginRun(workflow.id(), new RunOptions().setMinMatchRate(0.7)).getFinalResult();
        assertThat(r.relation().matchRate()).isEqualTo(0.75);
        assertThat(r.relation().unscoredKeys()).isEqualTo(250);
        assertThat(r.counts().committedRows()).isEqualTo(1000);
    }

    @Test
    void duplicateIdsAreCountedAndEveryResultRowIsCommitted() {
        bed.backend.duplicateEvery(10);
        RunResult r = bed.client.beginRun(workflow.id()).getFinalResult();
        assertThat(r.relation().resultRows()).isEqualTo(1100);
        assertThat(r.relation().distinctIds()).isEqualTo(1000);
        assertThat(r.relation().duplicateIds()).isEqualTo(100);
        assertThat(r.relation().duplicateRows()).isEqualTo(100);
        assertThat(r.relation().duplicateSamples()).hasSize(5);
        assertThat(r.counts().committedRows()).isEqualTo(1100);
    }

    @Test
    void undeclaredResultColumnsGetInferredTypes() {
        ServiceContract c = FakeBackend.churnContract();
        bed.backend.discovery().addService(FakeBackend.WORKSPACE, "churn2", "web service",
                new ServiceContract(c.inputs(), c.parameters(), List.of(new ModelOutput("output1", List.of()))));
        Workflow w = bed.client.createWorkflow(workflow.definition().withModel(new ModelReference(RunBed.CONNECTOR,
                FakeBackend.TENANT, FakeBackend.WORKSPACE, "churn2", null)).withOutput(OutputSettings.of("Churn2")));

        bed.client.beginRun(w.id()).getFinalResult();

        assertThat(bed.outputs().getCurrentVersion("Churn2").schema().attributes()).startsWith(
                Attribute.of("customerId", DataType.STRING), Attribute.of("churnScore", DataType.NUMBER));
    }

    @Test
    void resumingARunWhoseCommitSwappedTheManifestAdoptsThatVersion() throws Exception {
        RunResult first = bed.client.beginRun(workflow.id()).getFinalResult();
        rewriteRecord(first.runId(), doc -> {
            doc.put("status", "Running");
            doc.put("phase", "COMMIT");
            doc.putNull("outputGeneration");
        });
        bed.clock.advance(Duration.ofHours(1));

        RunResult resumed = bed.client.resumeRun(first.runId()).getFinalResult();

        assertThat(resumed.outputGeneration()).isEqualTo(1);
        assertThat(resumed.counts().committedRows()).isEqualTo(1000);
        assertThat(bed.outputs().listVersions("ChurnScores")).hasSize(1);
        assertThat(bed.outputs().query("ChurnScores", (String) null).stream()).hasSize(1000);
        assertThat(bed.client.getRun(first.runId()).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void anInterruptedCommitDoesNotReplaceANewerRunsVersion() throws Exception {
        SyncPoller<RunProgress, RunResult> older = bed.client.beginRun(workflow.id(),
                new RunOptions().setLeaseDuration(Duration.ofMinutes(1)));
        String olderId = older.poll().getValue().runId();
        while (older.poll().getValue().phase() != RunPhase.COMMIT) {
            continue;
        }
        rewriteRecord(olderId, doc -> ((ObjectNode) doc.get("checkpoint")).put("commitStarted", true));
        bed.clock.advance(Duration.ofMinutes(5));
        RunResult newer = bed.client(bed.clock, null).beginRun(workflow.id()).getFinalResult();
        bed.clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> bed.client.resumeRun(olderId).getFinalResult())
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("Superseded"))
                .hasMessageContaining(newer.runId());
        OutputEntityVersion current = bed.outputs().getCurrentVersion("ChurnScores");
        assertThat(current.runId()).isEqualTo(newer.runId());
    }

    private void rewriteRecord(String runId, Consumer<ObjectNode> change) throws Exception {
        Path file = bed.lakeDir.resolve("runs/" + workflow.id() + "/" + runId + "/run.json");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = (ObjectNode) mapper.readTree(Files.readAllBytes(file));
        change.accept(doc);
        Files.write(file, mapper.writeValueAsBytes(doc));
    }
}
