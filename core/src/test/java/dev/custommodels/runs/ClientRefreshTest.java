package dev.custommodels.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.EntitySource;
import dev.custommodels.entities.InMemoryEntitySource;
import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.fakes.ScoringBackend;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.DataType;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RunTrigger;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.models.WorkflowRefreshStatus;
import dev.custommodels.output.OutputEntityClientBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** refresh() through the public client: a workflow fed by another workflow's output entity runs after it. */
class ClientRefreshTest {

    @Test
    void refreshRunsTheProducerBeforeTheWorkflowThatReadsItsOutput(@TempDir Path dir) {
        FakeBackend discovery = FakeBackend.withSampleData();
        discovery.addService(FakeBackend.WORKSPACE, "offers", "web service", new ServiceContract(
                List.of(ModelInput.of("input1", List.of(ModelField.of("customerId", DataType.STRING),
                        ModelField.of("tenure", DataType.NUMBER)))), List.of(),
                List.of(new ModelOutput("output1", List.of()))));
        ScoringBackend backend = new ScoringBackend(dir.resolve("service"), discovery);
        Path lake = dir.resolve("lake");
        EntitySource churnScores = new OutputEntityClientBuilder().lakeStore(new LocalLakeStore(lake)).buildClient()
                .asEntitySource("ChurnScores");
        EntitySource customers = InMemoryEntitySource.builder(SampleEntities.CUSTOMER)
                .addRow("c1", 12, 50.0, "a@example.com").addRow("c2", 3, 20.5, null).addRow("c3", 40, 9.0, null)
                .build();
        CustomModelsClient client = RunBed.builder(EntityCatalog.of(customers, churnScores), backend,
                java.time.Clock.systemUTC()).lakeDirectory(lake).buildClient();

        Workflow churn = client.createWorkflow(SampleEntities.churnWorkflow(RunBed.CONNECTOR));
        client.beginRun(churn.id()).getFinalResult(); // the offers workflow binds ChurnScores, so it must exist
        Workflow offers = client.createWorkflow(WorkflowDefinition.of("Offers",
                new ModelReference(RunBed.CONNECTOR, FakeBackend.TENANT, FakeBackend.WORKSPACE, "offers", null),
                List.of(new InputBinding("input1", "ChurnScores", List.of(FieldBinding.pin("customerId", "customerId"),
                        FieldBinding.pin("tenure", "churnScore")))),
                OutputSettings.of("RetentionOffers"), "customerId"));

        RefreshResult result = client.refresh();

        assertThat(result.isSuccessful()).as("%s", result).isTrue();
        assertThat(result.workflow(churn.id()).orElseThrow().status()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED);
        assertThat(result.workflow(offers.id()).orElseThrow().status()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED);
        assertThat(result.workflow(offers.id()).orElseThrow().dependsOn()).contains(churn.id());
        assertThat(result.workflow(offers.id()).orElseThrow().startedAt())
                .isAfterOrEqualTo(result.workflow(churn.id()).orElseThrow().finishedAt());
        String offersRun = result.workflow(offers.id()).orElseThrow().runId();
        assertThat(client.getRun(offersRun).trigger()).isEqualTo(RunTrigger.REFRESH);
        assertThat(client.getOutputEntityClient().query("RetentionOffers", "customerId eq 'c3'").stream().toList())
                .singleElement().satisfies(row -> assertThat(row.getDouble("churnScore"))
                        .isCloseTo(1 / (1 + 1 / 41.0), org.assertj.core.data.Offset.offset(1e-4)));
        assertThat(client.listRuns(churn.id()).stream().count()).isEqualTo(2);
    }
}
