package dev.custommodels.connectors.studio;

import static dev.custommodels.connectors.studio.Collected.pollToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.KeyCredential;
import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.testkit.emulator.studio.StudioColumn;
import dev.custommodels.testkit.emulator.studio.StudioServiceSpec;
import dev.custommodels.testkit.emulator.studio.StudioWebService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RrsScoringTest {
    private static final String EXECUTE = ".*/execute";

    @TempDir
    Path dir;
    StudioTestbed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    private StudioTestbed bed(StudioTestbed.Builder b) throws Exception {
        bed = b.option(StudioClassicOptions.MODE, "rrs").build();
        return bed;
    }

    private Collected run(Connector c, JobRequest request) {
        JobHandle handle = c.submit(request);
        JobStatus status = pollToEnd(c, handle);
        assertThat(status.state()).as("%s", status).isEqualTo(JobState.SUCCEEDED);
        return Collected.read(bed.lake, c.collect(handle, request.workPrefix() + "out/"));
    }

    @Test
    void scoresInChunksAndKeepsEachResultRowWithItsInputRow() throws Exception {
        bed(StudioTestbed.builder(dir).option(StudioClassicOptions.RRS_CHUNK_SIZE, "7"));
        Connector c = bed.newConnector();
        Collected out = run(c, bed.stage(c, bed.churn, "run-1", 100, 3));
        out.assertScoresEveryStagedRowInOrder(100);
        assertThat(out.header()).containsExactly("Scored Labels", "Scored Probabilities", "CustomerId", "age",
                "income", "plan", "active");
        assertThat(bed.emulator.count("POST", EXECUTE)).isEqualTo(3 * 5); // 34 rows per file → 5 chunks of ≤ 7
        assertThat(bed.emulator.requests()).filteredOn(r -> r.request().path().endsWith("/execute"))
                .allSatisfy(r -> {
                    assertThat(r.request().queryParam("details")).contains("true");
                    assertThat(r.request().bodyText()).contains("\"ColumnNames\":[\"age\",\"income\",\"plan\","
                            + "\"active\"]").doesNotContain("CustomerId").doesNotContain("C00000");
                });
    }

    @Test
    void theSwaggerFormatGivesTheSameResults() throws Exception {
        bed(StudioTestbed.builder(dir).option(StudioClassicOptions.RRS_FORMAT, "swagger"));
        Connector c = bed.newConnector();
        run(c, bed.stage(c, bed.churn, "run-1", 1500, 1)).assertScoresEveryStagedRowInOrder(1500);
        assertThat(bed.emulator.requests()).filteredOn(r -> r.request().path().endsWith("/execute")).hasSize(2)
                .allSatisfy(r -> assertThat(r.request().queryParam("format")).contains("swagger"));
    }

    @Test
    void armWebServicesScoreAtTheUrlTheirSwaggerGivesWithTheirListedKey() throws Exception {
        bed(StudioTestbed.builder(dir));
        Connector c = bed.newConnector();
        run(c, bed.stage(c, bed.armChurn, "run-1", 30, 1)).assertScoresEveryStagedRowInOrder(30);
        assertThat(bed.emulator.count("POST", bed.armChurn.scoringPath() + "/execute")).isEqualTo(1);
        assertThat(bed.emulator.count("GET", ".*/webServices/arm-churn/listKeys")).isEqualTo(1);
    }

    @Test
    void aModelThatEchoesTheCustomerIdKeepsOneCustomerIdColumn() throws Exception {
        bed(StudioTestbed.builder(dir));
        StudioWebService echo = bed.studio.addWebService(bed.churnWs, StudioServiceSpec.builder("Echo")
                .input("input1", StudioColumn.string("CustomerId"), StudioColumn.integer("age"),
                        StudioColumn.number("income"))
                .output("output1", StudioColumn.string("CustomerId"), StudioColumn.string("Scored Labels"),
                        StudioColumn.number("Scored Probabilities"))
                .model(StudioTestbed.MODEL).build());
        Connector c = bed.newConnector();
        Collected out = run(c, bed.stage(c, echo, "run-1", 40, 1));
        assertThat(out.header()).containsExactly("CustomerId", "Scored Labels", "Scored Probabilities", "age",
                "income", "plan", "active");
        out.assertScoresEveryStagedRowInOrder(40);
    }

    @Test
    void requestsStayWithinTheEndpointsConcurrencyLimit() throws Exception {
        bed(StudioTestbed.builder(dir).maxConcurrentCalls(3).option(StudioClassicOptions.RRS_CHUNK_SIZE, "10"));
        bed.studio.scoringLatency(Duration.ofMillis(15));
        Connector c = bed.newConnector();
        run(c, bed.stage(c, bed.churn, "run-1", 300, 1)).assertScoresEveryStagedRowInOrder(300);
        assertThat(bed.studio.maxConcurrentScoring()).isBetween(2, 3);
        assertThat(bed.emulator.requests()).filteredOn(r -> r.status() == 503).isEmpty();
    }

    @Test
    void theConcurrencyOptionBoundsRequestsInFlight() throws Exception {
        bed(StudioTestbed.builder(dir).option(StudioClassicOptions.RRS_CHUNK_SIZE, "10")
                .option(StudioClassicOptions.RRS_CONCURRENCY, "2"));
        bed.studio.scoringLatency(Duration.ofMillis(15));
        Connector c = bed.newConnector();
        run(c, bed.stage(c, bed.churn, "run-1", 200, 1)).assertScoresEveryStagedRowInOrder(200);
        assertThat(bed.studio.maxConcurrentScoring()).isEqualTo(2);
    }

    @Test
    void eachPollDoesBoundedWorkAndReportsProgress() throws Exception {
        bed(StudioTestbed.builder(dir).option(StudioClassicOptions.RRS_CHUNK_SIZE, "10")
                .option(StudioClassicOptions.RRS_CHUNKS_PER_POLL, "3"));
        Connector c = bed.newConnector();
        JobRequest request = bed.stage(c, bed.churn, "run-1", 95, 1);
        JobHandle handle = c.submit(request);
        assertThat(handle.jobId()).isEqualTo("run-1");
        List<Long> progress = new ArrayList<>();
        JobStatus s;
        do {
            s = c.poll(handle);
            progress.add(s.rowsDone());
            assertThat(s.rowsTotal()).isEqualTo(95);
        } while (!s.state().isTerminal());
        assertThat(progress).containsExactly(30L, 60L, 90L, 95L);
    }

    @Test
    void globalParametersAreSent() throws Exception {
        bed(StudioTestbed.builder(dir));
        Connector c = bed.newConnector();
        JobRequest staged = bed.stage(c, bed.churn, "run-1", 50, 1);
        JobRequest request = new JobRequest(staged.runId(), staged.workflowId(), staged.model(), staged.contract(),
                staged.inputs(), Map.of("threshold", "0.99"), staged.output(), staged.workPrefix());
        Collected out = run(c, request);
        assertThat(out.rows()).extracting(r -> r.get(out.column("Scored Labels"))).containsOnly("0");
        assertThat(bed.emulator.requests()).filteredOn(r -> r.request().path().endsWith("/execute"))
                .allSatisfy(r -> assertThat(r.request().bodyText()).contains("\"GlobalParameters\":{\"threshold\""
                        + ":\"0.99\"}"));
    }

    @Test
    void aStagedInputWithoutARequiredModelFieldIsRefusedNamingIt() throws Exception {
        bed(StudioTestbed.builder(dir));
        Connector c = bed.newConnector();
        JobRequest staged = bed.stage(c, bed.churn, "run-1", 5, 1);
        ModelInput in = staged.contract().inputs().get(0);
        List<ModelField> fields = new ArrayList<>(in.fields());
        fields.add(ModelField.of("tenure", DataType.INTEGER));
        ServiceContract drifted = new ServiceContract(List.of(ModelInput.of("input1", fields)),
                staged.contract().parameters(), staged.contract().outputs());
        JobRequest request = new JobRequest("run-2", "wf-1", staged.model(), drifted, staged.inputs(), Map.of(),
                staged.output(), "runs/wf-1/run-2/connector/");
        assertThatThrownBy(() -> c.submit(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[tenure]");
    }

    @Test
    void theServicesWrongColumnsErrorFailsTheJobWithItsCodes() throws Exception {
        bed(StudioTestbed.builder(dir));
        Connector c = bed.newConnector();
        JobRequest staged = bed.stage(c, bed.churn, "run-1", 5, 1);
        ModelInput in = staged.contract().inputs().get(0);
        List<ModelField> fields = new ArrayList<>(in.fields());
        fields.add(ModelField.of("CustomerId", DataType.STRING)); // a field the service does not know
        ServiceContract stale = new ServiceContract(List.of(ModelInput.of("input1", fields)),
                staged.contract().parameters(), staged.contract().outputs());
        JobRequest request = new JobRequest("run-2", "wf-1", staged.model(), stale, staged.inputs(), Map.of(),
                staged.output(), "runs/wf-1/run-2/connector/");
        JobHandle handle = c.submit(request);
        JobStatus status = pollToEnd(c, handle);
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorCode()).isEqualTo("InputMismatchError");
        assertThat(status.errorMessage()).contains("BadUserArgument").contains("'CustomerId' is not in the schema");
        assertThat(bed.emulator.count("POST", EXECUTE)).isEqualTo(1);
        assertThat(bed.newConnector().poll(handle).state()).as("the failure is in the lake").isEqualTo(JobState.FAILED);
    }

    @Test
    void aWrongHostSuppliedKeyFailsAt401WithoutRetrying() throws Exception {
        bed(StudioTestbed.builder(dir));
        Connector c = new StudioClassicConnectorProvider().create(contextWithKey("not-the-key"));
        JobRequest request = bed.stage(c, bed.churn, "run-1", 5, 1);
        JobStatus status = pollToEnd(c, c.submit(request));
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorCode()).isEqualTo("ScoreRequestUnauthorized");
        assertThat(bed.emulator.count("POST", EXECUTE)).isEqualTo(1);
        assertThat(bed.emulator.requests()).filteredOn(r -> r.status() == 401).singleElement();
    }

    @Test
    void aHostSuppliedKeyIsUsed() throws Exception {
        bed(StudioTestbed.builder(dir));
        Connector c = new StudioClassicConnectorProvider().create(contextWithKey(bed.churn.secondaryKey()));
        run(c, bed.stage(c, bed.churn, "run-1", 5, 1)).assertScoresEveryStagedRowInOrder(5);
        assertThat(bed.emulator.requests()).filteredOn(r -> r.request().path().endsWith("/execute"))
                .allSatisfy(r -> assertThat(r.request().bearerToken()).contains(bed.churn.secondaryKey()));
    }

    private dev.custommodels.testkit.TestConnectorContext contextWithKey(String key) {
        var base = bed.context();
        return dev.custommodels.testkit.TestConnectorContext.builder().httpClient(base.httpClient())
                .lake(bed.lake).credential("*", new dev.custommodels.testkit.FakeTokenCredential(StudioTestbed.TENANT))
                .option(StudioClassicOptions.MODE, "rrs").apiKeys(m -> Optional.of(new KeyCredential(key))).build();
    }

    @Test
    void anEmptyInputSucceedsWithAHeaderOnlyOutput() throws Exception {
        bed(StudioTestbed.builder(dir));
        Connector c = bed.newConnector();
        Collected out = run(c, bed.stage(c, bed.churn, "run-1", 0, 1));
        assertThat(out.rows()).isEmpty();
        assertThat(out.header()).contains("CustomerId");
        assertThat(bed.emulator.count("POST", EXECUTE)).isZero();
    }

    @Test
    void submittingTheSameRunAgainContinuesTheSameJob() throws Exception {
        bed(StudioTestbed.builder(dir));
        Connector c = bed.newConnector();
        JobRequest request = bed.stage(c, bed.churn, "run-1", 20, 1);
        JobHandle first = c.submit(request);
        assertThat(bed.newConnector().findSubmitted(request)).contains(first);
        assertThat(bed.newConnector().submit(request)).isEqualTo(first);
    }
}
